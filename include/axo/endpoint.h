/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Endpoints name a process instance: endpoint = generation << 15 + slot.
 * Slot numbers of kernel tasks are negative; decoding adds MAX_NR_TASKS so
 * they round-trip.  Generation 0 gives endpoint == slot, which is why boot
 * processes have fixed endpoints.  Forking bumps the generation of the
 * child's slot, so a message to a dead instance fails with EDEADSRCDST.
 */
#ifndef AXO_ENDPOINT_H
#define AXO_ENDPOINT_H

#include <axo/types.h>

#define ENDPOINT_GENERATION_SHIFT 15
#define ENDPOINT_GENERATION_SIZE  (1 << ENDPOINT_GENERATION_SHIFT)
#define MAX_NR_TASKS		  1023
#define ENDPOINT_MAX_GENERATION	  (INT32_MAX / ENDPOINT_GENERATION_SIZE - 1)

#define ENDPOINT(gen, slot) \
	((endpoint_t)(((gen) << ENDPOINT_GENERATION_SHIFT) + (slot)))
#define ENDPOINT_G(e) ((int)(((e) + MAX_NR_TASKS) >> ENDPOINT_GENERATION_SHIFT))
#define ENDPOINT_P(e) \
	((int)((((e) + MAX_NR_TASKS) & (ENDPOINT_GENERATION_SIZE - 1)) - \
	       MAX_NR_TASKS))

/* Special endpoints: never a real process. */
#define ANY	     ((endpoint_t)(ENDPOINT_GENERATION_SIZE - MAX_NR_TASKS - 1))
#define NONE	     ((endpoint_t)(ANY - 1))
#define SELF	     ((endpoint_t)(ANY - 2))
#define MAX_NR_PROCS ((int)SELF)

/* Kernel tasks. */
#define ASYNCM	 ((endpoint_t)-5) /* source of senda completion notifies */
#define IDLE	 ((endpoint_t)-4)
#define CLOCK	 ((endpoint_t)-3) /* alarms */
#define SYSTEM	 ((endpoint_t)-2) /* kernel calls, kernel signals */
#define KERNEL	 ((endpoint_t)-1)
#define HARDWARE KERNEL /* interrupts, page faults for VM */

/* The first boot module is slot 0. */
#define FIRST_BOOT_SLOT 0

/*
 * Well-known endpoints of the system image: its boot modules in slots
 * 0.. in this order (tools/gen_boot.py checks boot/modules.list against
 * them).  User programs reach PM and VM through these constants.
 */
#define RS_PROC_NR   ((endpoint_t)0)
#define DS_PROC_NR   ((endpoint_t)1)
#define VM_PROC_NR   ((endpoint_t)2)
#define PM_PROC_NR   ((endpoint_t)3)
#define INIT_PROC_NR ((endpoint_t)4)
#define VFS_PROC_NR  ((endpoint_t)5) /* the VFS issue puts VFS here */

#endif
