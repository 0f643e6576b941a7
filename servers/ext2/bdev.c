// SPDX-License-Identifier: BSD-2-Clause
/*
 * The block device under the ext2 core: struct ext2_dev over the BDEV
 * protocol to the block driver VFS named in FS_READSUPER.  Each transfer
 * is one sendrec with a grant on the core's buffer; offsets and lengths
 * must be whole sectors (the core only moves whole blocks and the 1 KiB
 * superblock).  A driver that restarted answers -ERESTART: we open the
 * device again and retry a few times before giving up with -EIO.
 * Interface: bdev_open, bdev_close, bdev_dev; the clock for timestamps.
 */
#include <syslib.h>

#include <axo/msg_dev.h>

#include "fs.h"

#define SECTOR	      512
#define RESTART_TRIES 3

static endpoint_t driver = NONE;
static int32_t minor;
static uint32_t access_bits;

/* One BDEV request by sendrec; the reply's status, or the IPC error. */
static int32_t bdev_call(int type, struct bdev_rq rq)
{
	static uint32_t next_id;
	message m = { .m_type = type, .bdev_rq = rq };

	m.bdev_rq.minor = minor;
	m.bdev_rq.id = ++next_id;
	int r = ipc_sendrec(driver, &m);
	if (r != OK)
		return r;
	if (m.m_type != BDEV_REPLY || m.bdev_reply.id != next_id)
		return -EIO; /* not the answer to our request */
	return m.bdev_reply.status;
}

/*
 * Open minor dev_minor of the block driver drv for reading (and writing
 * unless rdonly); it becomes the device of every transfer.  OK or the
 * driver's error.
 */
int bdev_open(endpoint_t drv, int dev_minor, bool rdonly)
{
	driver = drv;
	minor = dev_minor;
	access_bits = CDEV_R_BIT | (rdonly ? 0 : CDEV_W_BIT);
	int32_t r =
		bdev_call(BDEV_OPEN, (struct bdev_rq){ .access = access_bits });
	if (r != OK)
		driver = NONE;
	return r;
}

/* Close the device opened by bdev_open (if any). */
void bdev_close(void)
{
	if (driver != NONE)
		bdev_call(BDEV_CLOSE,
			  (struct bdev_rq){ .access = access_bits });
	driver = NONE;
}

/* Move n bytes at off to or from buf, retrying a restarted driver. */
static int bdev_transfer(bool write, uint64_t off, void *buf, size_t n)
{
	if (driver == NONE || off % SECTOR != 0 || n % SECTOR != 0 || n == 0 ||
	    n > INT32_MAX)
		return -EIO;
	for (int tries = 0; tries <= RESTART_TRIES; tries++) {
		cp_grant_id_t g =
			cpf_grant_direct(driver, (vir_bytes)buf, n,
					 write ? CPF_READ : CPF_WRITE);
		if (g == GRANT_INVALID)
			return -EIO;
		struct bdev_rq rq = { .grant = g,
				      .count = (uint32_t)n,
				      .pos_lo = (uint32_t)off,
				      .pos_hi = (uint32_t)(off >> 32) };
		int32_t r = bdev_call(write ? BDEV_WRITE : BDEV_READ, rq);
		cpf_revoke(g);
		if (r == (int32_t)n)
			return OK;
		if (r != -ERESTART)
			return -EIO;
		/* The new driver instance knows nothing of our open. */
		bdev_call(BDEV_OPEN, (struct bdev_rq){ .access = access_bits });
	}
	return -EIO;
}

static int bdev_read(void *ctx, uint64_t off, void *buf, size_t n)
{
	(void)ctx;
	return bdev_transfer(false, off, buf, n);
}

static int bdev_write(void *ctx, uint64_t off, const void *buf, size_t n)
{
	(void)ctx;
	return bdev_transfer(true, off, (void *)buf, n);
}

/*
 * Seconds since 1970.  Like PM's PM_TIME: without an RTC driver the
 * system believes it booted at the epoch, so the time is the uptime.
 */
static uint32_t bdev_now(void *ctx)
{
	struct sys_times_msg t;

	(void)ctx;
	return sys_times(NONE, &t) == OK ? (uint32_t)(t.uptime / HZ) : 0;
}

/* The struct ext2_dev the core mounts. */
const struct ext2_dev *bdev_dev(void)
{
	static const struct ext2_dev dev = { bdev_read, bdev_write, bdev_now,
					     NULL };

	return &dev;
}
