/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Keeping a block transfer alive across block-driver crashes, apart from
 * the IPC that carries it (bdev.c supplies that as a struct bdev_link;
 * the host unit tests supply a fake one).
 *
 * A transfer that fails because the driver died under it (-EDEADSRCDST:
 * our sendrec was cut off when the successor cleared stale IPC
 * references; -EDEADEPT: the endpoint is gone, e.g. a reset) or because
 * the driver is a new instance that does not know our open (-ERESTART)
 * is not an error for the file system: we wait until the driver's label
 * has a live endpoint again, open the device there, and send the same
 * request again.  Each recovery waits at most BDEV_WAIT_TICKS in all
 * (pauses of 1, 2, 4 ... up to 16 ticks); a request survives at most
 * BDEV_RESTARTS recoveries; then -EIO.  Any other failure — an error,
 * a short transfer, or an answer that makes no sense, as from a driver
 * whose reply was corrupted — is tried again, up to BDEV_RETRIES times,
 * before it is -EIO.  Block requests are idempotent, so re-sending one
 * that the dead instance may have half done is safe.
 */
#ifndef EXT2_BDEV_RETRY_H
#define EXT2_BDEV_RETRY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <axo/types.h>
#include <axo/endpoint.h>
#include <axo/config.h>

#define BDEV_RESTARTS	10	 /* recoveries one request survives */
#define BDEV_RETRIES	3	 /* failed answers one request survives */
#define BDEV_WAIT_TICKS (5 * HZ) /* longest wait for the driver to return */
#define BDEV_PAUSE_MAX	16	 /* ticks, the longest single pause */

struct bdev_link {
	void *ctx;
	/* Move n bytes at off to or from buf via driver drv: bytes, or -E*. */
	int32_t (*transfer)(void *ctx, endpoint_t drv, bool write, uint64_t off,
			    void *buf, size_t n);
	/* BDEV_OPEN on drv with access bits: OK or -E*. */
	int32_t (*open)(void *ctx, endpoint_t drv, uint32_t access);
	/* The endpoint the driver's label has now (DS), or NONE. */
	endpoint_t (*lookup)(void *ctx);
	/* Let ticks clock ticks pass. */
	void (*pause)(void *ctx, uint32_t ticks);
};

/* The device being served: its driver's endpoint, updated on recovery. */
struct bdev_target {
	endpoint_t driver;
	uint32_t access; /* CDEV_R_BIT | CDEV_W_BIT, as opened */
};

/* A failure that a driver restart explains (worth waiting for). */
bool bdev_recoverable(int32_t r);

/*
 * Move exactly n bytes at off between buf and t's device through l,
 * recovering from driver restarts as the file comment says.  OK, or -EIO
 * (a short transfer is -EIO too).  t->driver may change.
 */
int bdev_retry_transfer(const struct bdev_link *l, struct bdev_target *t,
			bool write, uint64_t off, void *buf, size_t n);

#endif
