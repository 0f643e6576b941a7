// SPDX-License-Identifier: BSD-2-Clause
/*
 * The driver libraries' "meant for the predecessor" rule
 * (lib/libchardriver/drv_opened.h): after a restart only OPEN and
 * requests for minors opened again are served; a fresh instance serves
 * everything; the announce forgets old opens.
 */
#include "unit.h"
#include "../../lib/libchardriver/drv_opened.h"

static void fresh_instance_treats_no_request_as_stale(void)
{
	struct drv_opened o;

	drv_opened_reset(&o, false);
	expect_false("read of unopened minor 0",
		     drv_opened_stale(&o, false, 0));
	expect_false("open of minor 5", drv_opened_stale(&o, true, 5));
}

static void restarted_instance_refuses_minors_until_opened_again(void)
{
	struct drv_opened o;

	drv_opened_reset(&o, true);
	expect_true("read of minor 0 before open",
		    drv_opened_stale(&o, false, 0));
	expect_false("open of minor 0", drv_opened_stale(&o, true, 0));
	drv_opened_mark(&o, 0);
	expect_false("read of minor 0 after open",
		     drv_opened_stale(&o, false, 0));
	expect_true("minor 1 still stale", drv_opened_stale(&o, false, 1));
	drv_opened_mark(&o, 255);
	expect_false("minor 255 after open", drv_opened_stale(&o, false, 255));
	expect_true("minor 254 untouched", drv_opened_stale(&o, false, 254));
}

static void out_of_range_minors_are_left_to_the_driver(void)
{
	struct drv_opened o;

	drv_opened_reset(&o, true);
	drv_opened_mark(&o, -1);
	drv_opened_mark(&o, DRV_MINORS);
	expect_false("minor -1 not stale", drv_opened_stale(&o, false, -1));
	expect_false("minor 256 not stale",
		     drv_opened_stale(&o, false, DRV_MINORS));
	for (int m = 0; m < DRV_MINORS; m++)
		if (drv_opened_has(&o, m))
			expect_eq_int("no minor marked by bad marks", -1, m);
}

static void a_new_announce_forgets_old_opens(void)
{
	struct drv_opened o;

	drv_opened_reset(&o, false);
	drv_opened_mark(&o, 3);
	drv_opened_reset(&o, true); /* crashed, restarted */
	expect_false("minor 3 forgotten", drv_opened_has(&o, 3));
	expect_true("minor 3 stale now", drv_opened_stale(&o, false, 3));
}

static const struct unit_test tests[] = {
	UNIT_TEST(fresh_instance_treats_no_request_as_stale),
	UNIT_TEST(restarted_instance_refuses_minors_until_opened_again),
	UNIT_TEST(out_of_range_minors_are_left_to_the_driver),
	UNIT_TEST(a_new_announce_forgets_old_opens),
};

int main(void)
{
	return unit_run(tests, UNIT_COUNT(tests));
}
