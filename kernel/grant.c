// SPDX-License-Identifier: BSD-2-Clause
/*
 * Grant verification: read grant entries from the granters' memory and
 * follow indirect grants (at most GRANT_MAX_DEPTH hops) to the process
 * whose memory is finally copied.  A magic grant is honoured only when
 * its granter holds SYS_VIRCOPY (it could copy that memory anyway).
 *
 * Live-update guard: after sys_update the new instance holds the endpoint
 * but the table registered is still the old one's until it re-registers.
 * During that window only the endpoint that registered the table may use
 * it; everyone else gets -ENOTREADY and libsys retries.
 */
#include "kernel.h"
#include "grant.h"

static int read_entry(struct proc *granter, cp_grant_id_t gid,
		      endpoint_t grantee, cp_grant_t *g)
{
	struct priv *pr = granter->priv;

	if (pr == NULL || pr == user_priv || pr->grant_table == 0)
		return -EPERM;
	if (pr->grant_endpoint != granter->endpoint &&
	    grantee != pr->grant_endpoint)
		return -ENOTREADY;
	if (gid < 0 || GRANT_IDX(gid) >= pr->grant_entries)
		return -EPERM;
	vir_bytes at = pr->grant_table + (vir_bytes)GRANT_IDX(gid) * sizeof(*g);
	if (umem_read(granter, at, g, sizeof(*g)) != OK)
		return -EPERM;
	return OK;
}

/* The process and address a magic grant of granter names. */
static int magic_target(struct proc *granter, const struct grant_step *step,
			struct proc **owner, vir_bytes *addr)
{
	int bit = SYS_VIRCOPY - KERNEL_CALL;

	if (!priv_mask_test(granter->priv->k_call_mask, bit))
		return -EPERM;
	if (endpoint_lookup(step->next_granter, owner) != OK)
		return -EPERM;
	*addr = step->addr;
	return OK;
}

int grant_verify(endpoint_t granter_e, endpoint_t grantee, cp_grant_id_t gid,
		 vir_bytes offset, vir_bytes bytes, uint32_t access,
		 struct proc **owner, vir_bytes *addr)
{
	struct proc *granter;
	struct grant_step step;
	cp_grant_t g;
	int r;

	for (int depth = 0; depth <= GRANT_MAX_DEPTH; depth++) {
		if ((r = endpoint_lookup(granter_e, &granter)) != OK)
			return r;
		if ((r = read_entry(granter, gid, grantee, &g)) != OK)
			return r;
		r = grant_check_entry(&g, gid, grantee, access, offset, bytes,
				      &step);
		if (r == OK) {
			*owner = granter;
			*addr = step.addr;
			return OK;
		}
		if (r == GRANT_MAGIC)
			return magic_target(granter, &step, owner, addr);
		if (r != GRANT_FOLLOW)
			return r;
		grantee = granter->endpoint;
		granter_e = step.next_granter;
		gid = step.next_grant;
	}
	return -ELOOP;
}
