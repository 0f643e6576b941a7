// SPDX-License-Identifier: BSD-2-Clause
/*
 * Safecopy grants, the granter's side.  The grant table lives in this
 * process and is registered with the kernel on first use (and again with
 * cpf_reload() when the process may have been swapped into another slot,
 * e.g. after a live update).  A revoked entry's sequence number moves on,
 * so its old grant id stays invalid even when the slot is reused.
 *
 * Entry 0 is kept for the state-transfer grant SEF makes at init: a read
 * grant of the whole address space to the process's own endpoint, which
 * only a successor holding that endpoint can use.
 */
#include "syslib.h"

#define NR_GRANTS	128
#define GRANT_SEQ_LIMIT 0x800

static cp_grant_t grants[NR_GRANTS];
static endpoint_t registered_as = NONE; /* a fork copies this: compare */

int cpf_reload(void)
{
	int r = sys_setgrant(grants, NR_GRANTS);

	registered_as = r == OK ? sys_self() : NONE;
	return r;
}

static int ensure_registered(void)
{
	return registered_as == sys_self() ? OK : cpf_reload();
}

/* A free slot at or above first, marked used; -ENOSPC when none. */
static int alloc_slot(int first)
{
	for (int i = first; i < NR_GRANTS; i++)
		if (!(grants[i].flags & CPF_USED))
			return i;
	return -ENOSPC;
}

static cp_grant_id_t publish(int i, uint32_t flags)
{
	grants[i].flags = flags | CPF_USED | CPF_VALID;
	return GRANT_ID(i, grants[i].seq);
}

static cp_grant_id_t grant_direct_at(int first, endpoint_t who_to,
				     vir_bytes addr, size_t bytes, int access)
{
	if ((access & ~(CPF_READ | CPF_WRITE | CPF_TRY)) != 0 ||
	    !(access & (CPF_READ | CPF_WRITE)) || ensure_registered() != OK)
		return GRANT_INVALID;
	int i = alloc_slot(first);
	if (i < 0)
		return GRANT_INVALID;
	grants[i].direct.who_to = who_to;
	grants[i].direct.start = addr;
	grants[i].direct.len = bytes;
	return publish(i, CPF_DIRECT | (uint32_t)access);
}

cp_grant_id_t cpf_grant_direct(endpoint_t who_to, vir_bytes addr, size_t bytes,
			       int access)
{
	return grant_direct_at(1, who_to, addr, bytes, access);
}

cp_grant_id_t cpf_grant_indirect(endpoint_t who_to, endpoint_t who_from,
				 cp_grant_id_t gr)
{
	if (ensure_registered() != OK)
		return GRANT_INVALID;
	int i = alloc_slot(1);
	if (i < 0)
		return GRANT_INVALID;
	grants[i].indirect.who_to = who_to;
	grants[i].indirect.who_from = who_from;
	grants[i].indirect.grant = gr;
	return publish(i, CPF_INDIRECT | CPF_READ | CPF_WRITE);
}

cp_grant_id_t cpf_grant_magic(endpoint_t who_to, endpoint_t who_from,
			      vir_bytes addr, size_t bytes, int access)
{
	if ((access & ~(CPF_READ | CPF_WRITE | CPF_TRY)) != 0 ||
	    !(access & (CPF_READ | CPF_WRITE)) || ensure_registered() != OK)
		return GRANT_INVALID;
	int i = alloc_slot(1);
	if (i < 0)
		return GRANT_INVALID;
	grants[i].magic.who_to = who_to;
	grants[i].magic.who_from = who_from;
	grants[i].magic.start = addr;
	grants[i].magic.len = bytes;
	return publish(i, CPF_MAGIC | (uint32_t)access);
}

int cpf_revoke(cp_grant_id_t g)
{
	int i = GRANT_IDX(g);

	if (g < 0 || i >= NR_GRANTS || !(grants[i].flags & CPF_USED) ||
	    grants[i].seq != (uint32_t)GRANT_SEQ(g))
		return -EINVAL;
	grants[i].flags = 0;
	grants[i].seq = (grants[i].seq + 1) % GRANT_SEQ_LIMIT;
	return OK;
}

/* The state-transfer grant: all of memory, readable by our own endpoint. */
cp_grant_id_t cpf_grant_state_transfer(endpoint_t self)
{
	if (grants[0].flags & CPF_USED)
		cpf_revoke(GRANT_ID(0, grants[0].seq));
	if (ensure_registered() != OK)
		return GRANT_INVALID;
	grants[0].direct.who_to = self;
	grants[0].direct.start = 0;
	grants[0].direct.len = 0xffffffffu;
	return publish(0, CPF_DIRECT | CPF_READ);
}
