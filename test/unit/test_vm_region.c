// SPDX-License-Identifier: BSD-2-Clause
/*
 * Host tests of VM's address-space bookkeeping (servers/vm/region.c):
 * endpoint generations, the break, where anonymous mappings go (top-down,
 * hints, MAP_FIXED), what munmap may cut and how regions split, when a
 * fault grows the stack, and the slot swap of VM_UPDATE.
 */
// UNIT_SOURCES: servers/vm/region.c
#include "../../servers/vm/region.h"
#include "unit.h"

#define TEXT  0x40001000u
#define DATA  0x40003000u
#define HEAP  0x40005000u
#define STACK (USER_STACK_TOP - 4 * PAGE_SIZE)
#define EP    ENDPOINT(3, 7)

/* A process like exec makes: text, data, empty heap, stack. */
static struct vmproc *setup(void)
{
	vmprocs_init();
	struct vmproc *vp = vmproc_of_slot(EP);
	vmproc_reset(vp, EP);
	region_add(vp, TEXT, DATA, RK_IMAGE, 0);
	region_add(vp, DATA, HEAP, RK_IMAGE, RF_WRITE);
	region_add(vp, HEAP, HEAP, RK_HEAP, RF_WRITE);
	region_add(vp, STACK, USER_STACK_TOP, RK_STACK, RF_WRITE);
	vp->brk = HEAP;
	return vp;
}

static void vm_region_lookup_needs_the_exact_generation(void)
{
	struct vmproc *vp = setup();

	expect_true("same endpoint", vmproc_get(EP) == vp);
	expect_true("older generation", vmproc_get(ENDPOINT(2, 7)) == NULL);
	expect_true("other slot", vmproc_get(ENDPOINT(3, 8)) == NULL);
	expect_true("slot of NONE", vmproc_of_slot(NONE) == NULL);
	expect_true("slot of ANY", vmproc_of_slot(ANY) == NULL);
	expect_true("kernel task", vmproc_of_slot(SYSTEM) == NULL);
	expect_eq_u32("in use", 1, vmprocs_in_use());
}

static void vm_region_find_uses_half_open_ranges(void)
{
	struct vmproc *vp = setup();

	expect_true("text start", region_find(vp, TEXT) == &vp->reg[0]);
	expect_true("text end is data", region_find(vp, DATA) == &vp->reg[1]);
	expect_true("empty heap holds nothing", region_find(vp, HEAP) == NULL);
	expect_true("below text", region_find(vp, TEXT - 1) == NULL);
	expect_true("stack top byte",
		    region_find(vp, USER_STACK_TOP - 1) == &vp->reg[3]);
}

static void vm_region_heap_grows_and_shrinks_within_limits(void)
{
	struct vmproc *vp = setup();
	vir_bytes end = 0;

	expect_eq_int("grow", OK, heap_check(vp, HEAP + 5000, &end));
	expect_eq_u32("end rounded up", HEAP + 2 * PAGE_SIZE, end);
	expect_eq_int("same", OK, heap_check(vp, HEAP, &end));
	expect_eq_u32("end at start", HEAP, end);
	expect_eq_int("below start", -EINVAL, heap_check(vp, HEAP - 1, &end));
	expect_eq_int("past mmap top", -ENOMEM,
		      heap_check(vp, VM_MMAP_TOP + 1, &end));
	expect_eq_int("up to mmap top", OK, heap_check(vp, VM_MMAP_TOP, &end));
}

static void vm_region_heap_may_not_grow_into_a_mapping(void)
{
	struct vmproc *vp = setup();
	vir_bytes end;

	region_add(vp, HEAP + 4 * PAGE_SIZE, HEAP + 5 * PAGE_SIZE, RK_MMAP,
		   RF_WRITE);
	expect_eq_int("below it", OK,
		      heap_check(vp, HEAP + 4 * PAGE_SIZE, &end));
	expect_eq_int("into it", -ENOMEM,
		      heap_check(vp, HEAP + 4 * PAGE_SIZE + 1, &end));
}

static void vm_region_mmap_goes_top_down(void)
{
	struct vmproc *vp = setup();
	vir_bytes a = 0, b = 0;

	expect_eq_int("first", OK, mmap_place(vp, 0, 100, false, &a));
	expect_eq_u32("first at top", VM_MMAP_TOP - PAGE_SIZE, a);
	region_add(vp, a, a + PAGE_SIZE, RK_MMAP, RF_WRITE);
	expect_eq_int("second", OK,
		      mmap_place(vp, 0, 2 * PAGE_SIZE, false, &b));
	expect_eq_u32("second below", a - 2 * PAGE_SIZE, b);
}

