// SPDX-License-Identifier: BSD-2-Clause
/*
 * DS storage: fixed tables of entries and subscriptions.  An entry is
 * known by key and type and owned by a label.  When an entry appears,
 * changes or goes, every subscription whose pattern and type match has
 * the entry's bit set (appears/changes) or cleared (goes), and its owner
 * is notified; the subscriber then calls CHECK until ENOENT.
 */
#include "ds.h"

struct data_entry ds_store[NR_DS_KEYS];
struct subscription ds_subs[NR_DS_SUBS];

static uint32_t type_of(const struct data_entry *d)
{
	return d->flags & DSF_MASK_TYPE;
}

struct data_entry *ds_lookup(const char *key, uint32_t type)
{
	for (int i = 0; i < NR_DS_KEYS; i++) {
		struct data_entry *d = &ds_store[i];
		if ((d->flags & DSF_IN_USE) && type_of(d) == type &&
		    strcmp(d->key, key) == 0)
			return d;
	}
	return NULL;
}

struct data_entry *ds_label_by_endpoint(endpoint_t e)
{
	for (int i = 0; i < NR_DS_KEYS; i++) {
		struct data_entry *d = &ds_store[i];
		if ((d->flags & DSF_IN_USE) && type_of(d) == DSF_TYPE_LABEL &&
		    d->u32 == (uint32_t)e)
			return d;
	}
	return NULL;
}

struct data_entry *ds_alloc(void)
{
	for (int i = 0; i < NR_DS_KEYS; i++)
		if (!(ds_store[i].flags & DSF_IN_USE))
			return &ds_store[i];
	return NULL;
}

void ds_free(struct data_entry *d)
{
	pool_free(d->val, d->len);
	memset(d, 0, sizeof(*d));
	d->val = POOL_NONE;
}

/* The label of endpoint e, or NULL: callers are known by label. */
const char *ds_label_of(endpoint_t e)
{
	struct data_entry *d = ds_label_by_endpoint(e);

	return d != NULL ? d->key : NULL;
}

endpoint_t ds_endpoint_of(const char *label)
{
	struct data_entry *d = ds_lookup(label, DSF_TYPE_LABEL);

	return d != NULL ? (endpoint_t)d->u32 : NONE;
}

struct subscription *ds_sub_of(const char *owner)
{
	for (int i = 0; i < NR_DS_SUBS; i++)
		if (ds_subs[i].used && strcmp(ds_subs[i].owner, owner) == 0)
			return &ds_subs[i];
	return NULL;
}

static bool sub_wants(const struct subscription *s, const struct data_entry *d)
{
	if (s->type_mask != 0 && !(s->type_mask & type_of(d)))
		return false;
	if ((d->flags & DSF_PRIV_SUBSCRIBE) && strcmp(d->owner, s->owner) != 0)
		return false;
	return pattern_match(s->pattern, d->key);
}

static void set_bit(struct subscription *s, int i, bool on)
{
	if (on)
		s->changed[i / 8] |= (uint8_t)(1u << (i % 8));
	else
		s->changed[i / 8] &= (uint8_t) ~(1u << (i % 8));
}

/* d appeared or changed (present) or is going away: tell subscribers. */
void ds_changed(struct data_entry *d, bool present)
{
	int i = (int)(d - ds_store);

	for (int k = 0; k < NR_DS_SUBS; k++) {
		struct subscription *s = &ds_subs[k];
		if (!s->used || !sub_wants(s, d))
			continue;
		set_bit(s, i, present);
		endpoint_t e = ds_endpoint_of(s->owner);
		if (e != NONE)
			ipc_notify(e);
	}
}

/* DSF_INITIAL: report every entry that already matches. */
void ds_mark_initial(struct subscription *s)
{
	bool any = false;

	for (int i = 0; i < NR_DS_KEYS; i++) {
		if ((ds_store[i].flags & DSF_IN_USE) &&
		    sub_wants(s, &ds_store[i])) {
			set_bit(s, i, true);
			any = true;
		}
	}
	endpoint_t e = ds_endpoint_of(s->owner);
	if (any && e != NONE)
		ipc_notify(e);
}

/* A label went away: so do its subscription and every entry it owns. */
void ds_delete_owned_by(const char *label)
{
	char name[DS_LABEL_MAX];
	struct subscription *s;

	strlcpy(name, label, sizeof(name));
	if ((s = ds_sub_of(name)) != NULL)
		memset(s, 0, sizeof(*s));
	for (int i = 0; i < NR_DS_KEYS; i++) {
		struct data_entry *d = &ds_store[i];
		if ((d->flags & DSF_IN_USE) && type_of(d) != DSF_TYPE_LABEL &&
		    strcmp(d->owner, name) == 0) {
			ds_changed(d, false);
			ds_free(d);
		}
	}
}
