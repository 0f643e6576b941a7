/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * libblockdriver: the receive loop of a block driver.  The driver fills a
 * struct blockdriver with the operations it supports (NULL ones answer
 * -ENOSYS, or OK for open and close) and calls blockdriver_task(), which
 * never returns.  Requests follow <axo/msg_dev.h>; each one is answered
 * at once with a BDEV_REPLY carrying the request's id.  A restarted
 * instance answers -ERESTART to requests meant for its predecessor
 * (blockdriver.c).
 *
 * The answer goes out with ipc_sendnb: the file system server asks with
 * sendrec, so it is already waiting for us and the reply is delivered at
 * once; a client that sent without waiting loses its answer instead of
 * blocking the driver.  No asynchronous send table is needed because a
 * block request never stays pending across requests.
 */
#ifndef LIBBLOCKDRIVER_BLOCKDRIVER_H
#define LIBBLOCKDRIVER_BLOCKDRIVER_H

#include <syslib.h>

struct blockdriver {
	int (*open)(int minor, uint32_t access);
	int (*close)(int minor);
	/*
	 * Move count bytes between byte offset pos of the device and the
	 * caller's grant (offsets 0..count); write says which way.  Bytes
	 * moved (0 at or past the end), or -E*.
	 */
	int (*transfer)(int minor, bool write, uint64_t pos, endpoint_t caller,
			cp_grant_id_t grant, size_t count);
	int (*ioctl)(int minor, uint32_t request, endpoint_t caller,
		     cp_grant_id_t grant);
	void (*intr)(uint32_t irq_set);
	void (*alarm)(clock_t64 now);
	/* Any other message (not a BDEV request, not a system event). */
	void (*other)(const message *m, uint32_t status);
};

/* Serve requests for ever. */
_Noreturn void blockdriver_task(const struct blockdriver *bd);

/* Answer request id of caller with status (used by the loop). */
void blockdriver_reply(endpoint_t caller, int minor, uint32_t id,
		       int32_t status);

/*
 * Call at the end of every init callback with its type.  FRESH and
 * RESTART: forget stale IPC references of a predecessor (a file system
 * blocked in sendrec gets EDEADSRCDST), forget which minors were opened,
 * and announce "drv.blk.<label>" = DRIVER_UP in DS; after a RESTART,
 * requests for minors not opened again are answered -ERESTART.  LU: does
 * nothing and returns OK.  OK or the statectl/DS error.
 */
int blockdriver_announce(int init_type);

#endif