static void vm_region_mmap_fills_a_hole_that_fits(void)
{
	struct vmproc *vp = setup();
	vir_bytes a = 0;

	region_add(vp, VM_MMAP_TOP - PAGE_SIZE, VM_MMAP_TOP, RK_MMAP, 0);
	region_add(vp, VM_MMAP_TOP - 5 * PAGE_SIZE, VM_MMAP_TOP - 3 * PAGE_SIZE,
		   RK_MMAP, 0);
	expect_eq_int("two pages", OK,
		      mmap_place(vp, 0, 2 * PAGE_SIZE, false, &a));
	expect_eq_u32("in the hole", VM_MMAP_TOP - 3 * PAGE_SIZE, a);
	expect_eq_int("three pages", OK,
		      mmap_place(vp, 0, 3 * PAGE_SIZE, false, &a));
	expect_eq_u32("below both", VM_MMAP_TOP - 8 * PAGE_SIZE, a);
}

static void vm_region_mmap_honours_a_free_hint(void)
{
	struct vmproc *vp = setup();
	vir_bytes a = 0;

	expect_eq_int("hint", OK, mmap_place(vp, 0x50000000, 10, false, &a));
	expect_eq_u32("at the hint", 0x50000000, a);
	region_add(vp, a, a + PAGE_SIZE, RK_MMAP, 0);
	expect_eq_int("taken hint", OK,
		      mmap_place(vp, 0x50000000, 10, false, &a));
	expect_eq_u32("top instead", VM_MMAP_TOP - PAGE_SIZE, a);
	expect_eq_int("unaligned hint", OK,
		      mmap_place(vp, 0x50000010, 10, false, &a));
	expect_eq_u32("top instead", VM_MMAP_TOP - PAGE_SIZE, a);
}

static void vm_region_mmap_fixed_must_be_free_and_in_the_area(void)
{
	struct vmproc *vp = setup();
	vir_bytes a = 0;

	expect_eq_int("fixed", OK, mmap_place(vp, HEAP, PAGE_SIZE, true, &a));
	expect_eq_u32("at addr", HEAP, a);
	expect_eq_int("over data", -EINVAL,
		      mmap_place(vp, DATA, PAGE_SIZE, true, &a));
	expect_eq_int("unaligned", -EINVAL,
		      mmap_place(vp, HEAP + 1, PAGE_SIZE, true, &a));
	expect_eq_int("above mmap top", -EINVAL,
		      mmap_place(vp, VM_MMAP_TOP, PAGE_SIZE, true, &a));
	expect_eq_int("in the stack", -EINVAL,
		      mmap_place(vp, STACK, PAGE_SIZE, true, &a));
	expect_eq_int("ending at top", OK,
		      mmap_place(vp, VM_MMAP_TOP - PAGE_SIZE, PAGE_SIZE, true,
				 &a));
}

static void vm_region_mmap_refuses_bad_lengths_and_full_tables(void)
{
	struct vmproc *vp = setup();
	vir_bytes a = 0;

	expect_eq_int("zero", -EINVAL, mmap_place(vp, 0, 0, false, &a));
	expect_eq_int("huge", -EINVAL,
		      mmap_place(vp, 0, 0xfffff000u, false, &a));
	expect_eq_int("larger than the area", -ENOMEM,
		      mmap_place(vp, 0, VM_MMAP_TOP - HEAP + PAGE_SIZE, false,
				 &a));
	while (regions_free(vp) > 0)
		region_add(vp, 0x60000000, 0x60000000, RK_MMAP, 0);
	expect_eq_int("table full", -ENOMEM,
		      mmap_place(vp, 0, PAGE_SIZE, false, &a));
}

static void vm_region_munmap_trims_splits_and_removes(void)
{
	struct vmproc *vp = setup();
	const vir_bytes m = 0x50000000;

	region_add(vp, m, m + 8 * PAGE_SIZE, RK_MMAP, RF_WRITE);
	expect_eq_int("middle", OK,
		      munmap_check(vp, m + 2 * PAGE_SIZE, m + 3 * PAGE_SIZE));
	munmap_regions(vp, m + 2 * PAGE_SIZE, m + 3 * PAGE_SIZE);
	expect_true("front kept", region_find(vp, m + PAGE_SIZE) != NULL);
	expect_true("hole", region_find(vp, m + 2 * PAGE_SIZE) == NULL);
	struct region *tail = region_find(vp, m + 3 * PAGE_SIZE);
	expect_true("tail", tail != NULL);
	if (tail != NULL) {
		expect_eq_u32("tail start", m + 3 * PAGE_SIZE, tail->start);
		expect_eq_u32("tail flags", RF_WRITE, tail->flags);
	}
	munmap_regions(vp, m, m + PAGE_SIZE);
	expect_true("front trimmed", region_find(vp, m) == NULL);
	expect_true("rest of front", region_find(vp, m + PAGE_SIZE) != NULL);
	munmap_regions(vp, m, m + 8 * PAGE_SIZE);
	expect_true("all gone", !region_overlaps(vp, m, m + 8 * PAGE_SIZE));
}

