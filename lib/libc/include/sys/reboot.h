/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * <sys/reboot.h>: stop the machine through PM (PM_REBOOT).  PM first has
 * VFS sync and unmount every file system.  Superuser only.
 */
#ifndef AXO_LIBC_SYS_REBOOT_H
#define AXO_LIBC_SYS_REBOOT_H

#include <axo/msg_pm.h>

#define RB_HALT	    PM_RB_HALT	   /* stop, machine left on */
#define RB_REBOOT   PM_RB_REBOOT   /* restart */
#define RB_POWEROFF PM_RB_POWEROFF /* power off (QEMU exits) */

/* Returns only on failure: -1 with errno (EPERM, EINVAL). */
int reboot(int how);

#endif
