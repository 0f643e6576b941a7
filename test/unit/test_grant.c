// SPDX-License-Identifier: BSD-2-Clause
/*
 * Host tests of kernel/grant_check.c: grant_check_entry() on one grant
 * entry.  A direct grant gives its grantee (or ANY) the address start +
 * offset for the access it allows and a range inside [0, len); an indirect
 * one names the next hop; anything else -- wrong grantee, entry not in use
 * or not valid, stale sequence number, access not granted, a range past
 * len or wrapping in 32 bits, no kind -- is -EPERM.
 */
// UNIT_SOURCES: kernel/grant_check.c
#include <axo/errno.h>

#include "grant_check.h"
#include "unit.h"

#define IDX   5
#define SEQ   7
#define GID   GRANT_ID(IDX, SEQ)
#define START 0x40010000u
#define LEN   0x100u
#define LIVE  (CPF_USED | CPF_VALID)

#define GRANTEE	       ENDPOINT(3, 10)
#define OTHER	       ENDPOINT(3, 11)
#define UPSTREAM       ENDPOINT(1, 20) /* granter of the underlying grant */
#define UPSTREAM_GRANT GRANT_ID(9, 3)

static cp_grant_t direct_grant(uint32_t flags, endpoint_t who_to,
			       vir_bytes start, vir_bytes len)
{
	cp_grant_t g = { .flags = flags, .seq = SEQ };

	g.direct.who_to = who_to;
	g.direct.start = start;
	g.direct.len = len;
	return g;
}

static cp_grant_t indirect_grant(uint32_t flags, endpoint_t who_to)
{
	cp_grant_t g = { .flags = flags, .seq = SEQ };

	g.indirect.who_to = who_to;
	g.indirect.who_from = UPSTREAM;
	g.indirect.grant = UPSTREAM_GRANT;
	return g;
}

/* Expect OK and the address start + offset. */
static void expect_direct_ok(const char *what, const cp_grant_t *g,
			     endpoint_t grantee, uint32_t access,
			     vir_bytes offset, vir_bytes bytes)
{
	struct grant_step step = { .addr = 0xdeadbeef };

	if (expect_eq_int(unit_fmt("%s: result", what), OK,
			  grant_check_entry(g, GID, grantee, access, offset,
					    bytes, &step)))
		expect_eq_u32(unit_fmt("%s: addr", what),
			      g->direct.start + offset, step.addr);
}

static void expect_denied_gid(const char *what, const cp_grant_t *g,
			      cp_grant_id_t gid, endpoint_t grantee,
			      uint32_t access, vir_bytes offset,
			      vir_bytes bytes)
{
	struct grant_step step;

	expect_eq_int(unit_fmt("%s: result", what), -EPERM,
		      grant_check_entry(g, gid, grantee, access, offset, bytes,
					&step));
}

static void expect_denied(const char *what, const cp_grant_t *g,
			  endpoint_t grantee, uint32_t access, vir_bytes offset,
			  vir_bytes bytes)
{
	expect_denied_gid(what, g, GID, grantee, access, offset, bytes);
}

static void grant_direct_read_allowed_for_its_grantee(void)
{
	cp_grant_t g =
		direct_grant(LIVE | CPF_DIRECT | CPF_READ, GRANTEE, START, LEN);

	expect_direct_ok("read 0x20 at 0x10", &g, GRANTEE, CPF_READ, 0x10,
			 0x20);
	expect_direct_ok("read all", &g, GRANTEE, CPF_READ, 0, LEN);
}

static void grant_direct_write_allowed_for_its_grantee(void)
{
	cp_grant_t g = direct_grant(LIVE | CPF_DIRECT | CPF_READ | CPF_WRITE,
				    GRANTEE, START, LEN);

	expect_direct_ok("write", &g, GRANTEE, CPF_WRITE, 0x30, 0x40);
	expect_direct_ok("read and write", &g, GRANTEE, CPF_READ | CPF_WRITE,
			 0x80, 0x10);
	g.flags = LIVE | CPF_DIRECT | CPF_WRITE;
	expect_direct_ok("write-only grant", &g, GRANTEE, CPF_WRITE, 0x30,
			 0x40);
}

static void grant_direct_to_any_allowed_for_every_grantee(void)
{
	const endpoint_t grantees[] = { GRANTEE, OTHER, UPSTREAM, SYSTEM };
	cp_grant_t g = direct_grant(LIVE | CPF_DIRECT | CPF_READ | CPF_WRITE,
				    ANY, START, LEN);

	for (size_t i = 0; i < UNIT_COUNT(grantees); i++) {
		expect_direct_ok(unit_fmt("read by %d", grantees[i]), &g,
				 grantees[i], CPF_READ, 0x10, 0x20);
		expect_direct_ok(unit_fmt("write by %d", grantees[i]), &g,
				 grantees[i], CPF_WRITE, 0x10, 0x20);
	}
}