static void vm_region_munmap_refuses_non_mappings(void)
{
	struct vmproc *vp = setup();

	expect_eq_int("text", -EINVAL, munmap_check(vp, TEXT, DATA));
	expect_eq_int("stack", -EINVAL,
		      munmap_check(vp, STACK, USER_STACK_TOP));
	expect_eq_int("unaligned", -EINVAL,
		      munmap_check(vp, 0x50000001, 0x50002000));
	expect_eq_int("kernel half", -EINVAL, munmap_check(vp, 0, PAGE_SIZE));
	expect_eq_int("nothing there", OK,
		      munmap_check(vp, 0x50000000, 0x50001000));
}

static void vm_region_munmap_split_needs_a_free_entry(void)
{
	struct vmproc *vp = setup();
	const vir_bytes m = 0x50000000;

	region_add(vp, m, m + 3 * PAGE_SIZE, RK_MMAP, 0);
	while (regions_free(vp) > 0)
		region_add(vp, 0x60000000, 0x60000000, RK_MMAP, 0);
	expect_eq_int("split", -ENOMEM,
		      munmap_check(vp, m + PAGE_SIZE, m + 2 * PAGE_SIZE));
	expect_eq_int("trim", OK, munmap_check(vp, m, m + PAGE_SIZE));
}

static void vm_region_stack_grows_only_within_its_limit(void)
{
	struct vmproc *vp = setup();
	struct region *s = NULL;

	expect_eq_int("just below", OK, stack_grow_check(vp, STACK - 4, &s));
	expect_true("the stack", s == &vp->reg[3]);
	expect_eq_int("at the limit", OK,
		      stack_grow_check(vp, VM_STACK_LIMIT, &s));
	expect_eq_int("below the limit", -EFAULT,
		      stack_grow_check(vp, VM_STACK_LIMIT - 1, &s));
	expect_eq_int("inside the stack", -EFAULT,
		      stack_grow_check(vp, STACK, &s));
	region_add(vp, VM_STACK_LIMIT, VM_STACK_LIMIT + PAGE_SIZE, RK_MMAP, 0);
	expect_eq_int("something in the way", -EFAULT,
		      stack_grow_check(vp, VM_STACK_LIMIT, &s));
}

static void vm_region_swap_keeps_each_slot_endpoint(void)
{
	struct vmproc *a = setup();
	struct vmproc *b = vmproc_of_slot(ENDPOINT(1, 9));

	vmproc_reset(b, ENDPOINT(1, 9));
	region_add(b, 0x48000000, 0x48001000, RK_IMAGE, 0);
	b->brk = 1234;
	vmproc_swap(a, b);
	expect_eq_int("a endpoint", EP, a->endpt);
	expect_eq_int("b endpoint", ENDPOINT(1, 9), b->endpt);
	expect_eq_u32("a brk", 1234, a->brk);
	expect_eq_u32("b brk", HEAP, b->brk);
	expect_true("a has b's image", region_find(a, 0x48000000) != NULL);
	expect_true("b has a's text", region_find(b, TEXT) != NULL);
}

static const struct unit_test tests[] = {
	UNIT_TEST(vm_region_lookup_needs_the_exact_generation),
	UNIT_TEST(vm_region_find_uses_half_open_ranges),
	UNIT_TEST(vm_region_heap_grows_and_shrinks_within_limits),
	UNIT_TEST(vm_region_heap_may_not_grow_into_a_mapping),
	UNIT_TEST(vm_region_mmap_goes_top_down),
	UNIT_TEST(vm_region_mmap_fills_a_hole_that_fits),
	UNIT_TEST(vm_region_mmap_honours_a_free_hint),
	UNIT_TEST(vm_region_mmap_fixed_must_be_free_and_in_the_area),
	UNIT_TEST(vm_region_mmap_refuses_bad_lengths_and_full_tables),
	UNIT_TEST(vm_region_munmap_trims_splits_and_removes),
	UNIT_TEST(vm_region_munmap_refuses_non_mappings),
	UNIT_TEST(vm_region_munmap_split_needs_a_free_entry),
	UNIT_TEST(vm_region_stack_grows_only_within_its_limit),
	UNIT_TEST(vm_region_swap_keeps_each_slot_endpoint),
};

int main(void)
{
	return unit_run(tests, UNIT_COUNT(tests));
}
