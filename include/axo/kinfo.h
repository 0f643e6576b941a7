/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Tables sys_getinfo copies out.  These are stable ABI views, not the
 * kernel's private structures.
 */
#ifndef AXO_KINFO_H
#define AXO_KINFO_H

#include <axo/types.h>
#include <axo/config.h>

#define KINFO_MAX_MEM 8

struct mem_range {
	phys_bytes base;
	phys_bytes size;
};

struct kinfo {
	uint32_t nr_procs;	/* NR_PROCS */
	uint32_t nr_tasks;	/* NR_TASKS */
	uint32_t nr_boot_procs; /* boot modules loaded */
	uint32_t hz;
	phys_bytes mem_total; /* bytes of RAM */
	uint32_t nr_free_mem;
	struct mem_range free_mem[KINFO_MAX_MEM]; /* not used by the kernel */
	uint32_t kernel_pages_free; /* page-table pool left (leak checks) */
	uint32_t pad;
	uint64_t boot_tsc;	 /* TSC when the kernel entered main */
	uint64_t first_proc_tsc; /* TSC when the first process ran */
	char version[32];
};

/*
 * One boot module.  A process (proc_nr >= 0) was loaded at [image_lo,
 * image_hi) with its stack just below USER_STACK_TOP; a file (BOOT_FILE,
 * proc_nr -1) is left as it is in physical memory at [base, base + size).
 */
struct boot_image_entry {
	int32_t proc_nr;
	endpoint_t endpoint;
	char name[PROC_NAME_LEN];
	uint32_t flags; /* BOOT_* from the module list */
	vir_bytes image_lo, image_hi;
	phys_bytes base, size;
};

#define BOOT_IMAGE_MAX 16 /* boot modules at most */

#define BOOT_ROOT   0x1	 /* root system process */
#define BOOT_VM	    0x2	 /* the memory manager */
#define BOOT_USRMGR 0x4	 /* signal manager of user processes */
#define BOOT_USER   0x8	 /* runs with user privileges */
#define BOOT_FILE   0x10 /* not a process: a file for exec */
#define BOOT_RUN    0x20 /* a file init starts */

struct proc_info {
	int32_t nr;
	endpoint_t endpoint;
	uint32_t rts_flags; /* 0: runnable; RTS_SLOT_FREE: empty */
	uint32_t misc_flags;
	int32_t priv_id;
	uint32_t priv_flags;
	endpoint_t getfrom;
	endpoint_t sendto;
	int32_t priority;
	uint32_t user_ticks;
	uint32_t sys_ticks;
	char name[PROC_NAME_LEN];
};

struct priv_info {
	int32_t id;
	int32_t proc_nr; /* owning slot, or NONE */
	uint32_t flags;
	endpoint_t sig_mgr;
	endpoint_t bak_sig_mgr;
};

struct whoami {
	endpoint_t endpoint;
	uint32_t priv_flags;
	uint32_t init_flags;
	char name[PROC_NAME_LEN];
};

/* Process states (rts_flags): runnable only when zero. */
#define RTS_SLOT_FREE	0x01
#define RTS_PROC_STOP	0x02
#define RTS_SENDING	0x04
#define RTS_RECEIVING	0x08
#define RTS_SIGNALED	0x10
#define RTS_SIG_PENDING 0x20
#define RTS_NO_PRIV	0x80
#define RTS_NO_ENDPOINT 0x100
#define RTS_PAGEFAULT	0x400

#endif
