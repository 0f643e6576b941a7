// SPDX-License-Identifier: BSD-2-Clause
/*
 * sys_fork: copy a process into a free slot.  The child gets the parent's
 * registers and name, an empty address space (VM fills it), the next
 * generation of its slot's endpoint, the shared user privileges, and
 * RTS_NO_PRIV: it cannot run until someone sets its privileges and allows
 * it.
 */
#include "../kernel.h"

static struct proc *find_free_slot(int want)
{
	if (want >= 0)
		return proc_is_free(proc_addr(want)) ? proc_addr(want) : NULL;
	for (struct proc *p = BEG_USER_PROC; p < END_PROC; p++)
		if (proc_is_free(p))
			return p;
	return NULL;
}

int do_fork(struct proc *caller, message *m)
{
	struct proc *parent, *child;
	int r;

	if ((r = endpoint_lookup_self(caller, m->sys_fork.parent, &parent)) !=
	    OK)
		return r;
	if (is_task(parent))
		return -EPERM;
	if (m->sys_fork.slot < -1 || m->sys_fork.slot >= NR_PROCS)
		return -EINVAL;
	if ((child = find_free_slot(m->sys_fork.slot)) == NULL)
		return m->sys_fork.slot >= 0 ? -EBUSY : -EAGAIN;
	if ((r = as_create(child)) != OK)
		return r;

	fpu_release(parent);
	int nr = child->nr;
	endpoint_t e = proc_next_endpoint(child);
	uint32_t *pgdir = child->pgdir;
	memcpy(child, parent, sizeof(*child));
	child->nr = nr;
	child->endpoint = e;
	child->pgdir = pgdir;
	child->priv = user_priv;
	/*
	 * A parent waiting for the reply to its fork request leaves a child
	 * waiting for a reply of its own from the same server: the server
	 * answers both (the child's answer says "you are the child").
	 */
	bool awaits_reply = (parent->rts_flags & RTS_RECEIVING) &&
			    (parent->misc_flags & MF_REPLY_PEND);
	child->rts_flags = RTS_NO_PRIV | (awaits_reply ? RTS_RECEIVING : 0);
	child->misc_flags &= MF_FPU_INITIALIZED | MF_REPLY_PEND;
	if (!awaits_reply)
		child->misc_flags &= ~MF_REPLY_PEND;
	child->next_ready = child->caller_q = child->q_link = NULL;
	child->getfrom = awaits_reply ? parent->getfrom : NONE;
	child->sendto = NONE;
	as_forget(child);
	memset(child->notify_pending, 0, sizeof(child->notify_pending));
	memset(child->asyn_pending, 0, sizeof(child->asyn_pending));
	child->int_pending = 0;
	child->sig_pending = child->ksig = 0;
	memset(&child->alarm, 0, sizeof(child->alarm));
	child->user_ticks = child->sys_ticks = 0;
	child->quantum_left = QUANTUM_TICKS;
	child->regs.eax = OK;
	m->sys_fork.child = e;
	return OK;
}
