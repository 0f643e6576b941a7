// SPDX-License-Identifier: BSD-2-Clause
/*
 * The device map: which driver serves each major (bookkeeping in
 * dmap_tab.c).  The boot drivers' labels come from <axo/dmap.h>; RS maps
 * others with VFS_MAPDRIVER.  Endpoints are learnt from DS, where drivers
 * announce themselves as "drv.chr.<label>" or "drv.blk.<label>" =
 * DRIVER_UP: VFS subscribes to both kinds with one pattern (existing
 * entries included) and, on each DS notification, reads the changed keys
 * and looks the label's endpoint up.  A major whose driver is not up has
 * endpoint NONE (-ENXIO to callers).
 *
 * Driver recovery: an announce for a label whose driver was already up
 * means a new instance (restart: same endpoint; reset: a new one).  The
 * requests VFS had outstanding at the old one are failed with -EIO at
 * once and character devices opened on it go stale (device.c); the
 * major then points at the new instance.  Unmapping (an empty label)
 * does the same, and opens fail with -ENXIO afterwards.
 */
#include "vfs.h"
#include "dmap_tab.h"

struct dmap_label {
	uint32_t major;
	const char *label;
};

static const struct dmap_label boot_labels[] = { DMAP_LABELS };
static struct dmap_tab tab;

void dmap_init(void)
{
	uint32_t gone = 0;
	int r;

	dmap_tab_init(&tab);
	for (size_t i = 0; i < sizeof(boot_labels) / sizeof(boot_labels[0]);
	     i++)
		dmap_tab_map(&tab, boot_labels[i].major, boot_labels[i].label,
			     DMAP_LABEL_MAX, &gone);
	if ((r = ds_subscribe("drv\\..*", DSF_INITIAL)) != OK)
		printf("vfs: cannot subscribe to driver events: %d\n", r);
}

/* The instances behind the majors in mask went away: clean up after them. */
static void majors_gone(uint32_t mask)
{
	for (uint32_t major = 0; major < DMAP_MAJORS; major++) {
		if (!(mask & (1u << major)))
			continue;
		printf("vfs: driver of major %u went away; its open devices "
		       "are invalidated\n",
		       major);
		cdev_driver_gone(major);
	}
}

/* Is driver `label` announced up in DS?  Its endpoint, or NONE. */
static endpoint_t announced(const char *label)
{
	static const char *const prefixes[] = { "drv.chr.", "drv.blk." };
	char key[DS_MAX_KEYLEN];
	uint32_t state;
	endpoint_t e;

	for (size_t i = 0; i < 2; i++) {
		snprintf(key, sizeof(key), "%s%s", prefixes[i], label);
		if (ds_retrieve_u32(key, &state) == OK && state == DRIVER_UP &&
		    ds_retrieve_label_endpt(label, &e) == OK)
			return e;
	}
	return NONE;
}

/*
 * Driver `label` changed its DS entry `key` (owned by owner): learn its
 * endpoint, by label, or else as the entry's owner.
 */
static void driver_event(const char *key, const char *label, endpoint_t owner)
{
	uint32_t state = 0;
	endpoint_t e = NONE;

	if (ds_retrieve_u32(key, &state) == OK && state == DRIVER_UP &&
	    ds_retrieve_label_endpt(label, &e) != OK)
		e = owner;
	majors_gone(dmap_tab_up(&tab, label, e));
}

void dmap_ds_event(void)
{
	char key[DS_MAX_KEYLEN];
	endpoint_t owner;
	int type;

	while (ds_check(key, sizeof(key), &type, &owner) == OK) {
		if (strncmp(key, "drv.chr.", 8) == 0 ||
		    strncmp(key, "drv.blk.", 8) == 0)
			driver_event(key, key + 8, owner);
	}
}

int do_mapdriver(message *m)
{
	const struct vfs_mapdriver_msg *md = &m->vfs_mapdriver;
	uint32_t gone = 0;

	if (m->m_source != RS_PROC_NR)
		return -EPERM;
	if (md->major < 0)
		return -EINVAL;
	int r = dmap_tab_map(&tab, (uint32_t)md->major, md->label,
			     sizeof(md->label), &gone);
	if (r != OK)
		return r;
	majors_gone(gone);
	if (md->label[0] != '\0')
		dmap_tab_fill(&tab, md->label, announced(md->label));
	return OK;
}

/*
 * The endpoint of major's driver, or NONE.  A driver not known to be up
 * may have announced itself after a request that overtook DS's
 * notification: collect pending DS changes before giving up.
 */
endpoint_t dmap_driver(uint32_t major)
{
	const struct dmap_ent *d = dmap_tab_get(&tab, major);

	if (d == NULL || d->label[0] == '\0')
		return NONE;
	if (d->driver == NONE)
		dmap_ds_event();
	return d->driver;
}

bool dmap_is_driver(endpoint_t e)
{
	for (uint32_t major = 0; major < NR_MAJORS; major++) {
		const struct dmap_ent *d = dmap_tab_get(&tab, major);
		if (d != NULL && d->label[0] != '\0' && d->driver == e)
			return true;
	}
	return false;
}

uint32_t dmap_gen(uint32_t major)
{
	const struct dmap_ent *d = dmap_tab_get(&tab, major);

	return d != NULL ? d->gen : 0;
}

const char *dmap_label(uint32_t major)
{
	const struct dmap_ent *d = dmap_tab_get(&tab, major);

	return d != NULL && d->label[0] != '\0' ? d->label : "?";
}