static void grant_direct_wrong_grantee_denied(void)
{
	cp_grant_t g =
		direct_grant(LIVE | CPF_DIRECT | CPF_READ, GRANTEE, START, LEN);

	expect_denied("other endpoint", &g, OTHER, CPF_READ, 0, 0x10);
	expect_denied("same slot, other generation", &g, ENDPOINT(4, 10),
		      CPF_READ, 0, 0x10);
	expect_denied("grantee ANY", &g, ANY, CPF_READ, 0, 0x10);
}

static void grant_not_used_or_not_valid_denied(void)
{
	const uint32_t lives[] = { 0, CPF_USED, CPF_VALID };

	for (size_t i = 0; i < UNIT_COUNT(lives); i++) {
		cp_grant_t g = direct_grant(lives[i] | CPF_DIRECT | CPF_READ,
					    GRANTEE, START, LEN);

		expect_denied(unit_fmt("flags 0x%x", g.flags), &g, GRANTEE,
			      CPF_READ, 0, 0x10);
	}
}

static void grant_sequence_mismatch_denied(void)
{
	const int seqs[] = { 0, SEQ - 1, SEQ + 1, 0x7ff };
	cp_grant_t g =
		direct_grant(LIVE | CPF_DIRECT | CPF_READ, GRANTEE, START, LEN);

	for (size_t i = 0; i < UNIT_COUNT(seqs); i++)
		expect_denied_gid(
			unit_fmt("id seq %d, entry seq %d", seqs[i], SEQ), &g,
			GRANT_ID(IDX, seqs[i]), GRANTEE, CPF_READ, 0, 0x10);
	/* An entry seq beyond the id's 11 bits must not match by truncation. */
	g.seq = SEQ | 0x800;
	expect_denied("entry seq 0x807, id seq 7", &g, GRANTEE, CPF_READ, 0,
		      0x10);
}

static void grant_write_on_read_only_grant_denied(void)
{
	cp_grant_t g =
		direct_grant(LIVE | CPF_DIRECT | CPF_READ, GRANTEE, START, LEN);

	expect_denied("write", &g, GRANTEE, CPF_WRITE, 0, 0x10);
	expect_denied("read and write", &g, GRANTEE, CPF_READ | CPF_WRITE, 0,
		      0x10);
	g.flags = LIVE | CPF_DIRECT | CPF_WRITE;
	expect_denied("read on write-only", &g, GRANTEE, CPF_READ, 0, 0x10);
}

static void grant_zero_access_denied(void)
{
	cp_grant_t g = direct_grant(LIVE | CPF_DIRECT | CPF_READ | CPF_WRITE,
				    GRANTEE, START, LEN);

	expect_denied("access 0", &g, GRANTEE, 0, 0, 0x10);
}

static void grant_range_ending_at_len_allowed_one_past_denied(void)
{
	cp_grant_t g =
		direct_grant(LIVE | CPF_DIRECT | CPF_READ, GRANTEE, START, LEN);

	expect_direct_ok("offset 0x40 + 0xc0 = len", &g, GRANTEE, CPF_READ,
			 0x40, LEN - 0x40);
	expect_denied("offset 0x41 + 0xc0 = len + 1", &g, GRANTEE, CPF_READ,
		      0x41, LEN - 0x40);
	expect_denied("offset 0 + len + 1", &g, GRANTEE, CPF_READ, 0, LEN + 1);
	expect_denied("offset len + 1", &g, GRANTEE, CPF_READ, LEN + 1, 0);
}

/* offset + bytes = 0x1_0000_0010 wraps to 0x10, which is inside len. */
static void grant_offset_plus_bytes_overflow_denied(void)
{
	cp_grant_t g =
		direct_grant(LIVE | CPF_DIRECT | CPF_READ, GRANTEE, START, LEN);

	expect_denied("offset 0xfffffff0, bytes 0x20", &g, GRANTEE, CPF_READ,
		      0xfffffff0u, 0x20);
	expect_denied("offset 0x20, bytes 0xfffffff0", &g, GRANTEE, CPF_READ,
		      0x20, 0xfffffff0u);
}

/* start + offset + bytes past 4 GiB, with offset + bytes inside len. */
static void grant_range_wrapping_past_4gib_denied(void)
{
	cp_grant_t g = direct_grant(LIVE | CPF_DIRECT | CPF_READ, GRANTEE,
				    0xffffff00u, 0x1000);

	expect_direct_ok("below 4 GiB", &g, GRANTEE, CPF_READ, 0x80, 0x7f);
	expect_denied("start 0xffffff00 + 0x80 + 0x100", &g, GRANTEE, CPF_READ,
		      0x80, 0x100);
	expect_denied("start 0xffffff00 + 0x200 + 0x10", &g, GRANTEE, CPF_READ,
		      0x200, 0x10);
}

