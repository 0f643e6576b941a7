/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Payloads of the kernel calls, one named struct per call.  Fields marked
 * "out" are written by the kernel into the caller's message on return.
 * MSG_SYS_MEMBERS lists them for the union in <axo/ipc.h>; each struct is
 * checked against the payload size below.
 */
#ifndef AXO_MSG_SYS_H
#define AXO_MSG_SYS_H

#include <axo/types.h>
#include <axo/config.h>

struct sys_fork_msg {
	endpoint_t parent; /* process to copy */
	int32_t slot;	   /* slot for the child, or -1 for any free */
	endpoint_t child;  /* out: the child's endpoint */
};

struct sys_exec_msg {
	endpoint_t endpt;
	vir_bytes ip;		  /* new program counter */
	vir_bytes sp;		  /* new stack pointer */
	char name[PROC_NAME_LEN]; /* new process name, NUL-padded */
};

struct sys_endpt_msg { /* clear, endksig: one target */
	endpoint_t endpt;
};

struct sys_privctl_msg {
	endpoint_t endpt;
	int32_t request; /* SYS_PRIV_* */
	vir_bytes arg;	 /* struct priv_spec / io_range address, or IRQ */
};

struct sys_kill_msg {
	endpoint_t endpt;
	int32_t sig;
};

/*
 * SYS_SIGSEND: enter handler(signo) on endpt's stack with a struct
 * sigframe (see <axo/signal.h>) that saves its context and `mask`.
 * -EBUSY while endpt is blocked in IPC; -EFAULT when its stack is bad.
 * SYS_SIGRETURN: restore the context at `context` in endpt's memory; a
 * wait of endpt for the caller's reply ends unanswered.
 */
struct sys_sigsend_msg {
	endpoint_t endpt;
	int32_t signo;
	vir_bytes handler;
	vir_bytes trampoline;
	uint32_t mask;
	vir_bytes context; /* SIGRETURN: address of the struct sigcontext */
};

struct sys_getksig_msg {
	endpoint_t endpt; /* out: signalled process, NONE when done */
	uint32_t pad;
	ksigset_t sigs; /* out: its pending signals */
};

struct sys_vircopy_msg {
	endpoint_t src;
	vir_bytes src_addr;
	endpoint_t dst;
	vir_bytes dst_addr;
	vir_bytes bytes;
};

struct sys_irqctl_msg {
	int32_t request; /* IRQ_SETPOLICY, IRQ_RMPOLICY, IRQ_ENABLE, IRQ_DISABLE */
	int32_t irq;
	int32_t policy;	 /* IRQ_REENABLE: unmask after each interrupt */
	int32_t hook_id; /* in: bit to report; out: kernel hook id */
};

struct sys_devio_msg {
	int32_t request; /* DIO_IN/DIO_OUT | DIO_BYTE/WORD/LONG */
	uint32_t port;
	uint32_t value; /* in for output, out for input */
};

/* String I/O: count units between one port and the caller's memory. */
struct sys_sdevio_msg {
	int32_t request; /* DIO_IN/DIO_OUT | DIO_BYTE/WORD/LONG */
	uint32_t port;
	vir_bytes addr; /* count units in the caller's memory */
	uint32_t count; /* units, at most SDEVIO_MAX bytes in all */
};

#define SDEVIO_MAX 65536

struct sys_setalarm_msg {
	uint32_t ticks; /* relative expiry; 0 cancels */
	uint32_t pad;
	clock_t64 time_left; /* out: ticks left of the previous alarm */
};

struct sys_times_msg {
	endpoint_t endpt;    /* NONE: only the clock */
	uint32_t user_ticks; /* out */
	uint32_t sys_ticks;  /* out */
	uint32_t pad;
	clock_t64 uptime; /* out: ticks since boot */
	uint64_t tsc;	  /* out: time-stamp counter */
};

struct sys_getinfo_msg {
	int32_t request;  /* GET_* */
	vir_bytes buf;	  /* destination in the caller */
	vir_bytes size;	  /* size of the buffer */
	endpoint_t endpt; /* GET_PROC, GET_PRIV: which process */
};

struct sys_abort_msg {
	int32_t how;	/* ABORT_HALT, ABORT_REBOOT, ABORT_EXIT */
	int32_t status; /* ABORT_EXIT: status for the emulator */
};

struct sys_safecopy_msg {
	endpoint_t granter; /* owner of the grant */
	cp_grant_id_t grant;
	vir_bytes offset;  /* into the granted range */
	vir_bytes address; /* in the caller */
	vir_bytes bytes;
};

struct sys_setgrant_msg {
	vir_bytes addr; /* grant table in the caller, or 0 */
	int32_t entries;
};

struct sys_vmctl_msg {
	int32_t request; /* VMCTL_* */
	endpoint_t endpt;
	vir_bytes vaddr;
	phys_bytes paddr;
	vir_bytes len;
	uint32_t flags; /* VMCTL_MAP: VMF_WRITE */
	uint32_t err;	/* out: page-fault error code */
};

struct sys_sysctl_msg {
	int32_t request; /* SYSCTL_* */
	vir_bytes buf;
	vir_bytes size;
	endpoint_t endpt;
};

