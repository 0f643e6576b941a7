// SPDX-License-Identifier: BSD-2-Clause
/*
 * The device map: which driver serves each major.  Labels are fixed by
 * <axo/dmap.h>; endpoints are learnt from DS, where drivers announce
 * themselves as "drv.chr.<label>" or "drv.blk.<label>" = DRIVER_UP.  VFS
 * subscribes to both kinds with one pattern (DS keeps one subscription
 * per owner; existing entries included) and, on each
 * DS notification, reads the changed keys and looks the label's endpoint
 * up.  A major whose driver is not up has endpoint NONE (-ENXIO to
 * callers).  Endpoints are kept per major so a restart can update them.
 */
#include "vfs.h"

struct dmap_label {
	uint32_t major;
	const char *label;
};

struct dmap {
	uint32_t major;
	const char *label;
	endpoint_t driver;
};

static const struct dmap_label labels[] = { DMAP_LABELS };
#define NR_DMAP (sizeof(labels) / sizeof(labels[0]))
static struct dmap dmap[NR_DMAP];

void dmap_init(void)
{
	int r;

	for (size_t i = 0; i < NR_DMAP; i++)
		dmap[i] = (struct dmap){ .major = labels[i].major,
					 .label = labels[i].label,
					 .driver = NONE };
	if ((r = ds_subscribe("drv\\..*", DSF_INITIAL)) != OK)
		printf("vfs: cannot subscribe to driver events: %d\n", r);
}

static struct dmap *by_major(uint32_t major)
{
	for (size_t i = 0; i < NR_DMAP; i++)
		if (dmap[i].major == major)
			return &dmap[i];
	return NULL;
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
	for (size_t i = 0; i < NR_DMAP; i++)
		if (strcmp(dmap[i].label, label) == 0)
			dmap[i].driver = e;
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

/*
 * The endpoint of major's driver, or NONE.  A driver not known to be up
 * may have announced itself after a request that overtook DS's
 * notification: collect pending DS changes before giving up.
 */
endpoint_t dmap_driver(uint32_t major)
{
	struct dmap *d = by_major(major);

	if (d == NULL)
		return NONE;
	if (d->driver == NONE)
		dmap_ds_event();
	return d->driver;
}

const char *dmap_label(uint32_t major)
{
	struct dmap *d = by_major(major);

	return d != NULL ? d->label : "?";
}
