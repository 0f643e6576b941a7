// SPDX-License-Identifier: BSD-2-Clause
/* sys_times: the clock, and a process's accounted ticks. */
#include "../kernel.h"

int do_times(struct proc *caller, message *m)
{
	struct sys_times_msg *t = &m->sys_times;
	struct proc *p;
	int r;

	if (t->endpt != NONE) {
		if ((r = endpoint_lookup_self(caller, t->endpt, &p)) != OK)
			return r;
		t->user_ticks = p->user_ticks;
		t->sys_ticks = p->sys_ticks;
	}
	t->uptime = ticks;
	t->tsc = rdtsc();
	return OK;
}
