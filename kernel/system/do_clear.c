// SPDX-License-Identifier: BSD-2-Clause
/*
 * sys_clear: the final cleanup of a process that has exited.  Its IPC
 * references, IRQ hooks, alarm, address space (page tables; the pages are
 * VM's) and privilege structure go; the slot becomes free and keeps its
 * generation so the next instance gets a new endpoint.  Clearing a slot
 * that is already free is not an error.
 */
#include "../kernel.h"

int do_clear(struct proc *caller, message *m)
{
	endpoint_t e = m->sys_endpt.endpt;
	struct proc *p;
	int r;

	if ((r = endpoint_lookup_self(caller, e, &p)) != OK) {
		int n = ENDPOINT_P(e);
		if (r == -EDEADSRCDST && proc_slot_ok(n) &&
		    proc_is_free(proc_addr(n)))
			return OK;
		return r;
	}
	if (is_task(p))
		return -EPERM;

	fpu_release(p);
	timer_cancel(&p->alarm);
	irq_hooks_release(p->endpoint);
	clear_endpoint(p);
	as_destroy(p);
	if (p->priv != user_priv)
		priv_free(p->priv);
	if (p->endpoint == vm_endpoint)
		vm_endpoint = NONE;
	proc_reset_slot(p);
	return p == caller ? -EDONTREPLY : OK;
}
