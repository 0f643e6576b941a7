/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Kernel-private definitions: the process and privilege tables and the
 * interfaces between the kernel's subsystems.  User space never sees this
 * file; its view of the same data is in include/axo/kinfo.h.
 */
#ifndef KERNEL_KERNEL_H
#define KERNEL_KERNEL_H

#include <stdarg.h>
#include <axo/types.h>
#include <axo/config.h>
#include <axo/endpoint.h>
#include <axo/errno.h>
#include <axo/ipc.h>
#include <axo/kcall.h>
#include <axo/priv.h>
#include <axo/kinfo.h>
#include <axo/signal.h>
#include <axo/fmt.h>
#include "arch/i386/arch.h"

/* Misc flags: do not affect runnability. */
#define MF_REPLY_PEND       0x01  /* in a sendrec: notifies may not satisfy it */
#define MF_FPU_INITIALIZED  0x02
#define MF_PF_REPORTED      0x04  /* VM has been told of this page fault */

#define SUSPEND   (-998)          /* internal: the caller blocked, no reply now */
#define NO_SLOT   (-9999)

struct ktimer {
	clock_t64 expires;
	struct ktimer *next;
	void (*fire)(struct ktimer *t);
	endpoint_t owner;
	bool armed;
};

struct priv {
	int id;                        /* index in priv_table, bit in masks */
	int proc_nr;                   /* owning slot, or NO_SLOT */
	uint32_t flags;
	uint32_t init_flags;
	uint32_t trap_mask;
	uint32_t ipc_to[PRIV_MASK_WORDS];
	uint32_t k_call_mask[KCALL_MASK_WORDS];
	endpoint_t sig_mgr;
	endpoint_t bak_sig_mgr;
	int nr_irq;
	int irq[NR_IRQ_PER_PRIV];
	int nr_io;
	struct io_range io[NR_IO_RANGE];
	vir_bytes grant_table;         /* address in the owner, 0: none */
	int grant_entries;
	endpoint_t grant_endpoint;     /* who registered it */
	vir_bytes asyn_table;          /* SENDA table in the owner */
	int asyn_size;
	endpoint_t asyn_endpoint;
};

struct proc {
	struct regs regs;              /* must be first: the entry stubs fill it */
	uint32_t rts_flags;            /* runnable iff 0 */
	uint32_t misc_flags;
	int nr;                        /* slot; negative for tasks */
	endpoint_t endpoint;
	struct priv *priv;
	char name[PROC_NAME_LEN];
	uint32_t *pgdir;               /* page directory (identity mapped) */

	int priority;
	int quantum_left;
	struct proc *next_ready;
	uint32_t user_ticks, sys_ticks;

	endpoint_t getfrom;            /* receiving from, when RTS_RECEIVING */
	endpoint_t sendto;             /* sending to, when RTS_SENDING */
	vir_bytes recv_buf;            /* user buffer of a blocked receive */
	phys_bytes recv_phys;          /* its physical address, 0: unknown */
	int send_trap;                 /* SEND, SENDNB or SENDREC */
	message sendmsg;               /* message of a blocked sender */
	struct proc *caller_q;         /* processes blocked sending to us */
	struct proc *q_link;           /* next in someone's caller_q */
	uint32_t notify_pending[PRIV_MASK_WORDS];  /* by sender priv id */
	uint32_t asyn_pending[PRIV_MASK_WORDS];    /* by sender priv id */
	uint32_t int_pending;          /* IRQ hook bits for the next notify */
	ksigset_t sig_pending;         /* kernel signals for the next notify */

	ksigset_t ksig;                /* signals waiting for the manager */
	struct ktimer alarm;
	vir_bytes pf_addr;             /* last page fault, for VM */
	uint32_t pf_err;

	uint8_t fpu[512] __attribute__((aligned(16)));
} __attribute__((aligned(16)));

#define proc_addr(n)   (&proc_table[(n) + NR_TASKS])
#define proc_slot_ok(n) ((n) >= -NR_TASKS && (n) < NR_PROCS)
#define is_task(p)     ((p)->nr < 0)
#define is_sys(p)      (((p)->priv->flags & SYS_PROC) != 0)
#define proc_is_free(p) (((p)->rts_flags & RTS_SLOT_FREE) != 0)
#define BEG_PROC       (&proc_table[0])
#define END_PROC       (&proc_table[NR_TASKS + NR_PROCS])
#define BEG_USER_PROC  proc_addr(0)

extern struct proc proc_table[NR_TASKS + NR_PROCS];
extern struct priv priv_table[NR_SYS_PROCS];
extern struct proc *current;
extern clock_t64 ticks;
extern endpoint_t vm_endpoint;     /* NONE until a VM_SYS_PROC exists */
extern struct kinfo kinfo;

/* Copy one message: a single string move, the cheapest copy on i386. */
static inline void msg_copy(message *dst, const message *src)
{
	uint32_t n = sizeof(message) / 4;

	__asm__ volatile("rep movsl" : "+D"(dst), "+S"(src), "+c"(n) : : "memory");
}

