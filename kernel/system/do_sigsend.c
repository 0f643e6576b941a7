// SPDX-License-Identifier: BSD-2-Clause
/*
 * sys_sigsend: make a process enter a signal handler.  The process's
 * context is saved in a struct sigframe pushed on its own stack; it then
 * runs handler(signo) and returns into the trampoline, which asks its
 * signal manager to undo this with sys_sigreturn.
 */
#include "../kernel.h"

int do_sigsend(struct proc *caller, message *m)
{
	struct sys_sigsend_msg *s = &m->sys_sigsend;
	struct proc *p;
	int r;

	if ((r = endpoint_lookup_self(caller, s->endpt, &p)) != OK)
		return r;
	if (is_task(p) || p == caller)
		return -EPERM;
	if (s->signo < KSIG_FIRST || s->signo > KSIG_LAST ||
	    s->handler < USER_BASE || s->trampoline < USER_BASE)
		return -EINVAL;
	if (p->rts_flags & (RTS_SENDING | RTS_RECEIVING))
		return -EBUSY; /* the manager retries once the IPC is over */

	struct sigframe f = {
		.retaddr = s->trampoline,
		.signo = s->signo,
		.ctx = {
			.eax = p->regs.eax, .ebx = p->regs.ebx,
			.ecx = p->regs.ecx, .edx = p->regs.edx,
			.esi = p->regs.esi, .edi = p->regs.edi,
			.ebp = p->regs.ebp, .esp = p->regs.esp,
			.eip = p->regs.eip, .eflags = p->regs.eflags,
			.mask = s->mask, .magic = SIGCONTEXT_MAGIC,
		},
	};
	vir_bytes fp = (p->regs.esp - sizeof(f)) & ~(vir_bytes)15;
	f.ctx_ptr = fp + offsetof(struct sigframe, ctx);
	if ((r = umem_write(p, fp, &f, sizeof(f))) != OK)
		return r;
	p->regs.esp = fp;
	p->regs.eip = s->handler;
	return OK;
}
