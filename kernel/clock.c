// SPDX-License-Identifier: BSD-2-Clause
/*
 * The clock: tick counting, CPU accounting, quanta, and kernel timers.
 * Timers are kept in a list sorted by expiry; an alarm set with
 * sys_setalarm is a timer whose expiry notifies its owner from CLOCK.
 */
#include "kernel.h"

clock_t64 ticks;
static struct ktimer *timers;

void clock_init(void)
{
	arch_init_clock(HZ);
}

/* Arm t to fire at tick expires (re-arming moves it). */
void timer_set(struct ktimer *t, clock_t64 expires)
{
	struct ktimer **tp;

	timer_cancel(t);
	t->expires = expires;
	for (tp = &timers; *tp != NULL && (*tp)->expires <= expires;
	     tp = &(*tp)->next)
		;
	t->next = *tp;
	*tp = t;
	t->armed = true;
}

void timer_cancel(struct ktimer *t)
{
	if (!t->armed)
		return;
	for (struct ktimer **tp = &timers; *tp != NULL; tp = &(*tp)->next) {
		if (*tp == t) {
			*tp = t->next;
			break;
		}
	}
	t->armed = false;
	t->next = NULL;
}

static void run_expired_timers(void)
{
	while (timers != NULL && timers->expires <= ticks) {
		struct ktimer *t = timers;
		timers = t->next;
		t->armed = false;
		t->next = NULL;
		t->fire(t);
	}
}

/* IRQ 0: called with the interrupted process (or IDLE) as current. */
void clock_handler(void)
{
	ticks++;
	struct proc *p = current;
	p->user_ticks++;
	if (!is_task(p) && --p->quantum_left <= 0) {
		p->quantum_left = QUANTUM_TICKS;
		if (p->priv->flags & PREEMPTIBLE)
			sched_yield_current();
	}
	run_expired_timers();
}
