// SPDX-License-Identifier: BSD-2-Clause
/*
 * sys_getksig: a signal manager collects the signals of one process it
 * manages.  The process stays frozen (RTS_SIG_PENDING) until endksig.
 * Returns endpoint NONE when no managed process has new signals.
 */
#include "../kernel.h"

int do_getksig(struct proc *caller, message *m)
{
	for (struct proc *p = BEG_USER_PROC; p < END_PROC; p++) {
		if (!(p->rts_flags & RTS_SIGNALED) || proc_is_free(p) ||
		    p->priv->sig_mgr != caller->endpoint)
			continue;
		m->sys_getksig.endpt = p->endpoint;
		m->sys_getksig.sigs = p->ksig;
		p->ksig = 0;
		rts_unset(p, RTS_SIGNALED);
		return OK;
	}
	m->sys_getksig.endpt = NONE;
	m->sys_getksig.sigs = 0;
	return OK;
}
