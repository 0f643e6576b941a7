// SPDX-License-Identifier: BSD-2-Clause
/*
 * libchardriver: request dispatch for character drivers (chardriver.h).
 * After a restart, requests meant for the crashed predecessor (any
 * request but OPEN for a minor not opened on this instance, see
 * drv_opened.h) are dropped without an answer: VFS has failed them
 * itself (-EIO) when it saw our announce, so nobody waits for them, and
 * an answer could only be mistaken for one to a newer request.
 */
#include <ds.h>
#include <sef.h>

#include "chardriver.h"
#include "drv_opened.h"

static struct drv_opened opened;

void chardriver_reply(endpoint_t caller, int minor, uint32_t id, int32_t status)
{
	message m = { .m_type = CDEV_REPLY };

	m.cdev_reply.minor = minor;
	m.cdev_reply.id = id;
	m.cdev_reply.status = status;
	sef_fi_corrupt(RS_FI_BADREPLY, &m.cdev_reply.status); /* campaign */
	int r = asynsend(caller, &m);
	if (r != OK)
		printf("chardriver: reply to %d lost: %d\n", caller, r);
}

int chardriver_announce(int init_type)
{
	if (init_type == SEF_INIT_LU)
		return OK; /* same endpoint, same opens: nothing to tell */
	drv_opened_reset(&opened, init_type == SEF_INIT_RESTART);
	return driver_announce("drv.chr.");
}

/* A request for the predecessor, to be dropped? */
static bool stale(const message *m)
{
	return drv_opened_stale(&opened, m->m_type == CDEV_OPEN,
				m->cdev_rq.minor);
}

static struct cdev_io io_of(const message *m)
{
	const struct cdev_rq *rq = &m->cdev_rq;

	return (struct cdev_io){
		.minor = rq->minor,
		.caller = m->m_source,
		.grant = rq->grant,
		.count = rq->count,
		.pos = ((uint64_t)rq->pos_hi << 32) | rq->pos_lo,
		.flags = rq->flags,
		.user = rq->user,
		.id = rq->id,
	};
}

/* Run one request; its answer, or -EDONTREPLY. */
static int dispatch(const struct chardriver *cd, const message *m)
{
	const struct cdev_rq *rq = &m->cdev_rq;
	struct cdev_io io = io_of(m);

	switch (m->m_type) {
	case CDEV_OPEN: {
		int r = cd->open ? cd->open(rq->minor, rq->access, rq->user) :
				   OK;
		if (r == OK)
			drv_opened_mark(&opened, rq->minor);
		return r;
	}
	case CDEV_CLOSE:
		return cd->close ? cd->close(rq->minor) : OK;
	case CDEV_READ:
		return cd->read ? cd->read(&io) : -ENOSYS;
	case CDEV_WRITE:
		return cd->write ? cd->write(&io) : -ENOSYS;
	case CDEV_IOCTL:
		return cd->ioctl ? cd->ioctl(&io, rq->request) : -ENOTTY;
	case CDEV_CANCEL:
		if (cd->cancel)
			cd->cancel(rq->minor, m->m_source, rq->id);
		return -EDONTREPLY;
	default:
		return -EBADREQUEST;
	}
}

/* A select request answers with its own message type. */
static void do_select(const struct chardriver *cd, const message *m)
{
	message r = { .m_type = CDEV_SEL_REPLY };

	r.cdev_reply.minor = m->cdev_rq.minor;
	r.cdev_reply.id = m->cdev_rq.id;
	r.cdev_reply.status =
		cd->select ?
			cd->select(m->cdev_rq.minor, m->cdev_rq.ops,
				   m->m_source) :
			(int32_t)(m->cdev_rq.ops & (CDEV_OP_RD | CDEV_OP_WR));
	asynsend(m->m_source, &r);
}

static void notification(const struct chardriver *cd, const message *m,
			 uint32_t status)
{
	if (m->m_source == HARDWARE && cd->intr)
		cd->intr(m->notify.interrupts);
	else if (m->m_source == CLOCK && cd->alarm)
		cd->alarm(m->notify.timestamp);
	else if (cd->other)
		cd->other(m, status);
}

_Noreturn void chardriver_task(const struct chardriver *cd)
{
	message m;
	uint32_t status;

	for (;;) {
		if (sef_receive_status(ANY, &m, &status) != OK)
			continue;
		if (is_ipc_notify(status)) {
			notification(cd, &m, status);
		} else if (IS_CDEV_CALL(m.m_type) && stale(&m)) {
			continue; /* meant for the predecessor: drop */
		} else if (m.m_type == CDEV_SELECT) {
			do_select(cd, &m);
		} else if (IS_CDEV_CALL(m.m_type)) {
			int r = dispatch(cd, &m);
			if (r != -EDONTREPLY)
				chardriver_reply(m.m_source, m.cdev_rq.minor,
						 m.cdev_rq.id, r);
		} else if (cd->other) {
			cd->other(&m, status);
		} else {
			/* Unknown: answer, so a sendrec caller never hangs. */
			chardriver_reply(m.m_source, m.cdev_rq.minor,
					 m.cdev_rq.id, -EBADREQUEST);
		}
	}
}
