/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Device majors: which driver serves a device node.  VFS's device map
 * binds each major to a driver label (and, once the driver announces
 * itself in DS, to its endpoint); the root image's /dev nodes
 * (tools/mk-root-image.py) carry the same numbers.  Minors are the
 * driver's business.
 */
#ifndef AXO_DMAP_H
#define AXO_DMAP_H

#define MEMORY_MAJOR 1	/* memory: 0 null, 1 zero, 2 ram, 3 full */
#define ATA_MAJOR    3	/* ata: 0 the primary master disk */
#define TTY_MAJOR    4	/* tty: 0 the console (COM1) */
#define HELLO_MAJOR  17 /* hello: 0 */

#define DMAP_LABELS \
	{ MEMORY_MAJOR, "memory" }, { ATA_MAJOR, "ata" }, \
		{ TTY_MAJOR, "tty" }, \
	{ \
		HELLO_MAJOR, "hello" \
	}

/*
 * Devices the root can be mounted from.  Before a root file system
 * exists VFS cannot look up /dev, so VFS_MOUNT on "/" names its device by
 * one of these paths, which VFS knows without a lookup.
 */
#define DMAP_ROOT_DEVS \
	{ "/dev/c0d0", ATA_MAJOR, 0 }, \
	{ \
		"/dev/ram", MEMORY_MAJOR, 2 \
	}

#endif
