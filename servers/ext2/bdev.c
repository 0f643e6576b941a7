// SPDX-License-Identifier: BSD-2-Clause
/*
 * The block device under the ext2 core: struct ext2_dev over the BDEV
 * protocol to the block driver VFS named in FS_READSUPER.  Each transfer
 * is one sendrec with a grant on the core's buffer; offsets and lengths
 * must be whole sectors (the core only moves whole blocks and the 1 KiB
 * superblock).
 *
 * Driver crashes are hidden from the core (bdev_retry.c): when the
 * driver dies under a request or its successor answers -ERESTART, we
 * look its label up in DS again (the label is learnt at open), open the
 * device on the instance found there and re-send the request.  While we
 * wait (a few ms normally, BDEV_WAIT_TICKS at most) the server receives
 * nothing but the clock's alarm, so VFS's requests to us wait too; that
 * keeps the core single-threaded and is short enough not to matter.
 * Interface: bdev_open, bdev_close, bdev_dev; the clock for timestamps.
 */
#include <syslib.h>
#include <ds.h>
#include <sef.h>

#include <axo/msg_dev.h>

#include "fs.h"
#include "bdev_retry.h"

#define SECTOR 512

static struct bdev_target target = { .driver = NONE };
static int32_t minor;
static char label[DS_MAX_KEYLEN]; /* the driver's; "" if DS did not say */

/* One BDEV request by sendrec to drv; the reply's status or IPC error. */
static int32_t bdev_call(endpoint_t drv, int type, struct bdev_rq rq)
{
	static uint32_t next_id;
	message m = { .m_type = type, .bdev_rq = rq };

	m.bdev_rq.minor = minor;
	m.bdev_rq.id = ++next_id;
	sef_fi_corrupt(RS_FI_BADREQ, &m.bdev_rq.minor); /* campaign */
	int r = ipc_sendrec(drv, &m);
	if (r != OK)
		return r;
	if (m.m_type != BDEV_REPLY || m.bdev_reply.id != next_id)
		return -EIO; /* not the answer to our request */
	return m.bdev_reply.status;
}

static int32_t link_open(void *ctx, endpoint_t drv, uint32_t access)
{
	(void)ctx;
	return bdev_call(drv, BDEV_OPEN, (struct bdev_rq){ .access = access });
}

static int32_t link_transfer(void *ctx, endpoint_t drv, bool write,
			     uint64_t off, void *buf, size_t n)
{
	(void)ctx;
	cp_grant_id_t g = cpf_grant_direct(drv, (vir_bytes)buf, n,
					   write ? CPF_READ : CPF_WRITE);
	if (g == GRANT_INVALID)
		return -EIO;
	struct bdev_rq rq = { .grant = g,
			      .count = (uint32_t)n,
			      .pos_lo = (uint32_t)off,
			      .pos_hi = (uint32_t)(off >> 32) };
	int32_t r = bdev_call(drv, write ? BDEV_WRITE : BDEV_READ, rq);
	cpf_revoke(g);
	return r;
}

/* The driver's endpoint by label, or the old one if we have no label. */
static endpoint_t link_lookup(void *ctx)
{
	endpoint_t e;

	(void)ctx;
	if (label[0] == '\0')
		return target.driver;
	return ds_retrieve_label_endpt(label, &e) == OK ? e : NONE;
}

/* Sleep: only the clock's notification ends it (see the file comment). */
static void link_pause(void *ctx, uint32_t ticks)
{
	message m;
	uint32_t status;

	(void)ctx;
	if (sys_setalarm(ticks, NULL) != OK)
		return;
	while (ipc_receive(CLOCK, &m, &status) != OK || !is_ipc_notify(status))
		;
}

static const struct bdev_link link = {
	.transfer = link_transfer,
	.open = link_open,
	.lookup = link_lookup,
	.pause = link_pause,
};

/*
 * Open minor dev_minor of the block driver drv for reading (and writing
 * unless rdonly); it becomes the device of every transfer.  OK or the
 * driver's error.
 */
int bdev_open(endpoint_t drv, int dev_minor, bool rdonly)
{
	uint32_t access = CDEV_R_BIT | (rdonly ? 0 : CDEV_W_BIT);

	minor = dev_minor;
	if (ds_retrieve_label_name(label, sizeof(label), drv) != OK)
		label[0] = '\0'; /* we can still work, but not recover */
	int32_t r = link_open(NULL, drv, access);
	target = (struct bdev_target){ .driver = r == OK ? drv : NONE,
				       .access = access };
	return r;
}

/* Close the device opened by bdev_open (if any). */
void bdev_close(void)
{
	if (target.driver != NONE)
		bdev_call(target.driver, BDEV_CLOSE,
			  (struct bdev_rq){ .access = target.access });
	target.driver = NONE;
}

/* Move n bytes at off to or from buf, through driver restarts. */
static int bdev_transfer(bool write, uint64_t off, void *buf, size_t n)
{
	if (target.driver == NONE || off % SECTOR != 0 || n % SECTOR != 0 ||
	    n == 0 || n > INT32_MAX)
		return -EIO;
	return bdev_retry_transfer(&link, &target, write, off, buf, n);
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