struct sys_update_msg {
	endpoint_t src;
	endpoint_t dst;
	uint32_t flags; /* SYS_UPD_ROLLBACK */
};

struct sys_statectl_msg {
	int32_t request; /* SYS_STATE_* */
	vir_bytes addr;
	vir_bytes len;
};

#define MSG_SYS_MEMBERS \
	struct sys_fork_msg sys_fork; \
	struct sys_exec_msg sys_exec; \
	struct sys_endpt_msg sys_endpt; \
	struct sys_privctl_msg sys_privctl; \
	struct sys_kill_msg sys_kill; \
	struct sys_sigsend_msg sys_sigsend; \
	struct sys_getksig_msg sys_getksig; \
	struct sys_vircopy_msg sys_vircopy; \
	struct sys_irqctl_msg sys_irqctl; \
	struct sys_devio_msg sys_devio; \
	struct sys_sdevio_msg sys_sdevio; \
	struct sys_setalarm_msg sys_setalarm; \
	struct sys_times_msg sys_times; \
	struct sys_getinfo_msg sys_getinfo; \
	struct sys_abort_msg sys_abort; \
	struct sys_safecopy_msg sys_safecopy; \
	struct sys_setgrant_msg sys_setgrant; \
	struct sys_vmctl_msg sys_vmctl; \
	struct sys_sysctl_msg sys_sysctl; \
	struct sys_update_msg sys_update; \
	struct sys_statectl_msg sys_statectl;

#define MSG_SYS_ASSERT(type) \
	_Static_assert(sizeof(struct type) <= MSG_PAYLOAD_SIZE, \
		       #type " exceeds the payload")
MSG_SYS_ASSERT(sys_fork_msg);
MSG_SYS_ASSERT(sys_exec_msg);
MSG_SYS_ASSERT(sys_endpt_msg);
MSG_SYS_ASSERT(sys_privctl_msg);
MSG_SYS_ASSERT(sys_kill_msg);
MSG_SYS_ASSERT(sys_sigsend_msg);
MSG_SYS_ASSERT(sys_getksig_msg);
MSG_SYS_ASSERT(sys_vircopy_msg);
MSG_SYS_ASSERT(sys_irqctl_msg);
MSG_SYS_ASSERT(sys_devio_msg);
MSG_SYS_ASSERT(sys_sdevio_msg);
MSG_SYS_ASSERT(sys_setalarm_msg);
MSG_SYS_ASSERT(sys_times_msg);
MSG_SYS_ASSERT(sys_getinfo_msg);
MSG_SYS_ASSERT(sys_abort_msg);
MSG_SYS_ASSERT(sys_safecopy_msg);
MSG_SYS_ASSERT(sys_setgrant_msg);
MSG_SYS_ASSERT(sys_vmctl_msg);
MSG_SYS_ASSERT(sys_sysctl_msg);
MSG_SYS_ASSERT(sys_update_msg);
MSG_SYS_ASSERT(sys_statectl_msg);
#undef MSG_SYS_ASSERT

/* irqctl */
#define IRQ_SETPOLICY 1
#define IRQ_RMPOLICY  2
#define IRQ_ENABLE    3
#define IRQ_DISABLE   4
#define IRQ_REENABLE  0x1

/* devio */
#define DIO_IN	 0x0
#define DIO_OUT	 0x1
#define DIO_BYTE 0x0
#define DIO_WORD 0x2
#define DIO_LONG 0x4

/* getinfo */
#define GET_KINFO   1 /* struct kinfo */
#define GET_IMAGE   2 /* struct boot_image_entry[] */
#define GET_PROCTAB 3 /* struct proc_info[NR_TASKS + NR_PROCS] */
#define GET_PRIVTAB 4 /* struct priv_info[NR_SYS_PROCS] */
#define GET_PROC    5 /* struct proc_info of one endpoint */
#define GET_PRIV    6 /* struct priv_spec of one endpoint */
#define GET_WHOAMI  7 /* struct whoami */
#define GET_CMDLINE 8 /* the kernel command line, NUL-terminated */

/* abort */
#define ABORT_HALT   0
#define ABORT_REBOOT 1
#define ABORT_EXIT   2 /* leave the emulator with a status (tests) */

/* vmctl */
#define VMCTL_MAP	    1 /* map [paddr, +len) at vaddr of endpt */
#define VMCTL_UNMAP	    2 /* unmap [vaddr, +len) of endpt */
#define VMCTL_LOOKUP	    3 /* out: paddr and flags of vaddr of endpt */
#define VMCTL_GET_PAGEFAULT 4 /* out: endpt, vaddr, err of the next fault */
#define VMCTL_RESUME	    5 /* let a faulted process run again */
#define VMCTL_CLEAR_AS	    6 /* unmap all user memory of endpt */
#define VMF_WRITE	    0x2
#define VMF_PRESENT	    0x1

/* sysctl */
#define SYSCTL_PRINT	  1 /* print buf[size] to the kernel log */
#define SYSCTL_STACKTRACE 2 /* print a stack trace of endpt */
#define SYSCTL_NOP	  3 /* do nothing: measures kernel-call cost */

/* update */
#define SYS_UPD_ROLLBACK 0x1

/* statectl */
#define SYS_STATE_CLEAR_IPC_REFS 1

#endif
