// SPDX-License-Identifier: BSD-2-Clause
// UNIT_SOURCES: servers/vfs/pathname.c servers/vfs/bits.c servers/vfs/ring.c
/*
 * The pure parts of VFS: path components, trailing slashes, permission
 * bits, descriptor slot allocation, select bitmaps and the pipe ring
 * buffer (spans across the wrap, full and empty).
 */
#include "unit.h"
#include <string.h>
#include "../../servers/vfs/pathname.h"
#include "../../servers/vfs/ring.h"
#include <axo/errno.h>

static void path_next_splits_components_and_skips_slashes(void)
{
	char comp[PATH_COMP_MAX + 1];
	const char *p = "//usr///bin/sh";

	expect_eq_int("first length", 3, path_next(&p, comp));
	expect_str_eq("first", "usr", comp);
	expect_false("not at end after usr", path_at_end(p));
	expect_eq_int("second length", 3, path_next(&p, comp));
	expect_str_eq("second", "bin", comp);
	expect_eq_int("third length", 2, path_next(&p, comp));
	expect_str_eq("third", "sh", comp);
	expect_true("at end after sh", path_at_end(p));
	expect_eq_int("no more", 0, path_next(&p, comp));
}

static void path_next_rejects_a_component_over_name_max(void)
{
	char comp[PATH_COMP_MAX + 1];
	char path[PATH_COMP_MAX + 3];
	const char *p = path;

	memset(path, 'a', sizeof(path) - 1);
	path[sizeof(path) - 1] = '\0';
	expect_eq_int("too long", -ENAMETOOLONG, path_next(&p, comp));
	path[PATH_COMP_MAX] = '\0';
	p = path;
	expect_eq_int("exactly the maximum", PATH_COMP_MAX,
		      path_next(&p, comp));
}

static void trailing_slash_needs_a_component_before_it(void)
{
	expect_true("a/", path_trailing_slash("a/"));
	expect_true("/x/y//", path_trailing_slash("/x/y//"));
	expect_false("/", path_trailing_slash("/"));
	expect_false("a/b", path_trailing_slash("a/b"));
	expect_true("slashes only are at end", path_at_end("///"));
}

static void permissions_follow_owner_group_other_and_root(void)
{
	expect_true("owner reads 0600", perm_permits(0100600, 5, 5, 5, 9, 4));
	expect_false("other cannot read 0600",
		     perm_permits(0100600, 5, 5, 6, 9, PERM_R));
	expect_true("group reads 0640",
		    perm_permits(0100640, 5, 7, 6, 7, PERM_R));
	expect_false("group cannot write 0640",
		     perm_permits(0100640, 5, 7, 6, 7, PERM_W));
	expect_true("root writes 0000", perm_permits(0100000, 5, 5, 0, 0, 2));
	expect_false("root cannot exec a file without x bits",
		     perm_permits(0100644, 5, 5, 0, 0, PERM_X));
	expect_true("root searches a 0700 directory",
		    perm_permits(0040000, 5, 5, 0, 0, PERM_X));
	expect_false("owner bits decide even when other allows",
		     perm_permits(0100007, 5, 5, 5, 5, PERM_R));
}

static void lowest_free_slot_starts_at_from(void)
{
	int a, b;
	void *slots[4] = { &a, NULL, &b, NULL };

	expect_eq_int("lowest", 1, slot_lowest_free(slots, 4, 0));
	expect_eq_int("from 2", 3, slot_lowest_free(slots, 4, 2));
	slots[3] = &a;
	expect_eq_int("none from 2", -1, slot_lowest_free(slots, 4, 2));
	expect_eq_int("negative from", -1, slot_lowest_free(slots, 4, -1));
}

static void select_bitmaps_count_and_mask(void)
{
	expect_eq_int("count", 4, bits_count3(0x3, 0x1, 0x80000000u));
	expect_eq_u32("below 0", 0, bits_below(0));
	expect_eq_u32("below 3", 0x7, bits_below(3));
	expect_eq_u32("below 32", 0xffffffffu, bits_below(32));
	expect_eq_u32("below 40", 0xffffffffu, bits_below(40));
	expect_eq_u32("below -1", 0, bits_below(-1));
}

static void ring_moves_bytes_in_order_across_the_wrap(void)
{
	static struct ring r;
	uint8_t *at;
	size_t n;

	ring_init(&r);
	n = ring_write_span(&r, &at);
	expect_eq_size("empty ring span", RING_SIZE, n);
	memset(at, 'x', RING_SIZE - 10);
	ring_commit_write(&r, RING_SIZE - 10);
	n = ring_read_span(&r, &at);
	expect_eq_size("data span", RING_SIZE - 10, n);
	ring_commit_read(&r, RING_SIZE - 20); /* 10 bytes left, head near end */
	n = ring_write_span(&r, &at);
	expect_eq_size("span up to the end", 10, n);
	memcpy(at, "0123456789", 10);
	ring_commit_write(&r, 10);
	n = ring_write_span(&r, &at);
	expect_eq_size("span after the wrap", RING_SIZE - 20, n);
	memcpy(at, "abc", 3);
	ring_commit_write(&r, 3);
	expect_eq_u32("held", 23, r.len);
	n = ring_read_span(&r, &at);
	expect_eq_size("old bytes first", 20, n);
	expect_true("old then new", at[0] == 'x' && at[10] == '0');
	ring_commit_read(&r, n);
	n = ring_read_span(&r, &at);
	expect_eq_size("wrapped bytes", 3, n);
	expect_true("abc", memcmp(at, "abc", 3) == 0);
	ring_commit_read(&r, 3);
	expect_eq_u32("empty", 0, r.len);
	expect_eq_size("no data", 0, ring_read_span(&r, &at));
}

static void full_ring_has_no_write_span(void)
{
	static struct ring r;
	uint8_t *at;

	ring_init(&r);
	ring_commit_write(&r, RING_SIZE);
	expect_eq_size("no room", 0, ring_write_span(&r, &at));
	expect_eq_size("all data", RING_SIZE, ring_read_span(&r, &at));
}

static const struct unit_test tests[] = {
	UNIT_TEST(path_next_splits_components_and_skips_slashes),
	UNIT_TEST(path_next_rejects_a_component_over_name_max),
	UNIT_TEST(trailing_slash_needs_a_component_before_it),
	UNIT_TEST(permissions_follow_owner_group_other_and_root),
	UNIT_TEST(lowest_free_slot_starts_at_from),
	UNIT_TEST(select_bitmaps_count_and_mask),
	UNIT_TEST(ring_moves_bytes_in_order_across_the_wrap),
	UNIT_TEST(full_ring_has_no_write_span),
};

int main(void)
{
	return unit_run(tests, UNIT_COUNT(tests));
}
