// SPDX-License-Identifier: BSD-2-Clause
/*
 * Timers for system processes, multiplexed on the process's one kernel
 * alarm.  Timers are kept sorted by expiry; the alarm is always set for
 * the earliest.  The process calls tmr_expire() with the timestamp of
 * each notification from CLOCK; expired timers are unlinked before their
 * callback runs, so a callback may set its timer again.
 */
#include "syslib.h"

static struct sys_timer *timers;

static clock_t64 uptime(void)
{
	struct sys_times_msg t;

	return sys_times(NONE, &t) == OK ? t.uptime : 0;
}

static void arm_alarm(clock_t64 now)
{
	if (timers == NULL) {
		sys_setalarm(0, NULL);
		return;
	}
	clock_t64 left = timers->expires > now ? timers->expires - now : 1;
	sys_setalarm((uint32_t)left, NULL);
}

static void unlink_timer(struct sys_timer *t)
{
	for (struct sys_timer **tp = &timers; *tp != NULL; tp = &(*tp)->next) {
		if (*tp == t) {
			*tp = t->next;
			break;
		}
	}
	t->armed = false;
	t->next = NULL;
}

void tmr_set(struct sys_timer *t, uint32_t ticks, void (*fn)(int arg), int arg)
{
	clock_t64 now = uptime();
	struct sys_timer **tp;

	if (t->armed)
		unlink_timer(t);
	t->expires = now + (ticks > 0 ? ticks : 1);
	t->fn = fn;
	t->arg = arg;
	for (tp = &timers; *tp != NULL && (*tp)->expires <= t->expires;
	     tp = &(*tp)->next)
		;
	t->next = *tp;
	*tp = t;
	t->armed = true;
	arm_alarm(now);
}

void tmr_cancel(struct sys_timer *t)
{
	if (!t->armed)
		return;
	unlink_timer(t);
	arm_alarm(uptime());
}

void tmr_expire(clock_t64 now)
{
	while (timers != NULL && timers->expires <= now) {
		struct sys_timer *t = timers;
		unlink_timer(t);
		t->fn(t->arg);
	}
	arm_alarm(now);
}
