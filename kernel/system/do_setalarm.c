// SPDX-License-Identifier: BSD-2-Clause
/*
 * sys_setalarm: one alarm per process; on expiry CLOCK notifies the
 * endpoint that set it.  The alarm belongs to the slot, so it survives a
 * live update of the process.
 */
#include "../kernel.h"

static void alarm_fire(struct ktimer *t)
{
	struct proc *p;

	if (endpoint_lookup(t->owner, &p) == OK)
		kernel_notify(CLOCK, p);
}

int do_setalarm(struct proc *caller, message *m)
{
	struct sys_setalarm_msg *a = &m->sys_setalarm;
	struct ktimer *t = &caller->alarm;

	a->time_left = t->armed ? t->expires - ticks : 0;
	timer_cancel(t);
	if (a->ticks == 0)
		return OK;
	t->fire = alarm_fire;
	t->owner = caller->endpoint;
	timer_set(t, ticks + a->ticks);
	return OK;
}
