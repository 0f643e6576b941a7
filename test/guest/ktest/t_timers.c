// SPDX-License-Identifier: BSD-2-Clause
/*
 * libsys timers: several timers on one kernel alarm fire in expiry order,
 * a cancelled one never fires, and a callback may re-arm its own timer.
 */
#include "ktest.h"

static struct sys_timer timer[4];
static uint32_t fired[8];
static int nr_fired;

static void record(int arg)
{
	if (nr_fired < 8)
		fired[nr_fired++] = (uint32_t)arg;
	if (arg == 3 && nr_fired < 4) /* timer 3 re-arms itself once */
		tmr_set(&timer[3], 2, record, 3);
}

/* Encode the firing order as decimal digits, e.g. 1203 -> "1,2,0,3". */
static int run_timers(uint32_t unused)
{
	message m;

	(void)unused;
	tmr_set(&timer[0], 6, record, 0);
	tmr_set(&timer[1], 2, record, 1);
	tmr_set(&timer[2], 4, record, 2);
	tmr_set(&timer[3], 1, record, 3);
	tmr_set(&timer[2], 3, record, 2); /* re-arming moves it */
	tmr_cancel(&timer[0]);
	while (nr_fired < 4) {
		if (ipc_receive(CLOCK, &m, NULL) != OK)
			return -EGENERIC;
		tmr_expire(m.notify.timestamp);
	}
	int code = 0;
	for (int i = 0; i < nr_fired; i++)
		code = code * 10 + (int)fired[i];
	return code;
}

static void timers_fire_in_order_and_cancelled_ones_never(void)
{
	endpoint_t e;
	int result = 0;

	expect_eq(OK, spawn_sys(run_timers, 0, &e));
	expect_eq(OK, child_wait(e, &result));
	/* 3 at +1, 1 at +2, then 3 again (+1+2) and 2 (+3) tie at +3 */
	expect_eq(3123, result);
}

const struct test_case timer_tests[] = {
	{ "timers_fire_in_order_and_cancelled_ones_never",
	  timers_fire_in_order_and_cancelled_ones_never },
	{ NULL, NULL },
};
