// SPDX-License-Identifier: BSD-2-Clause
/*
 * CPU exceptions.  In user mode they become signals for the process's
 * signal manager; page faults go to VM when there is one.  In kernel mode
 * they are bugs: registers and a symbolic stack trace, then halt.
 */
#include "../../kernel.h"

enum {
	EX_DIVIDE = 0,
	EX_DEBUG = 1,
	EX_NMI = 2,
	EX_BREAKPOINT = 3,
	EX_OVERFLOW = 4,
	EX_BOUNDS = 5,
	EX_INVALID_OP = 6,
	EX_NO_FPU = 7,
	EX_DOUBLE_FAULT = 8,
	EX_INVALID_TSS = 10,
	EX_SEG_NOT_PRESENT = 11,
	EX_STACK = 12,
	EX_GENERAL_PROTECTION = 13,
	EX_PAGE_FAULT = 14,
	EX_FPU_ERROR = 16,
	EX_ALIGNMENT = 17,
	EX_MACHINE_CHECK = 18,
	EX_SIMD = 19,
};

static const char *const ex_names[20] = {
	"divide error",
	"debug",
	"nmi",
	"breakpoint",
	"overflow",
	"bounds",
	"invalid opcode",
	"fpu not available",
	"double fault",
	"coprocessor",
	"invalid tss",
	"segment not present",
	"stack fault",
	"general protection",
	"page fault",
	"reserved",
	"fpu error",
	"alignment check",
	"machine check",
	"simd error",
};

/*
 * A general-protection fault from user mode caused by a privileged
 * instruction (hlt, cli/sti, port I/O, control registers...) is SIGILL;
 * any other is a memory violation, SIGSEGV.
 */
static int gp_signal(struct proc *p)
{
	uint8_t op[2];

	if (umem_read(p, p->regs.eip, op, sizeof(op)) != OK)
		return SIGSEGV;
	switch (op[0]) {
	case 0xf4:
	case 0xfa:
	case 0xfb: /* hlt cli sti */
	case 0xe4:
	case 0xe5:
	case 0xe6:
	case 0xe7: /* in/out imm */
	case 0xec:
	case 0xed:
	case 0xee:
	case 0xef: /* in/out dx */
	case 0x6c:
	case 0x6d:
	case 0x6e:
	case 0x6f: /* ins/outs */
		return SIGILL;
	case 0x0f:
		switch (op[1]) {
		case 0x00:
		case 0x01:
		case 0x06:
		case 0x08:
		case 0x09:
		case 0x20:
		case 0x21:
		case 0x22:
		case 0x23:
		case 0x30:
		case 0x32:
		case 0x35:
			return SIGILL;
		}
		break;
	}
	return SIGSEGV;
}

static int exception_signal(struct proc *p, int vec)
{
	switch (vec) {
	case EX_DIVIDE:
	case EX_OVERFLOW:
	case EX_BOUNDS:
	case EX_FPU_ERROR:
	case EX_SIMD:
		return SIGFPE;
	case EX_DEBUG:
	case EX_BREAKPOINT:
		return SIGTRAP;
	case EX_INVALID_OP:
		return SIGILL;
	case EX_ALIGNMENT:
		return SIGBUS;
	case EX_GENERAL_PROTECTION:
		return gp_signal(p);
	default:
		return SIGSEGV;
	}
}

void pagefault_from_user(struct proc *p)
{
	struct proc *vm;

	p->pf_addr = read_cr2();
	p->pf_err = p->regs.err;
	if (vm_endpoint == NONE || vm_endpoint == p->endpoint ||
	    endpoint_lookup(vm_endpoint, &vm) != OK) {
		cause_sig(p, SIGSEGV);
		return;
	}
	rts_set(p, RTS_PAGEFAULT);
	kernel_notify(HARDWARE, vm);
}

void exception_from_user(struct proc *p, int vec)
{
	if (vec == EX_NO_FPU) {
		arch_fpu_switch();
		return;
	}
	if (vec == EX_PAGE_FAULT) {
		pagefault_from_user(p);
		return;
	}
	cause_sig(p, exception_signal(p, vec));
}

/* An exception while the kernel itself was running: a kernel bug. */
_Noreturn void exception_in_kernel(struct regs *r)
{
	int vec = (int)r->vector;

	kprintf("\nkernel exception %d (%s) err=0x%x eip=0x%x cr2=0x%x\n", vec,
		vec < 20 ? ex_names[vec] : "?", r->err, r->eip, read_cr2());
	kprintf("eax=%x ebx=%x ecx=%x edx=%x esi=%x edi=%x ebp=%x\n", r->eax,
		r->ebx, r->ecx, r->edx, r->esi, r->edi, r->ebp);
	kprintf("current process: %s (endpoint %d)\n", current->name,
		current->endpoint);
	stacktrace_kernel(r->ebp, r->eip);
	panic("exception in kernel mode");
}
