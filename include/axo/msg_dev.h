/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The device driver protocols, between VFS (or a file system server) and
 * the drivers.
 *
 * Character devices: a request carries an id chosen by the caller; the
 * driver answers each one with CDEV_REPLY carrying the same id, sent
 * asynchronously (senda), so a busy caller never blocks the driver and
 * the driver may answer a blocking read much later.  CDEV_CANCEL asks
 * the driver to end the pending request id at once (it answers that
 * request with -EINTR, or not at all if it already answered).  Data moves
 * through the grant in the request: the driver copies with
 * sys_safecopyfrom/to at offsets 0..count.
 *
 * Block devices: the file system server sends BDEV requests with sendrec
 * and gets BDEV_REPLY.  A driver that restarted answers requests meant
 * for its predecessor with -ERESTART (recovery issue).
 *
 * A driver announces itself in DS under "drv.chr.<label>" or
 * "drv.blk.<label>" (value DRIVER_UP) once it can serve requests.
 */
#ifndef AXO_MSG_DEV_H
#define AXO_MSG_DEV_H

#include <axo/types.h>
#include <axo/msgtype.h>

#define CDEV_OPEN      (CDEV_RQ_BASE + 0) /* cdev_rq -> OK, or -E* */
#define CDEV_CLOSE     (CDEV_RQ_BASE + 1) /* cdev_rq -> OK */
#define CDEV_READ      (CDEV_RQ_BASE + 2) /* cdev_rq -> bytes read */
#define CDEV_WRITE     (CDEV_RQ_BASE + 3) /* cdev_rq -> bytes written */
#define CDEV_IOCTL     (CDEV_RQ_BASE + 4) /* cdev_rq -> OK or -E* */
#define CDEV_CANCEL    (CDEV_RQ_BASE + 5) /* cdev_rq: id names the request */
#define CDEV_SELECT    (CDEV_RQ_BASE + 6) /* cdev_rq: ops -> CDEV_SEL_REPLY */
#define CDEV_REPLY     (CDEV_RQ_BASE + 0x40) /* cdev_reply */
#define CDEV_SEL_REPLY (CDEV_RQ_BASE + 0x41) /* cdev_reply: ready ops */

#define BDEV_OPEN  (BDEV_RQ_BASE + 0)	 /* bdev_rq -> OK */
#define BDEV_CLOSE (BDEV_RQ_BASE + 1)	 /* bdev_rq -> OK */
#define BDEV_READ  (BDEV_RQ_BASE + 2)	 /* bdev_rq -> bytes read */
#define BDEV_WRITE (BDEV_RQ_BASE + 3)	 /* bdev_rq -> bytes written */
#define BDEV_IOCTL (BDEV_RQ_BASE + 4)	 /* bdev_rq -> OK or -E* */
#define BDEV_REPLY (BDEV_RQ_BASE + 0x40) /* bdev_reply */

/* cdev_rq.access of OPEN. */
#define CDEV_R_BIT  0x1
#define CDEV_W_BIT  0x2
#define CDEV_NOCTTY 0x4

/* cdev_rq.flags of READ, WRITE and IOCTL. */
#define CDEV_NONBLOCK 0x1 /* answer -EAGAIN rather than wait */

/* Select operations: cdev_rq.ops, and the ready set in a reply. */
#define CDEV_OP_RD  0x1
#define CDEV_OP_WR  0x2
#define CDEV_OP_ERR 0x4
#define CDEV_NOTIFY 0x8 /* send CDEV_SEL_REPLY later when one is ready */

/* Value of a driver's DS entry. */
#define DRIVER_UP 1

struct cdev_rq {
	int32_t minor;
	uint32_t id;	     /* the caller's request id */
	endpoint_t user;     /* process on whose behalf, for ioctls/signals */
	cp_grant_id_t grant; /* READ, WRITE, IOCTL data */
	uint32_t count;	     /* bytes */
	uint32_t pos_lo, pos_hi; /* device offset */
	uint32_t flags;		 /* CDEV_NONBLOCK */
	uint32_t access;	 /* OPEN: CDEV_R_BIT ... */
	uint32_t request;	 /* IOCTL */
	uint32_t ops;		 /* SELECT: CDEV_OP_* | CDEV_NOTIFY */
};

struct cdev_reply {
	int32_t minor;
	uint32_t id;	/* the request's id */
	int32_t status; /* result: OK, bytes, ready ops, or -E* */
};

struct bdev_rq {
	int32_t minor;
	uint32_t id;
	cp_grant_id_t grant;
	uint32_t count;		 /* bytes, a multiple of the sector size */
	uint32_t pos_lo, pos_hi; /* byte offset, sector aligned */
	uint32_t access;	 /* OPEN: CDEV_R_BIT | CDEV_W_BIT */
	uint32_t request;	 /* IOCTL */
};

struct bdev_reply {
	int32_t minor;
	uint32_t id;
	int32_t status;
};

#define MSG_DEV_MEMBERS \
	struct cdev_rq cdev_rq; \
	struct cdev_reply cdev_reply; \
	struct bdev_rq bdev_rq; \
	struct bdev_reply bdev_reply;

_Static_assert(sizeof(struct cdev_rq) <= MSG_PAYLOAD_SIZE, "cdev_rq");
_Static_assert(sizeof(struct bdev_rq) <= MSG_PAYLOAD_SIZE, "bdev_rq");

#endif
