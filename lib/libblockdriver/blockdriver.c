// SPDX-License-Identifier: BSD-2-Clause
/*
 * libblockdriver: request dispatch for block drivers (blockdriver.h).
 * After a restart, a request meant for the crashed predecessor (any
 * request but OPEN for a minor not opened on this instance, see
 * drv_opened.h) is answered -ERESTART without reaching the driver: the
 * file system server then opens the device again and re-sends it
 * (servers/ext2/bdev.c).  CLOSE of such a minor answers OK: there is
 * nothing left to close.
 */
#include <ds.h>
#include <sef.h>

#include "blockdriver.h"
#include "drv_opened.h"

static struct drv_opened opened;

void blockdriver_reply(endpoint_t caller, int minor, uint32_t id,
		       int32_t status)
{
	message m = { .m_type = BDEV_REPLY };

	m.bdev_reply.minor = minor;
	m.bdev_reply.id = id;
	m.bdev_reply.status = status;
	sef_fi_corrupt(RS_FI_BADREPLY, &m.bdev_reply.status); /* campaign */
	int r = ipc_sendnb(caller, &m);
	if (r != OK)
		printf("blockdriver: reply to %d lost: %d\n", caller, r);
}

int blockdriver_announce(int init_type)
{
	if (init_type == SEF_INIT_LU)
		return OK; /* same endpoint, same opens: nothing to tell */
	drv_opened_reset(&opened, init_type == SEF_INIT_RESTART);
	return driver_announce("drv.blk.");
}

/* Run one request; its answer. */
static int dispatch(const struct blockdriver *bd, const message *m)
{
	const struct bdev_rq *rq = &m->bdev_rq;
	uint64_t pos = ((uint64_t)rq->pos_hi << 32) | rq->pos_lo;

	if (drv_opened_stale(&opened, m->m_type == BDEV_OPEN, rq->minor))
		return m->m_type == BDEV_CLOSE ? OK : -ERESTART;
	switch (m->m_type) {
	case BDEV_OPEN: {
		int r = bd->open ? bd->open(rq->minor, rq->access) : OK;
		if (r == OK)
			drv_opened_mark(&opened, rq->minor);
		return r;
	}
	case BDEV_CLOSE:
		return bd->close ? bd->close(rq->minor) : OK;
	case BDEV_READ:
	case BDEV_WRITE:
		if (bd->transfer == NULL)
			return -ENOSYS;
		return bd->transfer(rq->minor, m->m_type == BDEV_WRITE, pos,
				    m->m_source, rq->grant, rq->count);
	case BDEV_IOCTL:
		return bd->ioctl ? bd->ioctl(rq->minor, rq->request,
					     m->m_source, rq->grant) :
				   -ENOTTY;
	default:
		return -EBADREQUEST;
	}
}

static void notification(const struct blockdriver *bd, const message *m,
			 uint32_t status)
{
	if (m->m_source == HARDWARE && bd->intr)
		bd->intr(m->notify.interrupts);
	else if (m->m_source == CLOCK && bd->alarm)
		bd->alarm(m->notify.timestamp);
	else if (bd->other)
		bd->other(m, status);
}

_Noreturn void blockdriver_task(const struct blockdriver *bd)
{
	message m;
	uint32_t status;

	for (;;) {
		if (sef_receive_status(ANY, &m, &status) != OK)
			continue;
		if (is_ipc_notify(status)) {
			notification(bd, &m, status);
		} else if (IS_BDEV_CALL(m.m_type)) {
			int r = dispatch(bd, &m);
			blockdriver_reply(m.m_source, m.bdev_rq.minor,
					  m.bdev_rq.id, r);
		} else if (bd->other) {
			bd->other(&m, status);
		}
	}
}
