// SPDX-License-Identifier: BSD-2-Clause
/*
 * Host tests of VM's frame allocator (servers/vm/alloc.c): which frames a
 * set of free ranges makes available, that every frame is handed out
 * once, that counts keep shared frames alive until the last holder lets
 * go, that boot frames can be claimed and later freed, and that bad
 * frees change nothing — the accounting behind VM_INFO's leak check.
 */
// UNIT_SOURCES: servers/vm/alloc.c
#include "../../servers/vm/alloc.h"
#include "unit.h"

#define MIB   (1024u * 1024u)
#define RAM   (16u * MIB)
#define BASE  (4u * MIB)
#define PAGES 64u /* free frames in the one-range setup */

static void one_range(void)
{
	struct mem_range r = { BASE, PAGES * PAGE_SIZE };

	frames_init(RAM, &r, 1);
}

static bool in_range(phys_bytes pa)
{
	return pa >= BASE && pa < BASE + PAGES * PAGE_SIZE &&
	       pa % PAGE_SIZE == 0;
}

static void vm_alloc_counts_the_free_range_exactly(void)
{
	one_range();
	expect_eq_u32("total", PAGES, frames_total());
	expect_eq_u32("free", PAGES, frames_free());
	expect_eq_u32("boot", 0, frames_boot());
}

static void vm_alloc_leaves_out_partial_pages_and_page_zero(void)
{
	struct mem_range r[2] = { { 0, 3 * PAGE_SIZE },
				  { BASE + 100, 4 * PAGE_SIZE } };

	frames_init(RAM, r, 2);
	/* [0, 3 pages) gives pages 1 and 2; the unaligned range 3 pages. */
	expect_eq_u32("total", 5, frames_total());
	expect_eq_u32("free", 5, frames_free());
}

static void vm_alloc_counts_overlapping_ranges_once(void)
{
	struct mem_range r[2] = { { BASE, 8 * PAGE_SIZE },
				  { BASE + 4 * PAGE_SIZE, 8 * PAGE_SIZE } };

	frames_init(RAM, r, 2);
	expect_eq_u32("total", 12, frames_total());
}

static void vm_alloc_ignores_memory_beyond_ram(void)
{
	struct mem_range r = { RAM - 2 * PAGE_SIZE, 8 * PAGE_SIZE };

	frames_init(RAM, &r, 1);
	expect_eq_u32("total", 2, frames_total());
}

static void vm_alloc_hands_out_every_frame_once_then_zero(void)
{
	static bool seen[PAGES];

	one_range();
	memset(seen, 0, sizeof(seen));
	for (unsigned i = 0; i < PAGES; i++) {
		phys_bytes pa = frame_alloc();
		expect_true(unit_fmt("frame %u in range", i), in_range(pa));
		if (!in_range(pa))
			continue;
		unsigned f = (pa - BASE) / PAGE_SIZE;
		expect_false(unit_fmt("frame %u handed out twice", f), seen[f]);
		seen[f] = true;
		expect_eq_u32("count of a new frame", 1, frame_count(pa));
	}
	expect_eq_u32("free after all", 0, frames_free());
	expect_eq_u32("alloc when empty", 0, frame_alloc());
}

static void vm_alloc_unref_returns_the_frame(void)
{
	one_range();
	phys_bytes pa = frame_alloc();
	expect_eq_u32("free after alloc", PAGES - 1, frames_free());
	expect_eq_int("unref", OK, frame_unref(pa));
	expect_eq_u32("free after unref", PAGES, frames_free());
	expect_eq_u32("count", 0, frame_count(pa));
}

static void vm_alloc_shared_frame_lives_until_last_unref(void)
{
	one_range();
	phys_bytes pa = frame_alloc();
	expect_eq_int("ref", OK, frame_ref(pa));
	expect_eq_int("ref", OK, frame_ref(pa));
	expect_eq_u32("count", 3, frame_count(pa));
	expect_eq_int("unref 1", OK, frame_unref(pa));
	expect_eq_int("unref 2", OK, frame_unref(pa));
	expect_eq_u32("still used", PAGES - 1, frames_free());
	expect_eq_int("unref 3", OK, frame_unref(pa));
	expect_eq_u32("free at last", PAGES, frames_free());
}

