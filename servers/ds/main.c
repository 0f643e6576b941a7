// SPDX-License-Identifier: BSD-2-Clause
/*
 * DS main loop and requests.  DS starts through SEF; its init records a
 * label for every boot module (owned by the root process), so boot
 * services can find each other.  Requests are dispatched through a table
 * and answered with the status in m_type.  Every request checks all its
 * input (key and value through the caller's grants) before it changes
 * anything.  Notifications sent to DS are ignored.
 */
#include "ds.h"

static endpoint_t root_endpoint = NONE;

typedef int (*ds_handler_t)(endpoint_t caller, message *m);

static int read_key(endpoint_t caller, const message *m, char *key)
{
	uint32_t len = m->ds.key_len;

	if (len < 2 || len > DS_MAX_KEYLEN)
		return -EINVAL;
	int r = sys_safecopyfrom(caller, m->ds.key_grant, 0, key, len);
	key[len - 1] = '\0';
	return r;
}

static uint32_t one_type(uint32_t flags)
{
	uint32_t t = flags & DSF_MASK_TYPE;

	return (t != 0 && (t & (t - 1)) == 0) ? t : 0;
}

/* Read a publish request's value into staging; nothing stored yet. */
static int read_value(endpoint_t caller, const message *m, uint32_t type,
		      struct data_entry *v)
{
	if (type == DSF_TYPE_U32 || type == DSF_TYPE_LABEL) {
		v->u32 = m->ds.value;
		return OK;
	}
	if (m->ds.val_len == 0 || m->ds.val_len > DS_MAX_VALUE)
		return m->ds.val_len == 0 ? -EINVAL : -E2BIG;
	if ((v->val = pool_alloc(m->ds.val_len)) == POOL_NONE)
		return -ENOMEM;
	v->len = m->ds.val_len;
	uint8_t *buf = pool_at(v->val);
	int r = sys_safecopyfrom(caller, m->ds.val_grant, 0, buf, v->len);
	if (r != OK) {
		pool_free(v->val, v->len);
		v->val = POOL_NONE;
		return r;
	}
	if (type == DSF_TYPE_STR)
		buf[v->len - 1] = '\0';
	return OK;
}

/*
 * Store a publish request's staged entry under the ownership and
 * overwrite rules; an overwritten value's bytes go back to the pool.
 */
static int store_staged(uint32_t flags, const char *label,
			struct data_entry *staged)
{
	uint32_t type = flags & DSF_MASK_TYPE;

	struct data_entry *d = ds_lookup(staged->key, type);
	if (d == NULL && type == DSF_TYPE_LABEL)
		d = ds_label_by_endpoint((endpoint_t)staged->u32);
	if (d != NULL && !(flags & DSF_OVERWRITE))
		return -EEXIST;
	if (d != NULL && (d->flags & DSF_PRIV_OVERWRITE) &&
	    strcmp(d->owner, label) != 0)
		return -EPERM;
	if (d == NULL && (d = ds_alloc()) == NULL)
		return -ENOMEM;
	pool_free(d->val, d->len);
	staged->flags = DSF_IN_USE | type | (flags & DSF_MASK_PRIV);
	strlcpy(staged->owner, label, sizeof(staged->owner));
	*d = *staged;
	ds_changed(d, true);
	return OK;
}

static int do_publish(endpoint_t caller, message *m)
{
	static struct data_entry staged;
	const char *label = ds_label_of(caller);
	uint32_t type = one_type(m->ds.flags);
	int r;

	if (label == NULL ||
	    (type == DSF_TYPE_LABEL && caller != root_endpoint))
		return -EPERM;
	if (type == 0)
		return -EINVAL;
	memset(&staged, 0, sizeof(staged));
	staged.val = POOL_NONE;
	if ((r = read_key(caller, m, staged.key)) != OK ||
	    (r = read_value(caller, m, type, &staged)) != OK)
		return r;
	if ((r = store_staged(m->ds.flags, label, &staged)) != OK)
		pool_free(staged.val, staged.len); /* nothing stored */
	return r;
}

/* The entry a RETRIEVE or DELETE names: key through its grant, one type. */
static int find_entry(endpoint_t caller, const message *m,
		      struct data_entry **dp)
{
	char key[DS_MAX_KEYLEN];
	uint32_t type = one_type(m->ds.flags);
	int r;

	if (type == 0)
		return -EINVAL;
	if ((r = read_key(caller, m, key)) != OK)
		return r;
	*dp = ds_lookup(key, type);
	return *dp != NULL ? OK : -ESRCH;
}

static int do_retrieve(endpoint_t caller, message *m)
{
	struct data_entry *d;
	int r;

	if ((r = find_entry(caller, m, &d)) != OK)
		return r;
	uint32_t type = d->flags & DSF_MASK_TYPE;
	const char *label = ds_label_of(caller);
	if ((d->flags & DSF_PRIV_RETRIEVE) &&
	    (label == NULL || strcmp(label, d->owner) != 0))
		return -EPERM;
	if (type == DSF_TYPE_U32 || type == DSF_TYPE_LABEL) {
		m->ds.value = d->u32;
		return OK;
	}
	uint32_t n = d->len < m->ds.val_len ? d->len : m->ds.val_len;
	r = sys_safecopyto(caller, m->ds.val_grant, 0, pool_at(d->val), n);
	if (r != OK)
		return r;
	m->ds.val_len = n;
	return OK;
}

