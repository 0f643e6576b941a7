/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Axolotl calls of newlib programs that no POSIX header declares: power
 * off, the VM memory report, the boot-file list, the process table, a
 * request to RS, and brk.  Programs with
 * LIBC := newlib find this header as <axo/libc.h> (lib/libc/include).
 * Each call returns 0 (or what it says) on success, -1 with errno set on
 * failure.
 */
#ifndef AXO_LIBC_H
#define AXO_LIBC_H

#include <stddef.h>
#include <axo/msg_vm.h>
#include <axo/msg_pm.h>
#include <axo/msg_rs.h>

/*
 * Powers the machine off through PM (PM_REBOOT, PM_RB_POWEROFF); under
 * QEMU with isa-debug-exit the emulator leaves with status.  Superuser
 * only (EPERM otherwise).  Returns only on failure.
 */
int axo_poweroff(int status);

/* VM's memory report (VM_INFO) into *out; used by leak checks. */
int axo_vm_info(struct vm_info_msg *out);

/*
 * Name (NUL-terminated in name[len]) and VM_BF_* flags (if flags is not
 * NULL) of boot file index (0, 1, ...).  Fails with ENOENT past the last
 * one and ENAMETOOLONG if len is too small.  Returns the file's size.
 */
int axo_boot_file(int index, char *name, size_t len, unsigned *flags);

/*
 * Writes text to the kernel log through PM, whatever descriptors 0..2
 * are (init, before the console is open).
 */
int axo_klog(const char *text);

/*
 * PM's process table (PM_GETPROCS): copies at most count entries into
 * buf and returns how many it copied; *total (if not NULL) is how many
 * processes there are, so total > the result means buf was too short.
 */
int axo_procinfo(struct pm_procinfo *buf, size_t count, unsigned *total);

/*
 * Sends request type (RS_*, <axo/msg_rs.h>) with *req to RS and waits.
 * Returns the reply's m_type (>= 0: OK, or a count for RS_STATUS) with
 * the reply payload copied back into *req; -1 with errno set if RS
 * refused (EPERM, ESRCH, ENOSYS, ...).
 */
int axo_rs_request(int type, struct rs_req_msg *req);

/* Sets the break to addr (newlib declares only sbrk). */
int brk(void *addr);

#endif
