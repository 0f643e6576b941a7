// SPDX-License-Identifier: BSD-2-Clause
/*
 * The Axolotl calls of <axo/libc.h> (requests to PM, VM and RS), reboot
 * (<sys/reboot.h>), and getentropy, which newlib's arc4random asks for: there is no entropy source yet, so it fails with
 * ENOSYS rather than hand out predictable bytes.
 */
#include <string.h>
#include <sys/reboot.h>
#include <unistd.h>

#include <axo/libc.h>

#include "libc_priv.h"

int axo_poweroff(int status)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.pm_reboot.how = PM_RB_POWEROFF;
	m.pm_reboot.status = status;
	return libc_result(libc_call(PM_PROC_NR, PM_REBOOT, &m));
}

int reboot(int how)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.pm_reboot.how = how;
	return libc_result(libc_call(PM_PROC_NR, PM_REBOOT, &m));
}

int axo_procinfo(struct pm_procinfo *buf, size_t count, unsigned *total)
{
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	m.pm_getprocs.buf = (vir_bytes)buf;
	m.pm_getprocs.count = count > UINT32_MAX ? UINT32_MAX : (uint32_t)count;
	r = libc_call(PM_PROC_NR, PM_GETPROCS, &m);
	if (r < 0)
		return libc_result(r);
	if (total != NULL)
		*total = m.pm_getprocs.total;
	return r;
}

/* Asking RS again after EAGAIN: at most this many times. */
#define RS_AGAIN_TRIES 1000

/* Wait until PM answers a call of ours: it is free again. */
static void wait_for_pm(void)
{
	message m;

	memset(&m, 0, sizeof(m));
	libc_call(PM_PROC_NR, PM_GETPID, &m);
}

/*
 * RS answers EAGAIN when it cannot tell who we are at once: PM, which
 * knows, is busy (RS never waits on it) or held by a live update, or RS
 * is still booting.  The request changed nothing; it is asked again once
 * PM has answered us.
 */
int axo_rs_request(int type, struct rs_req_msg *req)
{
	message m;
	int r;

	for (int tries = 0;; tries++) {
		memset(&m, 0, sizeof(m));
		m.rs_req = *req;
		r = libc_call(RS_PROC_NR, type, &m);
		if (r != -EAGAIN || tries == RS_AGAIN_TRIES)
			break;
		wait_for_pm();
	}
	if (r < 0)
		return libc_result(r);
	*req = m.rs_req;
	return r;
}

int axo_vm_info(struct vm_info_msg *out)
{
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	r = libc_call(VM_PROC_NR, VM_INFO, &m);
	if (r < 0)
		return libc_result(r);
	*out = m.vm_info;
	return 0;
}

int axo_boot_file(int index, char *name, size_t len, unsigned *flags)
{
	message m;
	size_t n;
	int r;

	memset(&m, 0, sizeof(m));
	m.vm_boot_file.index = index;
	r = libc_call(VM_PROC_NR, VM_BOOT_FILE, &m);
	if (r < 0)
		return libc_result(r);
	n = strnlen(m.vm_boot_file.name, sizeof(m.vm_boot_file.name));
	if (n >= len)
		return libc_result(-ENAMETOOLONG);
	memcpy(name, m.vm_boot_file.name, n);
	name[n] = '\0';
	if (flags != NULL)
		*flags = m.vm_boot_file.flags;
	return (int)m.vm_boot_file.size;
}

int getentropy(void *buf, size_t len)
{
	(void)buf;
	(void)len;
	return libc_result(-ENOSYS);
}
