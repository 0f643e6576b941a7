// SPDX-License-Identifier: BSD-2-Clause
// UNIT_SOURCES: servers/ext2/bdev_retry.c
/*
 * ext2's block transfers across driver restarts
 * (servers/ext2/bdev_retry.c), over a scripted fake driver link: a
 * transfer cut off by a crash (EDEADSRCDST), refused by the successor
 * (ERESTART) or sent to a dead endpoint (EDEADEPT) is re-sent after the
 * device is opened on the instance DS names; waits are bounded; other
 * errors and endless crashes end in -EIO.
 */
#include "unit.h"
#include <string.h>
#include "../../servers/ext2/bdev_retry.h"
#include <axo/errno.h>

#define EP_OLD 100
#define EP_NEW 200
#define N      1024

struct fake {
	int32_t results[32]; /* transfer answers in order; then N */
	int nresults;
	int transfers;
	endpoint_t sent_to[32];
	int lookups_none; /* lookups answering NONE before `found` */
	endpoint_t found;
	int32_t open_result;
	int opens;
	uint32_t paused;
	int pauses;
};

static int32_t fake_transfer(void *ctx, endpoint_t drv, bool write,
			     uint64_t off, void *buf, size_t n)
{
	struct fake *f = ctx;

	(void)write;
	(void)off;
	(void)buf;
	if (f->transfers < 32)
		f->sent_to[f->transfers] = drv;
	int i = f->transfers++;
	return i < f->nresults ? f->results[i] : (int32_t)n;
}

static int32_t fake_open(void *ctx, endpoint_t drv, uint32_t access)
{
	struct fake *f = ctx;

	(void)drv;
	(void)access;
	f->opens++;
	return f->open_result;
}

static endpoint_t fake_lookup(void *ctx)
{
	struct fake *f = ctx;

	if (f->lookups_none > 0) {
		f->lookups_none--;
		return NONE;
	}
	return f->found;
}

static void fake_pause(void *ctx, uint32_t ticks)
{
	struct fake *f = ctx;

	f->paused += ticks;
	f->pauses++;
}

static int run(struct fake *f, struct bdev_target *t)
{
	static char buf[N];
	struct bdev_link l = { f, fake_transfer, fake_open, fake_lookup,
			       fake_pause };

	*t = (struct bdev_target){ .driver = EP_OLD, .access = 3 };
	return bdev_retry_transfer(&l, t, false, 4096, buf, N);
}

static void healthy_driver_needs_one_transfer(void)
{
	struct fake f = { .found = EP_OLD };
	struct bdev_target t;

	expect_eq_int("result", 0, run(&f, &t));
	expect_eq_int("transfers", 1, f.transfers);
	expect_eq_int("opens", 0, f.opens);
	expect_eq_int("pauses", 0, f.pauses);
}

static void crash_under_request_reopens_and_resends(void)
{
	struct fake f = { .results = { -EDEADSRCDST },
			  .nresults = 1,
			  .found = EP_OLD };
	struct bdev_target t;

	expect_eq_int("result", 0, run(&f, &t));
	expect_eq_int("transfers", 2, f.transfers);
	expect_eq_int("opens", 1, f.opens);
	expect_eq_int("no pause when the driver is back", 0, f.pauses);
	expect_eq_int("same endpoint", EP_OLD, f.sent_to[1]);
}

static void erestart_reopens_and_resends(void)
{
	struct fake f = { .results = { -ERESTART },
			  .nresults = 1,
			  .found = EP_OLD };
	struct bdev_target t;

	expect_eq_int("result", 0, run(&f, &t));
	expect_eq_int("transfers", 2, f.transfers);
	expect_eq_int("opens", 1, f.opens);
}

static void reset_driver_is_found_under_its_new_endpoint(void)
{
	struct fake f = { .results = { -EDEADEPT },
			  .nresults = 1,
			  .lookups_none = 2,
			  .found = EP_NEW };
	struct bdev_target t;

	expect_eq_int("result", 0, run(&f, &t));
	expect_eq_int("resent to the new endpoint", EP_NEW, f.sent_to[1]);
	expect_eq_int("target updated", EP_NEW, t.driver);
	expect_eq_int("two pauses while DS had no endpoint", 2, f.pauses);
	expect_eq_u32("paused 1 + 2 ticks", 3, f.paused);
}

static void driver_that_never_returns_gives_eio_after_bounded_wait(void)
{
	struct fake f = { .results = { -EDEADSRCDST },
			  .nresults = 1,
			  .lookups_none = 1 << 30 };
	struct bdev_target t;

	expect_eq_int("result", -EIO, run(&f, &t));
	expect_true("waited at least BDEV_WAIT_TICKS",
		    f.paused >= BDEV_WAIT_TICKS);
	expect_true("waited at most one pause more",
		    f.paused < BDEV_WAIT_TICKS + BDEV_PAUSE_MAX);
	expect_eq_int("not resent", 1, f.transfers);
}

static void other_failures_are_retried_a_few_times_then_eio(void)
{
	struct fake f = { .results = { -EIO, -EIO, -EIO, -EIO },
			  .nresults = 4 };
	struct fake g = { .results = { N / 2, 0x7f001234 }, .nresults = 2 };
	struct bdev_target t;

	expect_eq_int("driver error every time", -EIO, run(&f, &t));
	expect_eq_int("1 + BDEV_RETRIES transfers", 1 + BDEV_RETRIES,
		      f.transfers);
	expect_eq_int("no reopen", 0, f.opens);
	expect_eq_int("short, then nonsense, then right", OK, run(&g, &t));
	expect_eq_int("three transfers", 3, g.transfers);
}

static void endless_crashes_give_eio_after_bdev_restarts(void)
{
	struct fake f = { .nresults = 32, .found = EP_OLD };
	struct bdev_target t;

	for (int i = 0; i < 32; i++)
		f.results[i] = -EDEADSRCDST;
	expect_eq_int("result", -EIO, run(&f, &t));
	expect_eq_int("transfers", BDEV_RESTARTS + 1, f.transfers);
	expect_eq_int("opens", BDEV_RESTARTS, f.opens);
}

static void successor_refusing_the_open_gives_eio(void)
{
	struct fake f = { .results = { -ERESTART },
			  .nresults = 1,
			  .found = EP_OLD,
			  .open_result = -ENODEV };
	struct bdev_target t;

	expect_eq_int("result", -EIO, run(&f, &t));
	expect_eq_int("not resent", 1, f.transfers);
}

static const struct unit_test tests[] = {
	UNIT_TEST(healthy_driver_needs_one_transfer),
	UNIT_TEST(crash_under_request_reopens_and_resends),
	UNIT_TEST(erestart_reopens_and_resends),
	UNIT_TEST(reset_driver_is_found_under_its_new_endpoint),
	UNIT_TEST(driver_that_never_returns_gives_eio_after_bounded_wait),
	UNIT_TEST(other_failures_are_retried_a_few_times_then_eio),
	UNIT_TEST(endless_crashes_give_eio_after_bdev_restarts),
	UNIT_TEST(successor_refusing_the_open_gives_eio),
};

int main(void)
{
	return unit_run(tests, UNIT_COUNT(tests));
}
