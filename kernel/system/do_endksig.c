// SPDX-License-Identifier: BSD-2-Clause
/*
 * sys_endksig: the manager is done with a process's signals; it may run
 * again unless new signals arrived meanwhile.
 */
#include "../kernel.h"

int do_endksig(struct proc *caller, message *m)
{
	struct proc *p;
	int r;

	if ((r = endpoint_lookup(m->sys_endpt.endpt, &p)) != OK)
		return r;
	if (p->priv->sig_mgr != caller->endpoint)
		return -EPERM;
	if (!(p->rts_flags & RTS_SIG_PENDING))
		return -EINVAL;
	if (!(p->rts_flags & RTS_SIGNALED))
		rts_unset(p, RTS_SIG_PENDING);
	return OK;
}
