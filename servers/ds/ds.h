/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * DS, the data store: a small key-value store with owners and
 * subscriptions.  store.c keeps the entries and subscriptions, pool.c the
 * bytes of string and memory values, match.c the pattern matcher, main.c
 * the request loop.
 */
#ifndef DS_DS_H
#define DS_DS_H

#include <syslib.h>
#include <sef.h>
#include "match.h"
#include "pool.h"

#define NR_DS_KEYS   128
#define NR_DS_SUBS   64
#define DS_LABEL_MAX PROC_NAME_LEN

struct data_entry {
	uint32_t flags; /* DSF_IN_USE, one type, DSF_PRIV_* */
	char key[DS_MAX_KEYLEN];
	char owner[DS_LABEL_MAX];
	uint32_t u32; /* u32 value, or a label's endpoint */
	uint32_t len; /* string and memory values: bytes */
	int32_t val;  /* ... at this pool offset (pool.h), or POOL_NONE */
};

struct subscription {
	bool used;
	char owner[DS_LABEL_MAX];
	char pattern[DS_MAX_KEYLEN];
	uint32_t type_mask; /* 0: every type */
	uint8_t changed[NR_DS_KEYS / 8];
};

extern struct data_entry ds_store[NR_DS_KEYS];
extern struct subscription ds_subs[NR_DS_SUBS];

/* store.c */
struct data_entry *ds_lookup(const char *key, uint32_t type);
struct data_entry *ds_label_by_endpoint(endpoint_t e);
struct data_entry *ds_alloc(void);
void ds_free(struct data_entry *d);
const char *ds_label_of(endpoint_t e);
endpoint_t ds_endpoint_of(const char *label);
struct subscription *ds_sub_of(const char *owner);
void ds_changed(struct data_entry *d, bool present);
void ds_mark_initial(struct subscription *s);
void ds_delete_owned_by(const char *label);

#endif
