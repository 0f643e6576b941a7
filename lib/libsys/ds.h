/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The Data Store client.  Every call returns OK or -E*.  Keys are at most
 * DS_MAX_KEYLEN-1 characters; string and memory values at most
 * DS_MAX_VALUE bytes.  flags: DSF_OVERWRITE, DSF_PRIV_* (publish),
 * DSF_INITIAL and a DSF_TYPE_* mask (subscribe).
 */
#ifndef LIBSYS_DS_H
#define LIBSYS_DS_H

#include <axo/ipc.h>

int ds_publish_u32(const char *key, uint32_t value, int flags);
int ds_publish_str(const char *key, const char *value, int flags);
int ds_publish_mem(const char *key, const void *buf, size_t len, int flags);
int ds_publish_label(const char *label, endpoint_t e, int flags);

int ds_retrieve_u32(const char *key, uint32_t *value);
int ds_retrieve_str(const char *key, char *buf, size_t len);
int ds_retrieve_mem(const char *key, void *buf, size_t *len);
int ds_retrieve_label_endpt(const char *label, endpoint_t *e);
int ds_retrieve_label_name(char *label, size_t len, endpoint_t e);

int ds_delete_u32(const char *key);
int ds_delete_str(const char *key);
int ds_delete_mem(const char *key);
int ds_delete_label(const char *label);

/* Be notified when entries matching pattern (a small regex) change. */
int ds_subscribe(const char *pattern, int flags);
/* The next changed entry: its key, type and owner; -ENOENT when none. */
int ds_check(char *key, size_t len, int *type, endpoint_t *owner);

/* DS's endpoint, from the boot image (NONE if there is no DS). */
endpoint_t ds_endpoint(void);

#endif
