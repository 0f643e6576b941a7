/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * System-wide sizes.  Changing one changes the ABI of the tables that
 * getinfo copies out, so user programs must be rebuilt with the kernel.
 */
#ifndef AXO_CONFIG_H
#define AXO_CONFIG_H

#define NR_TASKS	5   /* kernel tasks, slots -5..-1 */
#define NR_PROCS	256 /* user-space process slots 0..255 */
#define NR_SYS_PROCS	64  /* privilege structures */
#define HZ		100 /* clock ticks per second */
#define NR_IRQ_VECTORS	16
#define NR_IO_RANGE	8 /* port ranges per privilege structure */
#define NR_IRQ_PER_PRIV 4 /* IRQ lines per privilege structure */
#define NR_IRQ_HOOKS	16
#define PROC_NAME_LEN	16
#define PAGE_SIZE	4096u

/* Virtual memory split: the kernel owns [0, USER_BASE), supervisor only. */
#define USER_BASE	0x40000000u
#define USER_STACK_TOP	0xF0000000u
#define BOOT_STACK_SIZE (64u * 1024u)

/* Scheduling. */
#define NR_SCHED_QUEUES 16
#define TASK_Q		0
#define SRV_Q		4
#define USER_Q		7
#define IDLE_Q		15
#define QUANTUM_TICKS	20 /* 200 ms at HZ=100 */

#endif
