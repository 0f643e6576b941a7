// SPDX-License-Identifier: BSD-2-Clause
/*
 * sys_exec: start a new program in a process whose memory has been set up
 * by VM: new instruction and stack pointers, fresh flags and segments, a
 * new name.  Exec of the caller itself does not return to the old image.
 */
#include "../kernel.h"

int do_exec(struct proc *caller, message *m)
{
	struct sys_exec_msg *x = &m->sys_exec;
	struct proc *p;
	int r;

	if ((r = endpoint_lookup_self(caller, x->endpt, &p)) != OK)
		return r;
	if (is_task(p))
		return -EPERM;
	if (x->ip < USER_BASE || x->sp < USER_BASE)
		return -EINVAL;

	ipc_abort_send(p); /* no reply to an exec: drop blocked IPC */
	p->misc_flags &= ~MF_REPLY_PEND;
	p->getfrom = NONE;
	as_forget(p);
	rts_unset(p, RTS_RECEIVING);
	memset(&p->regs, 0, sizeof(p->regs));
	p->regs.cs = UCODE_SEL;
	p->regs.ds = p->regs.es = p->regs.fs = p->regs.gs = p->regs.ss =
		UDATA_SEL;
	p->regs.eflags = EFLAGS_IF | 0x2;
	p->regs.eip = x->ip;
	p->regs.esp = x->sp;
	p->misc_flags &= ~MF_FPU_INITIALIZED;
	fpu_release(p);
	x->name[sizeof(x->name) - 1] = '\0';
	strlcpy(p->name, x->name, sizeof(p->name));
	return p == caller ? -EDONTREPLY : OK;
}