static void vm_alloc_refuses_bad_frees_without_change(void)
{
	one_range();
	phys_bytes pa = frame_alloc();
	unsigned before = frames_free();

	expect_eq_int("unref free frame", -EINVAL,
		      frame_unref(BASE + (PAGES - 1) * PAGE_SIZE));
	expect_eq_int("unref unaligned", -EINVAL, frame_unref(pa + 4));
	expect_eq_int("unref unmanaged", -EINVAL, frame_unref(PAGE_SIZE));
	expect_eq_int("unref beyond ram", -EINVAL, frame_unref(RAM));
	expect_eq_int("unref page 0", -EINVAL, frame_unref(0));
	expect_eq_int("ref free frame", -EINVAL,
		      frame_ref(BASE + (PAGES - 1) * PAGE_SIZE));
	expect_eq_int("ref unmanaged", -EINVAL, frame_ref(2 * PAGE_SIZE));
	expect_eq_u32("free unchanged", before, frames_free());
	expect_eq_u32("count unchanged", 1, frame_count(pa));
}

static void vm_alloc_claimed_boot_frame_is_freed_into_the_pool(void)
{
	one_range();
	phys_bytes boot = MIB;

	expect_eq_int("claim", OK, frame_claim(boot));
	expect_eq_int("claim again", OK, frame_claim(boot));
	expect_eq_u32("total", PAGES + 1, frames_total());
	expect_eq_u32("boot", 1, frames_boot());
	expect_eq_u32("free", PAGES, frames_free());
	expect_eq_int("unref", OK, frame_unref(boot));
	expect_eq_u32("free after", PAGES + 1, frames_free());
	expect_eq_u32("total after", PAGES + 1, frames_total());
	phys_bytes got = 0;
	for (unsigned i = 0; i <= PAGES; i++) {
		phys_bytes pa = frame_alloc();
		if (pa == boot)
			got = pa;
	}
	expect_eq_u32("boot frame reused", boot, got);
}

static void vm_alloc_refuses_to_claim_free_or_bad_frames(void)
{
	one_range();
	expect_eq_int("claim free", -EINVAL, frame_claim(BASE));
	expect_eq_int("claim page 0", -EINVAL, frame_claim(0));
	expect_eq_int("claim unaligned", -EINVAL, frame_claim(MIB + 1));
	expect_eq_int("claim beyond ram", -EINVAL, frame_claim(RAM));
	expect_eq_u32("boot", 0, frames_boot());
}

static void vm_alloc_alloc_free_cycles_do_not_leak(void)
{
	static phys_bytes held[PAGES];

	one_range();
	for (int round = 0; round < 5; round++) {
		for (unsigned i = 0; i < PAGES / 2; i++)
			held[i] = frame_alloc();
		for (unsigned i = 0; i < PAGES / 2; i += 2)
			frame_unref(held[i]);
		for (unsigned i = 1; i < PAGES / 2; i += 2)
			frame_unref(held[i]);
		expect_eq_u32(unit_fmt("free after round %d", round), PAGES,
			      frames_free());
	}
}

static const struct unit_test tests[] = {
	UNIT_TEST(vm_alloc_counts_the_free_range_exactly),
	UNIT_TEST(vm_alloc_leaves_out_partial_pages_and_page_zero),
	UNIT_TEST(vm_alloc_counts_overlapping_ranges_once),
	UNIT_TEST(vm_alloc_ignores_memory_beyond_ram),
	UNIT_TEST(vm_alloc_hands_out_every_frame_once_then_zero),
	UNIT_TEST(vm_alloc_unref_returns_the_frame),
	UNIT_TEST(vm_alloc_shared_frame_lives_until_last_unref),
	UNIT_TEST(vm_alloc_refuses_bad_frees_without_change),
	UNIT_TEST(vm_alloc_claimed_boot_frame_is_freed_into_the_pool),
	UNIT_TEST(vm_alloc_refuses_to_claim_free_or_bad_frames),
	UNIT_TEST(vm_alloc_alloc_free_cycles_do_not_leak),
};

int main(void)
{
	return unit_run(tests, UNIT_COUNT(tests));
}
