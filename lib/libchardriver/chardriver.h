/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * libchardriver: the receive loop of a character driver.  The driver
 * fills a struct chardriver with the operations it supports (NULL ones
 * answer -ENOSYS, or OK for open and close) and calls chardriver_task(),
 * which never returns.  Requests follow <axo/msg_dev.h>; every answer is
 * a CDEV_REPLY sent with asynsend.  An operation that cannot finish now
 * returns -EDONTREPLY and later calls chardriver_reply() with the
 * request's caller and id.
 */
#ifndef LIBCHARDRIVER_CHARDRIVER_H
#define LIBCHARDRIVER_CHARDRIVER_H

#include <syslib.h>

/* What a data or ioctl request names: where the bytes go and who asked. */
struct cdev_io {
	int minor;
	endpoint_t caller; /* VFS, which made the grant */
	cp_grant_id_t grant;
	size_t count;
	uint64_t pos;
	uint32_t flags;	 /* CDEV_NONBLOCK */
	endpoint_t user; /* process on whose behalf */
	uint32_t id;
};

struct chardriver {
	int (*open)(int minor, uint32_t access, endpoint_t user);
	int (*close)(int minor);
	/* Bytes transferred, or -E*, or -EDONTREPLY. */
	int (*read)(const struct cdev_io *io);
	int (*write)(const struct cdev_io *io);
	int (*ioctl)(const struct cdev_io *io, uint32_t request);
	/* End the suspended request id; its answer is the caller's job. */
	void (*cancel)(int minor, endpoint_t caller, uint32_t id);
	/* Ready operations among ops (CDEV_OP_*). */
	int (*select)(int minor, uint32_t ops, endpoint_t caller);
	void (*intr)(uint32_t irq_set);
	void (*alarm)(clock_t64 now);
	/*
	 * Any other message (not a CDEV request, not a system event); when
	 * NULL, such a message is answered with a CDEV_REPLY of -EBADREQUEST.
	 */
	void (*other)(const message *m, uint32_t status);
};

/* Serve requests for ever. */
_Noreturn void chardriver_task(const struct chardriver *cd);

/* Answer request id of caller with status (a suspended one, later). */
void chardriver_reply(endpoint_t caller, int minor, uint32_t id,
		      int32_t status);

/*
 * Call at the end of every init callback with its type.  FRESH and
 * RESTART: forget stale IPC references of a predecessor (blocked callers
 * get EDEADSRCDST), forget which minors were opened, and announce
 * "drv.chr.<label>" = DRIVER_UP in DS (label: ours, from DS); after a
 * RESTART, requests for minors not opened again are dropped.  LU: does
 * nothing and returns OK (the endpoint and the opens carry over).  OK or
 * the statectl/DS error.
 */
int chardriver_announce(int init_type);

#endif
