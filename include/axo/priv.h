/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Privileges as user space sees them.  A system process owns one privilege
 * structure; all user processes share USER_PRIV_ID.  struct priv_spec is
 * what sys_privctl(SET_SYS / UPDATE_SYS) reads from the caller.
 */
#ifndef AXO_PRIV_H
#define AXO_PRIV_H

#include <axo/types.h>
#include <axo/config.h>
#include <axo/kcall.h>

/* Privilege flags. */
#define PREEMPTIBLE   0x002 /* may be preempted when its quantum ends */
#define BILLABLE      0x004 /* kernel time is charged to it */
#define DYN_PRIV_ID   0x008 /* privilege id allocated dynamically */
#define SYS_PROC      0x010 /* a system process */
#define CHECK_IO_PORT 0x020 /* devio checked against io ranges */
#define CHECK_IRQ     0x040 /* irqctl checked against irq list */
#define ROOT_SYS_PROC 0x100 /* the root system process (RS) */
#define VM_SYS_PROC   0x200 /* the memory manager: gets page faults */
#define LU_SYS_PROC   0x400 /* new instance created for a live update */
#define RST_SYS_PROC  0x800 /* instance created for a restart */
#define IMM_FLAGS     (ROOT_SYS_PROC | VM_SYS_PROC | PREEMPTIBLE)

/* Privilege ids: 0..NR_TASKS-1 tasks, then boot modules, then dynamic. */
#define USER_PRIV_ID	   (NR_TASKS) /* shared by all user processes */
#define FIRST_BOOT_PRIV_ID (NR_TASKS + 1)
#define PRIV_ID_ANY	   (-1)
#define PRIV_MASK_WORDS	   ((NR_SYS_PROCS + 31) / 32)

/* sys_privctl requests. */
#define SYS_PRIV_ALLOW		1
#define SYS_PRIV_DISALLOW	2
#define SYS_PRIV_SET_SYS	3
#define SYS_PRIV_SET_USER	4
#define SYS_PRIV_ADD_IO		5
#define SYS_PRIV_ADD_IRQ	7
#define SYS_PRIV_UPDATE_SYS	9
#define SYS_PRIV_YIELD		10
#define SYS_PRIV_CLEAR_IPC_REFS 11

struct io_range {
	uint32_t base;	/* first port */
	uint32_t limit; /* last port, inclusive */
};

struct priv_spec {
	uint32_t flags;
	uint32_t init_flags;
	uint32_t trap_mask;
	int32_t id;		/* requested static id, or PRIV_ID_ANY */
	endpoint_t sig_mgr;	/* SELF: the process is its own */
	endpoint_t bak_sig_mgr; /* NONE: no backup */
	uint32_t ipc_to[PRIV_MASK_WORDS];
	uint32_t k_call_mask[KCALL_MASK_WORDS];
	int32_t nr_irq;
	int32_t irq[NR_IRQ_PER_PRIV];
	int32_t nr_io;
	struct io_range io[NR_IO_RANGE];
};

#define priv_mask_set(mask, bit)   ((mask)[(bit) / 32] |= 1u << ((bit) % 32))
#define priv_mask_clear(mask, bit) ((mask)[(bit) / 32] &= ~(1u << ((bit) % 32)))
#define priv_mask_test(mask, bit)  (((mask)[(bit) / 32] >> ((bit) % 32)) & 1u)

#endif
