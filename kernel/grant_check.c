// SPDX-License-Identifier: BSD-2-Clause
/*
 * Checking one grant entry.  Returns OK with the address to copy for a
 * direct grant, GRANT_FOLLOW with the next hop for an indirect one,
 * GRANT_MAGIC with the process and address for a magic one (whether the
 * granter may make it is the caller's check), or -EPERM when the entry
 * does not allow the access.
 */
#include <axo/errno.h>
#include "grant_check.h"

static bool grantee_ok(endpoint_t who_to, endpoint_t grantee)
{
	return who_to == grantee || who_to == ANY;
}

/* Do [offset, offset + bytes) lie within a range of len at start? */
static bool range_ok(vir_bytes start, vir_bytes len, vir_bytes offset,
		     vir_bytes bytes)
{
	return offset + bytes >= offset && offset + bytes <= len &&
	       start + offset + bytes >= start;
}

int grant_check_entry(const cp_grant_t *g, cp_grant_id_t gid,
		      endpoint_t grantee, uint32_t access, vir_bytes offset,
		      vir_bytes bytes, struct grant_step *out)
{
	uint32_t f = g->flags;

	if ((f & (CPF_USED | CPF_VALID)) != (CPF_USED | CPF_VALID) ||
	    g->seq != (uint32_t)GRANT_SEQ(gid))
		return -EPERM;
	if ((f & access) != access || access == 0)
		return -EPERM;
	if (f & CPF_DIRECT) {
		if (!grantee_ok(g->direct.who_to, grantee) ||
		    !range_ok(g->direct.start, g->direct.len, offset, bytes))
			return -EPERM;
		out->addr = g->direct.start + offset;
		return OK;
	}
	if (f & CPF_MAGIC) {
		if (!grantee_ok(g->magic.who_to, grantee) ||
		    !range_ok(g->magic.start, g->magic.len, offset, bytes))
			return -EPERM;
		out->addr = g->magic.start + offset;
		out->next_granter = g->magic.who_from;
		return GRANT_MAGIC;
	}
	if (f & CPF_INDIRECT) {
		if (!grantee_ok(g->indirect.who_to, grantee))
			return -EPERM;
		out->next_granter = g->indirect.who_from;
		out->next_grant = g->indirect.grant;
		return GRANT_FOLLOW;
	}
	return -EPERM;
}