static void grant_indirect_returns_follow_with_next_hop(void)
{
	const endpoint_t who_tos[] = { GRANTEE, ANY };

	for (size_t i = 0; i < UNIT_COUNT(who_tos); i++) {
		cp_grant_t g = indirect_grant(LIVE | CPF_INDIRECT | CPF_READ,
					      who_tos[i]);
		struct grant_step step = { 0 };

		if (!expect_eq_int(unit_fmt("who_to %d: result", who_tos[i]),
				   GRANT_FOLLOW,
				   grant_check_entry(&g, GID, GRANTEE, CPF_READ,
						     0x10, 0x20, &step)))
			continue;
		expect_eq_int(unit_fmt("who_to %d: next_granter", who_tos[i]),
			      UPSTREAM, step.next_granter);
		expect_eq_int(unit_fmt("who_to %d: next_grant", who_tos[i]),
			      UPSTREAM_GRANT, step.next_grant);
	}
}

static void grant_indirect_wrong_grantee_denied(void)
{
	cp_grant_t g = indirect_grant(LIVE | CPF_INDIRECT | CPF_READ, GRANTEE);

	expect_denied("other endpoint", &g, OTHER, CPF_READ, 0, 0x10);
	expect_denied("upstream granter", &g, UPSTREAM, CPF_READ, 0, 0x10);
}

static void grant_neither_direct_nor_indirect_denied(void)
{
	cp_grant_t g =
		direct_grant(LIVE | CPF_READ | CPF_WRITE, GRANTEE, START, LEN);

	expect_denied("read", &g, GRANTEE, CPF_READ, 0, 0x10);
	expect_denied("write", &g, GRANTEE, CPF_WRITE, 0, 0x10);
}

static cp_grant_t magic_grant(uint32_t flags, endpoint_t who_to)
{
	cp_grant_t g = { .flags = flags, .seq = SEQ };

	g.magic.who_to = who_to;
	g.magic.who_from = UPSTREAM;
	g.magic.start = START;
	g.magic.len = LEN;
	return g;
}

static void grant_magic_returns_the_owner_and_address(void)
{
	cp_grant_t g = magic_grant(LIVE | CPF_MAGIC | CPF_READ, GRANTEE);
	struct grant_step step = { 0 };

	expect_eq_int("result", GRANT_MAGIC,
		      grant_check_entry(&g, GID, GRANTEE, CPF_READ, 0x10, 0x20,
					&step));
	expect_eq_u32("addr", START + 0x10, step.addr);
	expect_eq_int("owner", UPSTREAM, step.next_granter);
}

static void grant_magic_checks_grantee_range_and_access(void)
{
	cp_grant_t g = magic_grant(LIVE | CPF_MAGIC | CPF_READ, GRANTEE);

	expect_denied("other grantee", &g, OTHER, CPF_READ, 0, 0x10);
	expect_denied("one past the end", &g, GRANTEE, CPF_READ, 1, LEN);
	expect_denied("write on read-only", &g, GRANTEE, CPF_WRITE, 0, 1);
}

static const struct unit_test tests[] = {
	UNIT_TEST(grant_magic_returns_the_owner_and_address),
	UNIT_TEST(grant_magic_checks_grantee_range_and_access),
	UNIT_TEST(grant_direct_read_allowed_for_its_grantee),
	UNIT_TEST(grant_direct_write_allowed_for_its_grantee),
	UNIT_TEST(grant_direct_to_any_allowed_for_every_grantee),
	UNIT_TEST(grant_direct_wrong_grantee_denied),
	UNIT_TEST(grant_not_used_or_not_valid_denied),
	UNIT_TEST(grant_sequence_mismatch_denied),
	UNIT_TEST(grant_write_on_read_only_grant_denied),
	UNIT_TEST(grant_zero_access_denied),
	UNIT_TEST(grant_range_ending_at_len_allowed_one_past_denied),
	UNIT_TEST(grant_offset_plus_bytes_overflow_denied),
	UNIT_TEST(grant_range_wrapping_past_4gib_denied),
	UNIT_TEST(grant_indirect_returns_follow_with_next_hop),
	UNIT_TEST(grant_indirect_wrong_grantee_denied),
	UNIT_TEST(grant_neither_direct_nor_indirect_denied),
};

int main(void)
{
	return unit_run(tests, UNIT_COUNT(tests));
}
