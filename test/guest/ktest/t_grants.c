// SPDX-License-Identifier: BSD-2-Clause
/*
 * The libsys grant API (cpf_*): a child makes grants in its own table and
 * ktest copies through them.  The kernel-side checks have their own tests
 * in t_memory.c; these check the library's bookkeeping: registration in a
 * forked child, revocation, sequence numbers, invalid arguments; and
 * magic grants, which cover a third process's memory.
 */
#include "ktest.h"

#define PATTERN 0x5a

static uint8_t shared_buf[32];

/* Leave a revoked id and a live one in child_values, then wait. */
static int grant_revoke_regrant(uint32_t unused)
{
	(void)unused;
	memset(shared_buf, PATTERN, sizeof(shared_buf));
	cp_grant_id_t first = cpf_grant_direct(ktest_ep, (vir_bytes)shared_buf,
					       sizeof(shared_buf), CPF_READ);
	child_values[0] = first;
	child_values[1] = cpf_revoke(first);
	child_values[2] = cpf_grant_direct(ktest_ep, (vir_bytes)shared_buf,
					   sizeof(shared_buf), CPF_READ);
	child_values[3] = cpf_revoke(first); /* twice: EINVAL */
	child_values[4] = cpf_grant_direct(ktest_ep, 0, 4, 0); /* no access */
	child_values[5] = cpf_grant_direct(ktest_ep, 0, 4, 0x100);
	return OK;
}

static void cpf_revoked_grant_id_stays_invalid_after_its_slot_is_reused(void)
{
	struct spawn_opts o = sys_opts(NULL, false);
	struct child_run run;
	uint8_t buf[sizeof(shared_buf)];

	run_child(grant_revoke_regrant, 0, &o, &run);
	cp_grant_id_t first = run.values[0], second = run.values[2];
	expect_true(first >= 0);
	expect_eq(OK, run.values[1]);
	expect_eq(GRANT_IDX(first), GRANT_IDX(second)); /* same slot ... */
	expect_ne(first, second);			/* ... new id */
	expect_eq(-EINVAL, run.values[3]);
	expect_eq(GRANT_INVALID, run.values[4]);
	expect_eq(GRANT_INVALID, run.values[5]);
	expect_eq(-EPERM, sys_safecopyfrom(run.ep, first, 0, buf, sizeof(buf)));
	memset(buf, 0, sizeof(buf));
	expect_eq(OK, sys_safecopyfrom(run.ep, second, 0, buf, sizeof(buf)));
	expect_eq(PATTERN, buf[0]);
	expect_eq(PATTERN, buf[sizeof(buf) - 1]);
	expect_eq(-EPERM,
		  sys_safecopyto(run.ep, second, 0, buf, 1)); /* read only */
}

/* A child forked from ktest must register its own table, not trust ktest's. */
static int grant_after_fork(uint32_t unused)
{
	(void)unused;
	shared_buf[0] = PATTERN;
	return cpf_grant_direct(ktest_ep, (vir_bytes)shared_buf, 1,
				CPF_READ | CPF_WRITE);
}

static void cpf_forked_child_registers_its_own_table(void)
{
	endpoint_t e;
	uint8_t byte = 0, one = 1;
	int g = GRANT_INVALID;

	/* ktest registers first, so the child inherits a stale "registered". */
	cp_grant_id_t mine = cpf_grant_direct((endpoint_t)1 /* kecho */,
					      (vir_bytes)&byte, 1, CPF_READ);
	expect_true(mine >= 0);
	expect_eq(OK, spawn_sys(grant_after_fork, 0, &e));
	expect_eq(OK, child_wait(e, &g));
	expect_true(g >= 0);
	expect_eq(OK, sys_safecopyfrom(e, g, 0, &byte, 1));
	expect_eq(PATTERN, byte);
	expect_eq(OK, sys_safecopyto(e, g, 0, &one, 1));
	expect_eq(OK, cpf_revoke(mine));
}

#define MAGIC_PATTERN 0xa5

/* Fill shared_buf with MAGIC_PATTERN, then wait to be read. */
static int fill_and_wait(uint32_t unused)
{
	(void)unused;
	memset(shared_buf, MAGIC_PATTERN, sizeof(shared_buf));
	return OK;
}

/* A magic grant made by ktest (it holds SYS_VIRCOPY) reads the owner. */
static void cpf_magic_grant_copies_the_owners_memory_not_the_granters(void)
{
	struct spawn_opts o = sys_opts(NULL, false);
	struct child_run run;
	uint8_t buf[sizeof(shared_buf)];

	memset(shared_buf, 0, sizeof(shared_buf)); /* ktest's own copy */
	run_child(fill_and_wait, 0, &o, &run);	   /* the child's, filled */
	cp_grant_id_t g =
		cpf_grant_magic(ktest_ep, run.ep, (vir_bytes)shared_buf,
				sizeof(shared_buf), CPF_READ | CPF_WRITE);
	expect_true(g >= 0);
	memset(buf, 0, sizeof(buf));
	expect_eq(OK, sys_safecopyfrom(ktest_ep, g, 0, buf, sizeof(buf)));
	expect_eq(MAGIC_PATTERN, buf[0]);
	expect_eq(MAGIC_PATTERN, buf[sizeof(buf) - 1]);
	expect_eq(0, shared_buf[0]);
	expect_eq(-EPERM, sys_safecopyfrom(ktest_ep, g, 1, buf, sizeof(buf)));
	expect_eq(OK, cpf_revoke(g));
	expect_eq(-EPERM, sys_safecopyfrom(ktest_ep, g, 0, buf, 1));
}

/* A granter without SYS_VIRCOPY makes a magic grant on ktest's memory. */
static int forge_magic(uint32_t unused)
{
	(void)unused;
	return cpf_grant_magic(ktest_ep, ktest_ep, (vir_bytes)shared_buf,
			       sizeof(shared_buf), CPF_READ);
}

static void cpf_magic_grant_of_a_granter_without_vircopy_is_refused(void)
{
	struct priv_spec spec = default_sys_spec();
	priv_mask_clear(spec.k_call_mask, SYS_VIRCOPY - KERNEL_CALL);
	struct spawn_opts o = sys_opts(&spec, false);
	endpoint_t e;
	int g = GRANT_INVALID;
	uint8_t byte;

	expect_eq(OK, spawn(forge_magic, 0, &o, &e));
	expect_eq(OK, child_wait(e, &g));
	expect_true(g >= 0); /* the library makes it; the kernel refuses it */
	expect_eq(-EPERM, sys_safecopyfrom(e, g, 0, &byte, 1));
}

const struct test_case grant_tests[] = {
	{ "cpf_magic_grant_copies_the_owners_memory_not_the_granters",
	  cpf_magic_grant_copies_the_owners_memory_not_the_granters },
	{ "cpf_magic_grant_of_a_granter_without_vircopy_is_refused",
	  cpf_magic_grant_of_a_granter_without_vircopy_is_refused },
	{ "cpf_revoked_grant_id_stays_invalid_after_its_slot_is_reused",
	  cpf_revoked_grant_id_stays_invalid_after_its_slot_is_reused },
	{ "cpf_forked_child_registers_its_own_table",
	  cpf_forked_child_registers_its_own_table },
	{ NULL, NULL },
};
