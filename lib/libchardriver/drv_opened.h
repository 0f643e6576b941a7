/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Which minors a driver instance has opened since it announced itself,
 * shared by libchardriver and libblockdriver (header only, no IPC, so the
 * host unit tests use it as it is).
 *
 * "Meant for the predecessor": after a restart the new instance has the
 * old endpoint, so a request that a client addressed to the crashed
 * instance (and that the kernel still delivers, or that the client sends
 * because it has not yet seen the announce) reaches the new one.  We
 * cannot tell such a request from its content; we tell it by its minor:
 * any request other than OPEN for a minor nobody has opened on *this*
 * instance must refer to an open made on the predecessor.  Fresh
 * instances have no predecessor, so nothing is stale for them; a live
 * update keeps the opens (and does not reset this set).
 */
#ifndef LIBCHARDRIVER_DRV_OPENED_H
#define LIBCHARDRIVER_DRV_OPENED_H

#include <stdbool.h>
#include <stdint.h>

#define DRV_MINORS 256 /* VFS_MINOR() is 8 bits */

struct drv_opened {
	bool restarted; /* this instance replaced a crashed one */
	uint32_t bits[DRV_MINORS / 32]; /* minors opened since the announce */
};

/* Forget every open; restarted says whether there was a predecessor. */
static inline void drv_opened_reset(struct drv_opened *o, bool restarted)
{
	*o = (struct drv_opened){ .restarted = restarted };
}

/* Minor was opened successfully on this instance (others are ignored). */
static inline void drv_opened_mark(struct drv_opened *o, int minor)
{
	if (minor >= 0 && minor < DRV_MINORS)
		o->bits[minor / 32] |= 1u << (minor % 32);
}

static inline bool drv_opened_has(const struct drv_opened *o, int minor)
{
	return minor >= 0 && minor < DRV_MINORS &&
	       (o->bits[minor / 32] & (1u << (minor % 32))) != 0;
}

/*
 * True if a request (is_open: it is an OPEN) for minor was meant for the
 * predecessor.  Minors out of range are never stale: the driver itself
 * answers them with -ENXIO.
 */
static inline bool drv_opened_stale(const struct drv_opened *o, bool is_open,
				    int minor)
{
	if (!o->restarted || is_open || minor < 0 || minor >= DRV_MINORS)
		return false;
	return !drv_opened_has(o, minor);
}

#endif
