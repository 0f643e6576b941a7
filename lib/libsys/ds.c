// SPDX-License-Identifier: BSD-2-Clause
/*
 * Data Store client: each call grants DS access to the key (and value)
 * for the duration of one sendrec, then revokes the grants.
 */
#include "syslib.h"
#include "ds.h"

endpoint_t ds_endpoint(void)
{
	static endpoint_t ds = NONE;

	if (ds == NONE)
		ds = boot_endpoint("ds");
	return ds;
}

/*
 * One request: key (read, or written back when key_out), an optional
 * value buffer (access vaccess), and the message with type and flags.
 */
static int ds_call(int type, char *key, size_t key_len, bool key_out, void *val,
		   size_t val_len, int vaccess, message *m)
{
	endpoint_t ds = ds_endpoint();
	cp_grant_id_t kg = GRANT_INVALID, vg = GRANT_INVALID;
	int r = -ENOMEM;

	if (ds == NONE)
		return -ESRCH;
	if (key_len > DS_MAX_KEYLEN)
		return -EINVAL;
	if (key != NULL) {
		kg = cpf_grant_direct(ds, (vir_bytes)key, key_len,
				      key_out ? CPF_WRITE : CPF_READ);
		if (kg == GRANT_INVALID)
			goto out;
	}
	if (val != NULL) {
		vg = cpf_grant_direct(ds, (vir_bytes)val, val_len, vaccess);
		if (vg == GRANT_INVALID)
			goto out;
	}
	m->m_type = type;
	m->ds.key_grant = kg;
	m->ds.key_len = (uint32_t)key_len;
	m->ds.val_grant = vg;
	m->ds.val_len = (uint32_t)val_len;
	r = ipc_sendrec(ds, m);
	if (r == OK)
		r = m->m_type;
out:
	if (kg != GRANT_INVALID)
		cpf_revoke(kg);
	if (vg != GRANT_INVALID)
		cpf_revoke(vg);
	return r;
}

static int key_call(int type, const char *key, int flags, message *m)
{
	m->ds.flags = (uint32_t)flags;
	return ds_call(type, (char *)key, strlen(key) + 1, false, NULL, 0, 0,
		       m);
}

int ds_publish_u32(const char *key, uint32_t value, int flags)
{
	message m = { .ds.value = value };

	return key_call(DS_PUBLISH, key, flags | DSF_TYPE_U32, &m);
}

int ds_publish_label(const char *label, endpoint_t e, int flags)
{
	message m = { .ds.value = (uint32_t)e };

	return key_call(DS_PUBLISH, label, flags | DSF_TYPE_LABEL, &m);
}

static int publish_buf(const char *key, const void *buf, size_t len, int flags)
{
	message m = { .ds.flags = (uint32_t)flags };

	return ds_call(DS_PUBLISH, (char *)key, strlen(key) + 1, false,
		       (void *)buf, len, CPF_READ, &m);
}

int ds_publish_str(const char *key, const char *value, int flags)
{
	return publish_buf(key, value, strlen(value) + 1, flags | DSF_TYPE_STR);
}

int ds_publish_mem(const char *key, const void *buf, size_t len, int flags)
{
	return publish_buf(key, buf, len, flags | DSF_TYPE_MEM);
}

static int retrieve_word(const char *key, int type, uint32_t *value)
{
	message m = { 0 };
	int r = key_call(DS_RETRIEVE, key, type, &m);

	if (r == OK)
		*value = m.ds.value;
	return r;
}

int ds_retrieve_u32(const char *key, uint32_t *value)
{
	return retrieve_word(key, DSF_TYPE_U32, value);
}

int ds_retrieve_label_endpt(const char *label, endpoint_t *e)
{
	return retrieve_word(label, DSF_TYPE_LABEL, (uint32_t *)e);
}

static int retrieve_buf(const char *key, int type, void *buf, size_t *len)
{
	message m = { .ds.flags = (uint32_t)type };
	int r = ds_call(DS_RETRIEVE, (char *)key, strlen(key) + 1, false, buf,
			*len, CPF_WRITE, &m);

	if (r == OK)
		*len = m.ds.val_len;
	return r;
}

/* A longer string is cut to fit, always NUL-terminated. */
int ds_retrieve_str(const char *key, char *buf, size_t len)
{
	size_t n = len;
	int r = len > 0 ? retrieve_buf(key, DSF_TYPE_STR, buf, &n) : -EINVAL;

	if (r == OK)
		buf[n < len ? n : len - 1] = '\0';
	return r;
}

int ds_retrieve_mem(const char *key, void *buf, size_t *len)
{
	return retrieve_buf(key, DSF_TYPE_MEM, buf, len);
}

int ds_retrieve_label_name(char *label, size_t len, endpoint_t e)
{
	message m = { .ds.value = (uint32_t)e };

	return ds_call(DS_RETRIEVE_LABEL, label, len, true, NULL, 0, 0, &m);
}

static int delete (const char *key, int type)
{
	message m = { 0 };

	return key_call(DS_DELETE, key, type, &m);
}

int ds_delete_u32(const char *key)
{
	return delete (key, DSF_TYPE_U32);
}
int ds_delete_str(const char *key)
{
	return delete (key, DSF_TYPE_STR);
}
int ds_delete_mem(const char *key)
{
	return delete (key, DSF_TYPE_MEM);
}
int ds_delete_label(const char *label)
{
	return delete (label, DSF_TYPE_LABEL);
}

int ds_subscribe(const char *pattern, int flags)
{
	message m = { 0 };

	return key_call(DS_SUBSCRIBE, pattern, flags, &m);
}

int ds_check(char *key, size_t len, int *type, endpoint_t *owner)
{
	message m = { 0 };
	int r = ds_call(DS_CHECK, key, len, true, NULL, 0, 0, &m);

	if (r == OK) {
		*type = (int)m.ds.flags;
		*owner = (endpoint_t)m.ds.value;
	}
	return r;
}