static int do_delete(endpoint_t caller, message *m)
{
	const char *label = ds_label_of(caller);
	struct data_entry *d;
	int r;

	if ((r = find_entry(caller, m, &d)) != OK)
		return r;
	uint32_t type = d->flags & DSF_MASK_TYPE;
	if (label == NULL || strcmp(label, d->owner) != 0)
		return -EPERM;
	if (type == DSF_TYPE_LABEL)
		ds_delete_owned_by(d->key);
	ds_changed(d, false);
	ds_free(d);
	return OK;
}

static int do_subscribe(endpoint_t caller, message *m)
{
	char pattern[DS_MAX_KEYLEN];
	const char *label = ds_label_of(caller);
	int r;

	if (label == NULL)
		return -EPERM;
	if ((r = read_key(caller, m, pattern)) != OK)
		return r;
	if (!pattern_valid(pattern))
		return -EINVAL;
	struct subscription *s = ds_sub_of(label);
	if (s != NULL && !(m->ds.flags & DSF_OVERWRITE))
		return -EEXIST;
	for (int i = 0; s == NULL && i < NR_DS_SUBS; i++)
		if (!ds_subs[i].used)
			s = &ds_subs[i];
	if (s == NULL)
		return -ENOMEM;
	memset(s, 0, sizeof(*s));
	s->used = true;
	strlcpy(s->owner, label, sizeof(s->owner));
	strlcpy(s->pattern, pattern, sizeof(s->pattern));
	s->type_mask = m->ds.flags & DSF_MASK_TYPE;
	if (m->ds.flags & DSF_INITIAL)
		ds_mark_initial(s);
	return OK;
}

static int do_check(endpoint_t caller, message *m)
{
	const char *label = ds_label_of(caller);
	struct subscription *s = label ? ds_sub_of(label) : NULL;

	if (s == NULL)
		return -ESRCH;
	for (int i = 0; i < NR_DS_KEYS; i++) {
		if (!(s->changed[i / 8] & (1u << (i % 8))))
			continue;
		struct data_entry *d = &ds_store[i];
		uint32_t len = (uint32_t)strlen(d->key) + 1;
		if (m->ds.key_len < len)
			return -EINVAL;
		int r = sys_safecopyto(caller, m->ds.key_grant, 0, d->key, len);
		if (r != OK)
			return r;
		s->changed[i / 8] &= (uint8_t) ~(1u << (i % 8));
		m->ds.flags = d->flags & DSF_MASK_TYPE;
		m->ds.value = (uint32_t)ds_endpoint_of(d->owner);
		return OK;
	}
	return -ENOENT;
}

static int do_retrieve_label(endpoint_t caller, message *m)
{
	struct data_entry *d = ds_label_by_endpoint((endpoint_t)m->ds.value);

	if (d == NULL)
		return -ESRCH;
	uint32_t len = (uint32_t)strlen(d->key) + 1;
	if (m->ds.key_len < len)
		return -EINVAL;
	return sys_safecopyto(caller, m->ds.key_grant, 0, d->key, len);
}

static const ds_handler_t handlers[] = {
	[DS_PUBLISH - DS_RQ_BASE] = do_publish,
	[DS_RETRIEVE - DS_RQ_BASE] = do_retrieve,
	[DS_SUBSCRIBE - DS_RQ_BASE] = do_subscribe,
	[DS_CHECK - DS_RQ_BASE] = do_check,
	[DS_DELETE - DS_RQ_BASE] = do_delete,
	[DS_RETRIEVE_LABEL - DS_RQ_BASE] = do_retrieve_label,
};
#define NR_HANDLERS (sizeof(handlers) / sizeof(handlers[0]))

/* Fresh start: a label for every boot module, owned by the root. */
static int init_fresh(int type, const struct sef_init_info *info)
{
	static struct boot_image_entry image[BOOT_IMAGE_MAX];
	const char *root_name = NULL;
	int n = sys_boot_image(image);

	(void)type;
	(void)info;
	if (n < 0)
		return n;
	for (int i = 0; i < n; i++)
		if (image[i].flags & BOOT_ROOT) {
			root_endpoint = image[i].endpoint;
			root_name = image[i].name;
		}
	for (int i = 0; i < n && root_name != NULL; i++) {
		if (image[i].flags & BOOT_FILE)
			continue; /* a program for exec, not a process */
		struct data_entry *d = ds_alloc();
		if (d == NULL)
			return -ENOMEM;
		d->flags = DSF_IN_USE | DSF_TYPE_LABEL;
		strlcpy(d->key, image[i].name, sizeof(d->key));
		strlcpy(d->owner, root_name, sizeof(d->owner));
		d->u32 = (uint32_t)image[i].endpoint;
	}
	return root_name != NULL ? OK : -EGENERIC;
}

int main(void);
int main(void)
{
	message m;
	uint32_t status;

	sef_setcb_init_fresh(init_fresh);
	sef_setcb_init_restart(sef_cb_init_restart_stateful);
	sef_startup();
	for (;;) {
		if (sef_receive_status(ANY, &m, &status) != OK ||
		    is_ipc_notify(status))
			continue;
		uint32_t nr = (uint32_t)m.m_type - DS_RQ_BASE;
		endpoint_t caller = m.m_source;
		int r = nr < NR_HANDLERS && handlers[nr] != NULL ?
				handlers[nr](caller, &m) :
				-EBADREQUEST;
		m.m_type = r;
		ipc_sendnb(caller, &m);
	}
}
