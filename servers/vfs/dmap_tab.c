// SPDX-License-Identifier: BSD-2-Clause
/*
 * The device map's bookkeeping (dmap_tab.h): labels, endpoints and
 * generations per major.  Pure: no IPC, no printing.
 */
#include <axo/errno.h>
#include <axo/fmt.h>

#include "dmap_tab.h"

void dmap_tab_init(struct dmap_tab *t)
{
	for (uint32_t i = 0; i < DMAP_MAJORS; i++)
		t->e[i] = (struct dmap_ent){ .driver = NONE, .gen = 1 };
}

/* The instance of ent goes away: its open devices become stale. */
static void lose(struct dmap_ent *ent)
{
	ent->driver = NONE;
	ent->gen++;
}

int dmap_tab_map(struct dmap_tab *t, uint32_t major, const char *label,
		 size_t size, uint32_t *gone)
{
	size_t len =
		strnlen(label, size < DMAP_LABEL_MAX ? size : DMAP_LABEL_MAX);

	if (major >= DMAP_MAJORS || len >= DMAP_LABEL_MAX || len >= size)
		return -EINVAL;
	struct dmap_ent *ent = &t->e[major];
	if (strcmp(ent->label, label) == 0)
		return 0;
	if (ent->driver != NONE)
		*gone |= 1u << major;
	lose(ent);
	memcpy(ent->label, label, len + 1);
	return 0;
}

uint32_t dmap_tab_up(struct dmap_tab *t, const char *label, endpoint_t e)
{
	uint32_t gone = 0;

	if (label[0] == '\0')
		return 0;
	for (uint32_t i = 0; i < DMAP_MAJORS; i++) {
		struct dmap_ent *ent = &t->e[i];
		if (strcmp(ent->label, label) != 0)
			continue;
		if (ent->driver != NONE) {
			gone |= 1u << i;
			lose(ent);
		}
		ent->driver = e;
	}
	return gone;
}

void dmap_tab_fill(struct dmap_tab *t, const char *label, endpoint_t e)
{
	if (label[0] == '\0')
		return;
	for (uint32_t i = 0; i < DMAP_MAJORS; i++)
		if (t->e[i].driver == NONE && strcmp(t->e[i].label, label) == 0)
			t->e[i].driver = e;
}

const struct dmap_ent *dmap_tab_get(const struct dmap_tab *t, uint32_t major)
{
	return major < DMAP_MAJORS ? &t->e[major] : NULL;
}
