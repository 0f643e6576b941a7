// SPDX-License-Identifier: BSD-2-Clause
/*
 * Block transfers that survive block-driver restarts (bdev_retry.h):
 * the retry and wait policy, with the IPC behind struct bdev_link.
 */
#include <axo/errno.h>

#include "bdev_retry.h"

bool bdev_recoverable(int32_t r)
{
	return r == -EDEADSRCDST || r == -EDEADEPT || r == -ERESTART;
}

/*
 * Find the driver again and open t's device there, pausing between
 * attempts for at most BDEV_WAIT_TICKS in all.  OK (t->driver updated),
 * or -EIO.
 */
static int recover(const struct bdev_link *l, struct bdev_target *t)
{
	uint32_t waited = 0, pause = 1;

	for (;;) {
		endpoint_t e = l->lookup(l->ctx);
		if (e != NONE) {
			int32_t r = l->open(l->ctx, e, t->access);
			if (r == OK) {
				t->driver = e;
				return OK;
			}
			if (!bdev_recoverable(r))
				return -EIO; /* the new instance refuses */
		}
		if (waited >= BDEV_WAIT_TICKS)
			return -EIO;
		l->pause(l->ctx, pause);
		waited += pause;
		if (pause < BDEV_PAUSE_MAX)
			pause *= 2;
	}
}

int bdev_retry_transfer(const struct bdev_link *l, struct bdev_target *t,
			bool write, uint64_t off, void *buf, size_t n)
{
	int restarts = 0, retries = 0;

	for (;;) {
		int32_t r = t->driver == NONE ? -EDEADEPT :
						l->transfer(l->ctx, t->driver,
							    write, off, buf, n);
		if (r >= 0 && (size_t)r == n)
			return OK;
		if (!bdev_recoverable(r)) {
			if (++retries > BDEV_RETRIES)
				return -EIO;
			continue; /* the driver lives: ask it again */
		}
		if (++restarts > BDEV_RESTARTS || recover(l, t) != OK)
			return -EIO;
	}
}
