/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The device map's bookkeeping, without IPC (dmap.c does the talking;
 * host unit tests use this file alone).  Each major has a label (""
 * when unmapped), the endpoint of the driver instance serving it (NONE
 * until it announces itself) and a generation number.  The generation
 * changes whenever the instance behind a major goes away (a new instance
 * announces itself, or the major is unmapped or mapped to another
 * label); an open character device remembers the generation it was
 * opened under, and is stale (its operations fail with -EIO) once the
 * numbers differ.
 */
#ifndef VFS_DMAP_TAB_H
#define VFS_DMAP_TAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <axo/types.h>
#include <axo/endpoint.h>

#define DMAP_MAJORS    32 /* majors 0..31 */
#define DMAP_LABEL_MAX 16 /* PROC_NAME_LEN, the NUL included */

struct dmap_ent {
	char label[DMAP_LABEL_MAX]; /* "" : not mapped */
	endpoint_t driver;	    /* NONE: not up */
	uint32_t gen;
};

struct dmap_tab {
	struct dmap_ent e[DMAP_MAJORS];
};

/* Everything unmapped. */
void dmap_tab_init(struct dmap_tab *t);

/*
 * Map major to label (NUL-terminated within DMAP_LABEL_MAX bytes), or
 * unmap it if label is "".  Mapping the label it already has changes
 * nothing (RS maps again when a driver is reset; the announce follows).
 * Otherwise the instance serving major, if any, goes away: *gone gets
 * bit major set.  -EINVAL for a bad major or label (nothing changed).
 */
int dmap_tab_map(struct dmap_tab *t, uint32_t major, const char *label,
		 size_t size, uint32_t *gone);

/*
 * Driver `label` announced itself as endpoint e (NONE: it is no longer
 * up).  Every major mapped to label gets e; those that had an instance
 * up already lost it (the announce is a new instance, even with the same
 * endpoint): their bits are set in the returned mask.
 */
uint32_t dmap_tab_up(struct dmap_tab *t, const char *label, endpoint_t e);

/*
 * Learn endpoint e of label for majors that have none yet (a driver that
 * announced itself before it was mapped); never a new instance.
 */
void dmap_tab_fill(struct dmap_tab *t, const char *label, endpoint_t e);

/* The entry of major, or NULL if major is out of range. */
const struct dmap_ent *dmap_tab_get(const struct dmap_tab *t, uint32_t major);

#endif