/* klog.c */
void kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void kputs_n(const char *s, size_t n);

/* panic.c */
_Noreturn void panic(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void stacktrace_kernel(uint32_t ebp, uint32_t eip);
void stacktrace_user(struct proc *p);
const char *ksym_lookup(uint32_t addr, uint32_t *offset);


/* proc.c */
void proc_init(void);
int endpoint_lookup(endpoint_t e, struct proc **pp);
int endpoint_lookup_self(struct proc *caller, endpoint_t e, struct proc **pp);
void rts_set(struct proc *p, uint32_t flags);
void rts_unset(struct proc *p, uint32_t flags);
void sched_yield_current(void);
struct proc *schedule(void);
void proc_reset_slot(struct proc *p);
endpoint_t proc_next_endpoint(struct proc *p);

/* priv.c */
void priv_init(void);
struct priv *priv_alloc_id(int want_id, int *err);
void priv_free(struct priv *pr);
void priv_set_defaults_sys(struct priv *pr);
int priv_check_spec(const struct priv_spec *spec);
void priv_apply_spec(struct priv *pr, const struct priv_spec *spec);
void priv_fill_spec(const struct priv *pr, struct priv_spec *spec);
void priv_set_sendto(struct priv *from, struct priv *to);
void priv_unset_sendto(struct priv *from, struct priv *to);
bool may_send_to(const struct proc *from, const struct proc *to);
extern struct priv *user_priv;
extern endpoint_t root_sys_endpoint;

/* ipc.c */
void do_ipc(struct proc *caller);
int mini_notify(struct proc *caller, struct proc *dst);
void kernel_notify(endpoint_t src_task, struct proc *dst);
void clear_ipc_refs(struct proc *dead, int code);
void clear_endpoint(struct proc *p);
void ipc_abort_send(struct proc *p);
void ipc_unblock_all(struct proc *p, int code);
void ipc_requeue_send(struct proc *p, endpoint_t to);

/* memory.c */
void mem_init(phys_bytes ram_top, phys_bytes free_start);
phys_bytes page_alloc(void);
phys_bytes boot_page_alloc(void);
void page_free(phys_bytes pa);
unsigned pages_free_count(void);
int as_create(struct proc *p);
void as_destroy(struct proc *p);
int as_map(struct proc *p, vir_bytes va, phys_bytes pa, uint32_t flags);
int as_unmap(struct proc *p, vir_bytes va);
int as_lookup(struct proc *p, vir_bytes va, phys_bytes *pa, uint32_t *flags);
void as_clear_user(struct proc *p);
void as_switch(struct proc *p);
void paging_enable(void);
int umem_read(struct proc *p, vir_bytes va, void *dst, size_t n);
int umem_write(struct proc *p, vir_bytes va, const void *src, size_t n);
int umem_copy(struct proc *sp, vir_bytes sva, struct proc *dp, vir_bytes dva,
	      size_t n);
int umem_check(struct proc *p, vir_bytes va, size_t n, bool write);
phys_bytes umem_msg_phys(struct proc *p, vir_bytes va, bool write);
int umem_msg_read(struct proc *p, vir_bytes va, message *m);
int umem_msg_write(struct proc *p, vir_bytes va, const message *m);
extern phys_bytes kernel_phys_top;

/* system.c, and one handler per kernel call in system/do_<call>.c */
#define KCALL_PROTO(name, off, fn) int do_##fn(struct proc *caller, message *m);
KCALL_LIST(KCALL_PROTO)
#undef KCALL_PROTO
void kernel_call(struct proc *caller);
void system_init(void);

/* signal.c */
void cause_sig(struct proc *p, int sig);
void send_sig(struct proc *mgr, int sig);

/* clock.c */
void clock_init(void);
void clock_handler(void);
void timer_set(struct ktimer *t, clock_t64 expires);
void timer_cancel(struct ktimer *t);

/* interrupt.c */
void irq_dispatch(int irq);
int irq_hook_set(struct proc *owner, int irq, int policy, int notify_bit);
int irq_hook_remove(struct proc *owner, int hook_id);
int irq_hook_enable(struct proc *owner, int hook_id, bool enable);
void irq_hooks_release(endpoint_t e);

/* exception.c */
void exception_from_user(struct proc *p, int vec);
void pagefault_from_user(struct proc *p);
_Noreturn void exception_in_kernel(struct regs *r);

/* boot.c */
void boot_scan(uint32_t mb_info);
void boot_load_modules(void);
extern phys_bytes mem_top, modules_end;
extern char kernel_cmdline[256];
extern struct boot_image_entry boot_image[];
extern unsigned boot_image_count;

/* fpu.c */
void fpu_release(struct proc *p);
void fpu_arm(struct proc *next);

/* main.c */
void trap_from_user(struct regs *r);
void trap_from_kernel(struct regs *r);

#endif
