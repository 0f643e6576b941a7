// SPDX-License-Identifier: BSD-2-Clause
/*
 * sys_sigreturn: restore the context a signal handler interrupted, from
 * the struct sigcontext in the process's memory.  Only general registers,
 * eip, esp and the arithmetic flags come from there: the segment
 * selectors and the privileged flags stay the kernel's, so a forged
 * context gains nothing.
 */
#include "../kernel.h"

#define EFLAGS_USER 0x0dd5u /* CF PF AF ZF SF DF OF */

int do_sigreturn(struct proc *caller, message *m)
{
	struct sys_sigsend_msg *s = &m->sys_sigsend;
	struct sigcontext c;
	struct proc *p;
	int r;

	if ((r = endpoint_lookup_self(caller, s->endpt, &p)) != OK)
		return r;
	if (is_task(p) || p == caller)
		return -EPERM;
	/*
	 * The process normally waits for the caller's answer to its own
	 * sigreturn request: that wait ends here, unanswered (as for exec).
	 * Blocked in any other IPC, it must not have its context replaced.
	 */
	bool awaits_caller = (p->rts_flags & RTS_RECEIVING) &&
			     (p->misc_flags & MF_REPLY_PEND) &&
			     p->getfrom == caller->endpoint;
	if ((p->rts_flags & (RTS_SENDING | RTS_RECEIVING)) && !awaits_caller)
		return -EBUSY;
	if ((r = umem_read(p, s->context, &c, sizeof(c))) != OK)
		return r;
	if (c.magic != SIGCONTEXT_MAGIC)
		return -EINVAL;
	if (awaits_caller)
		ipc_unblock_all(p, OK);
	p->regs.eax = c.eax;
	p->regs.ebx = c.ebx;
	p->regs.ecx = c.ecx;
	p->regs.edx = c.edx;
	p->regs.esi = c.esi;
	p->regs.edi = c.edi;
	p->regs.ebp = c.ebp;
	p->regs.esp = c.esp;
	p->regs.eip = c.eip;
	p->regs.eflags = (p->regs.eflags & ~EFLAGS_USER) |
			 (c.eflags & EFLAGS_USER);
	return OK;
}
