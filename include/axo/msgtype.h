/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Message-type ranges: one per subsystem, so that a number read off a
 * trace tells whose it is.  Kernel-call numbers are in <axo/kcall.h>.
 */
#ifndef AXO_MSGTYPE_H
#define AXO_MSGTYPE_H

#include <axo/kcall.h>

#define PM_RQ_BASE     0x100
#define VFS_RQ_BASE    0x200
#define CDEV_RQ_BASE   0x400
#define BDEV_RQ_BASE   0x500
#define FS_RQ_BASE     0x600
#define RS_RQ_BASE     0x700
#define DS_RQ_BASE     0x800
#define VM_RQ_BASE     0xC00
#define COMMON_RQ_BASE 0xE00
#define NOTIFY_MESSAGE 0x1000
#define TEST_RQ_BASE   0x1F00 /* test programs' private protocol */

#define IS_KERNEL_CALL(t) ((t) >= KERNEL_CALL && (t) < KERNEL_CALL + 0x100)
#define IS_PM_CALL(t)	  ((t) >= PM_RQ_BASE && (t) < PM_RQ_BASE + 0x100)
#define IS_VFS_CALL(t)	  ((t) >= VFS_RQ_BASE && (t) < VFS_RQ_BASE + 0x100)
#define IS_CDEV_CALL(t)	  ((t) >= CDEV_RQ_BASE && (t) < CDEV_RQ_BASE + 0x100)
#define IS_BDEV_CALL(t)	  ((t) >= BDEV_RQ_BASE && (t) < BDEV_RQ_BASE + 0x100)
#define IS_FS_CALL(t)	  ((t) >= FS_RQ_BASE && (t) < FS_RQ_BASE + 0x100)
#define IS_RS_CALL(t)	  ((t) >= RS_RQ_BASE && (t) < RS_RQ_BASE + 0x100)
#define IS_DS_CALL(t)	  ((t) >= DS_RQ_BASE && (t) < DS_RQ_BASE + 0x100)
#define IS_VM_CALL(t)	  ((t) >= VM_RQ_BASE && (t) < VM_RQ_BASE + 0x100)
#define IS_COMMON_CALL(t) \
	((t) >= COMMON_RQ_BASE && (t) < COMMON_RQ_BASE + 0x100)
#define IS_NOTIFY(t)	((t) == NOTIFY_MESSAGE)
#define IS_TEST_CALL(t) ((t) >= TEST_RQ_BASE && (t) < TEST_RQ_BASE + 0x100)

#endif
