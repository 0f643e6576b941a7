// SPDX-License-Identifier: BSD-2-Clause
// UNIT_SOURCES: servers/vfs/dmap_tab.c
/*
 * VFS's device-map bookkeeping (servers/vfs/dmap_tab.c): announces set
 * endpoints; a second announce (restart, same endpoint; reset, a new
 * one) reports the major's instance lost and changes its generation, so
 * open devices go stale; VFS_MAPDRIVER's map, remap and unmap; bad
 * majors and labels change nothing.
 */
#include "unit.h"
#include <string.h>
#include "../../servers/vfs/dmap_tab.h"
#include <axo/errno.h>

#define HELLO 17
#define EP_A  1234
#define EP_B  5678

static void map(struct dmap_tab *t, uint32_t major, const char *label,
		uint32_t *gone)
{
	expect_eq_int("map", 0,
		      dmap_tab_map(t, major, label, strlen(label) + 1, gone));
}

static void first_announce_sets_endpoint_without_loss(void)
{
	struct dmap_tab t;
	uint32_t gone = 0;

	dmap_tab_init(&t);
	map(&t, HELLO, "hello", &gone);
	uint32_t gen = dmap_tab_get(&t, HELLO)->gen;
	expect_eq_u32("no loss at map", 0, gone);
	expect_eq_int("not up yet", NONE, dmap_tab_get(&t, HELLO)->driver);
	expect_eq_u32("first up loses nothing", 0,
		      dmap_tab_up(&t, "hello", EP_A));
	expect_eq_int("endpoint", EP_A, dmap_tab_get(&t, HELLO)->driver);
	expect_eq_u32("generation unchanged", gen,
		      dmap_tab_get(&t, HELLO)->gen);
}

static void restart_with_same_endpoint_changes_generation(void)
{
	struct dmap_tab t;
	uint32_t gone = 0;

	dmap_tab_init(&t);
	map(&t, HELLO, "hello", &gone);
	dmap_tab_up(&t, "hello", EP_A);
	uint32_t gen = dmap_tab_get(&t, HELLO)->gen;
	expect_eq_u32("restart loses major 17", 1u << HELLO,
		      dmap_tab_up(&t, "hello", EP_A));
	expect_eq_int("same endpoint", EP_A, dmap_tab_get(&t, HELLO)->driver);
	expect_ne_int("new generation", (int)gen,
		      (int)dmap_tab_get(&t, HELLO)->gen);
}

static void reset_takes_the_new_endpoint(void)
{
	struct dmap_tab t;
	uint32_t gone = 0;

	dmap_tab_init(&t);
	map(&t, 3, "ata", &gone);
	map(&t, HELLO, "hello", &gone);
	dmap_tab_up(&t, "ata", EP_A);
	dmap_tab_up(&t, "hello", EP_A + 1);
	uint32_t ata_gen = dmap_tab_get(&t, 3)->gen;
	map(&t, HELLO, "hello", &gone); /* RS maps again on a reset */
	expect_eq_u32("same label: nothing lost", 0, gone);
	expect_eq_u32("reset loses major 17 only", 1u << HELLO,
		      dmap_tab_up(&t, "hello", EP_B));
	expect_eq_int("new endpoint", EP_B, dmap_tab_get(&t, HELLO)->driver);
	expect_eq_u32("ata untouched", ata_gen, dmap_tab_get(&t, 3)->gen);
	expect_eq_int("ata endpoint untouched", EP_A,
		      dmap_tab_get(&t, 3)->driver);
}

static void unmap_loses_the_instance_and_forgets_the_label(void)
{
	struct dmap_tab t;
	uint32_t gone = 0;

	dmap_tab_init(&t);
	map(&t, HELLO, "hello", &gone);
	dmap_tab_up(&t, "hello", EP_A);
	uint32_t gen = dmap_tab_get(&t, HELLO)->gen;
	map(&t, HELLO, "", &gone);
	expect_eq_u32("unmap loses major 17", 1u << HELLO, gone);
	expect_eq_int("no driver", NONE, dmap_tab_get(&t, HELLO)->driver);
	expect_str_eq("no label", "", dmap_tab_get(&t, HELLO)->label);
	expect_ne_int("new generation", (int)gen,
		      (int)dmap_tab_get(&t, HELLO)->gen);
	expect_eq_u32("announce of an unmapped label maps nothing", 0,
		      dmap_tab_up(&t, "hello", EP_A));
	expect_eq_int("still no driver", NONE, dmap_tab_get(&t, HELLO)->driver);
}

static void fill_learns_only_missing_endpoints(void)
{
	struct dmap_tab t;
	uint32_t gone = 0;

	dmap_tab_init(&t);
	map(&t, HELLO, "hello", &gone);
	dmap_tab_fill(&t, "hello", EP_A);
	expect_eq_int("filled", EP_A, dmap_tab_get(&t, HELLO)->driver);
	uint32_t gen = dmap_tab_get(&t, HELLO)->gen;
	dmap_tab_fill(&t, "hello", EP_B);
	expect_eq_int("kept", EP_A, dmap_tab_get(&t, HELLO)->driver);
	expect_eq_u32("fill is no new instance", gen,
		      dmap_tab_get(&t, HELLO)->gen);
}

static void bad_major_or_label_changes_nothing(void)
{
	struct dmap_tab t;
	uint32_t gone = 0;
	char unterminated[DMAP_LABEL_MAX];

	dmap_tab_init(&t);
	map(&t, HELLO, "hello", &gone);
	dmap_tab_up(&t, "hello", EP_A);
	memset(unterminated, 'x', sizeof(unterminated));
	expect_eq_int("major 32", -EINVAL,
		      dmap_tab_map(&t, DMAP_MAJORS, "x", 2, &gone));
	expect_eq_int("label without NUL", -EINVAL,
		      dmap_tab_map(&t, HELLO, unterminated,
				   sizeof(unterminated), &gone));
	expect_eq_int("label cut by size", -EINVAL,
		      dmap_tab_map(&t, HELLO, "hello", 3, &gone));
	expect_eq_u32("nothing lost", 0, gone);
	expect_str_eq("label kept", "hello", dmap_tab_get(&t, HELLO)->label);
	expect_eq_int("driver kept", EP_A, dmap_tab_get(&t, HELLO)->driver);
	expect_true("no entry past the table",
		    dmap_tab_get(&t, DMAP_MAJORS) == NULL);
}

static const struct unit_test tests[] = {
	UNIT_TEST(first_announce_sets_endpoint_without_loss),
	UNIT_TEST(restart_with_same_endpoint_changes_generation),
	UNIT_TEST(reset_takes_the_new_endpoint),
	UNIT_TEST(unmap_loses_the_instance_and_forgets_the_label),
	UNIT_TEST(fill_learns_only_missing_endpoints),
	UNIT_TEST(bad_major_or_label_changes_nothing),
};

int main(void)
{
	return unit_run(tests, UNIT_COUNT(tests));
}
