// SPDX-License-Identifier: BSD-2-Clause
/*
 * sys_kill: raise a signal on a process through its signal manager.
 * Kernel tasks cannot be signalled.
 */
#include "../kernel.h"

int do_kill(struct proc *caller, message *m)
{
	struct proc *p;
	int sig = m->sys_kill.sig;
	int r;

	if ((r = endpoint_lookup_self(caller, m->sys_kill.endpt, &p)) != OK)
		return r;
	if (is_task(p))
		return -EPERM;
	if (sig < KSIG_FIRST || sig > KSIG_LAST)
		return -EINVAL;
	cause_sig(p, sig);
	return OK;
}
