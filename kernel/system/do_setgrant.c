// SPDX-License-Identifier: BSD-2-Clause
/*
 * sys_setgrant: register the caller's grant table (in its own memory).
 * The table is recorded together with the endpoint that registered it,
 * which the grant check uses to spot a table left behind by a live update.
 */
#include "../kernel.h"
#include <axo/grant.h>

#define MAX_GRANT_ENTRIES (1 << GRANT_IDX_BITS)

int do_setgrant(struct proc *caller, message *m)
{
	struct sys_setgrant_msg *g = &m->sys_setgrant;
	struct priv *pr = caller->priv;

	if (pr == user_priv)
		return -EPERM;
	if (g->entries < 0 || g->entries > MAX_GRANT_ENTRIES)
		return -EINVAL;
	if (g->entries > 0 &&
	    umem_check(caller, g->addr, (size_t)g->entries * sizeof(cp_grant_t),
		       false) != OK)
		return -EFAULT;
	pr->grant_table = g->entries > 0 ? g->addr : 0;
	pr->grant_entries = g->entries;
	pr->grant_endpoint = caller->endpoint;
	return OK;
}
