// SPDX-License-Identifier: BSD-2-Clause
/*
 * The memory driver (a boot module of the ktest image): /dev/null,
 * /dev/zero, the RAM disk /dev/ram and /dev/full, driven by ktest playing
 * VFS with CDEV requests through its own grants.
 */
#include <ds.h>

#include "ktest.h"

#define M_NULL	  0
#define M_ZERO	  1
#define M_RAM	  2
#define M_FULL	  3
#define RAM_SIZE  (512u * 1024u) /* the driver's RAM disk */
#define BIG	  100000u
#define BIG_PAGES ((BIG + PAGE_SIZE - 1) / PAGE_SIZE)
/*
 * The big buffer: pages mapped by hand just below ktest's boot stack, in
 * the page table the stack already uses (a static buffer this size would
 * be copied into every child ktest spawns, and a fresh page table would
 * stay allocated after the suite).
 */
#define BIG_VA	  (USER_STACK_TOP - BOOT_STACK_SIZE - 32 * PAGE_SIZE)

static uint8_t *big;
static phys_bytes big_pages[BIG_PAGES];

static int big_vmctl(int request, vir_bytes va, phys_bytes pa)
{
	struct sys_vmctl_msg v = { .request = request,
				   .endpt = ktest_ep,
				   .vaddr = va,
				   .paddr = pa,
				   .len = PAGE_SIZE,
				   .flags = VMF_WRITE };
	return sys_vmctl(&v);
}

/* Unmap and give back the big buffer's pages. */
static void big_put(void)
{
	for (unsigned i = 0; i < BIG_PAGES; i++) {
		if (big_pages[i] == 0)
			continue;
		big_vmctl(VMCTL_UNMAP, BIG_VA + i * PAGE_SIZE, 0);
		test_page_put(big_pages[i]);
		big_pages[i] = 0;
	}
	big = NULL;
}

/* Map the big buffer (BIG bytes at big); false, all undone, if not. */
static bool big_get(void)
{
	for (unsigned i = 0; i < BIG_PAGES; i++) {
		phys_bytes pa = test_page_get();
		if (pa == 0 ||
		    big_vmctl(VMCTL_MAP, BIG_VA + i * PAGE_SIZE, pa) != OK) {
			if (pa != 0)
				test_page_put(pa);
			big_put();
			test_fail_msg(__LINE__, "cannot map the big buffer");
			return false;
		}
		big_pages[i] = pa;
	}
	big = (uint8_t *)BIG_VA;
	return true;
}

static int32_t mem_call(int type, struct cdev_rq rq)
{
	return cdev_request("memory", type, rq, NULL);
}

/* Read (type CDEV_READ) or write count bytes of buf at pos of minor. */
static int32_t mem_io(int type, int minor, uint32_t pos, void *buf,
		      uint32_t count)
{
	return cdev_io("memory", type, minor, pos, buf, count);
}

/* The first index of buf[0..n) not equal to v, or n. */
static size_t first_not(const uint8_t *buf, size_t n, uint8_t v)
{
	size_t i = 0;

	while (i < n && buf[i] == v)
		i++;
	return i;
}

static void memdev_memory_announced_itself_in_ds(void)
{
	uint32_t v = 0;

	expect_eq(OK, ds_retrieve_u32("drv.chr.memory", &v));
	expect_eq(DRIVER_UP, v);
}

static void memdev_every_minor_opens_and_closes(void)
{
	for (int minor = M_NULL; minor <= M_FULL; minor++) {
		struct cdev_rq rq = { .minor = minor, .access = CDEV_R_BIT };
		expect_eq(OK, mem_call(CDEV_OPEN, rq));
		expect_eq(OK, mem_call(CDEV_CLOSE, rq));
	}
}

static void memdev_null_reads_eof_and_swallows_writes(void)
{
	if (!big_get())
		return;
	memset(big, 0xff, 64);
	expect_eq(0, mem_io(CDEV_READ, M_NULL, 0, big, 64));
	expect_eq(64, first_not(big, 64, 0xff)); /* untouched */
	expect_eq(0, mem_io(CDEV_READ, M_NULL, 12345, big, 64));
	expect_eq(64, mem_io(CDEV_WRITE, M_NULL, 0, big, 64));
	expect_eq(BIG, mem_io(CDEV_WRITE, M_NULL, 99, big, BIG));
	expect_eq(0, mem_io(CDEV_WRITE, M_NULL, 0, big, 0));
	big_put();
}

/* Read count bytes of /dev/zero into a 0xff buffer: all zero? */
static void expect_zero_read(uint32_t count)
{
	memset(big, 0xff, BIG);
	expect_eq(count, mem_io(CDEV_READ, M_ZERO, 0, big, count));
	expect_eq(count, first_not(big, count, 0));
	if (count < BIG)
		expect_eq(0xff, big[count]); /* nothing past the count */
}

static void memdev_zero_reads_zeros_of_any_size(void)
{
	if (!big_get())
		return;
	expect_zero_read(1);
	expect_zero_read(4096);
	expect_zero_read(4097);
	expect_zero_read(BIG);
	big_put();
}

static void memdev_zero_swallows_writes(void)
{
	if (!big_get())
		return;
	memset(big, 0xab, 100);
	expect_eq(100, mem_io(CDEV_WRITE, M_ZERO, 0, big, 100));
	expect_zero_read(100);
	big_put();
}

static void memdev_ram_write_at_offset_reads_back(void)
{
	char msg[] = "axolotl ramdisk";
	char buf[32];

	expect_eq(sizeof(msg),
		  mem_io(CDEV_WRITE, M_RAM, 1001, msg, sizeof(msg)));
	memset(buf, 0, sizeof(buf));
	expect_eq(sizeof(msg),
		  mem_io(CDEV_READ, M_RAM, 1001, buf, sizeof(msg)));
	expect_eq(0, memcmp(buf, msg, sizeof(msg)));
	memset(buf, 0, sizeof(buf));
	expect_eq(4, mem_io(CDEV_READ, M_RAM, 1009, buf, 4));
	expect_eq(0, memcmp(buf, "ramd", 4));
}

static void memdev_ram_large_write_reads_back(void)
{
	if (!big_get())
		return;
	for (size_t i = 0; i < BIG; i++)
		big[i] = (uint8_t)(i * 7 + 3);
	expect_eq(BIG, mem_io(CDEV_WRITE, M_RAM, 200000, big, BIG));
	memset(big, 0, BIG);
	expect_eq(BIG, mem_io(CDEV_READ, M_RAM, 200000, big, BIG));
	size_t bad = 0;
	while (bad < BIG && big[bad] == (uint8_t)(bad * 7 + 3))
		bad++;
	expect_eq(BIG, bad);
	big_put();
}

static void memdev_ram_reads_are_cut_at_the_end(void)
{
	char buf[16];

	expect_eq(5, mem_io(CDEV_WRITE, M_RAM, RAM_SIZE - 5, "tail!", 5));
	memset(buf, 0, sizeof(buf));
	expect_eq(5, mem_io(CDEV_READ, M_RAM, RAM_SIZE - 5, buf, 16));
	expect_eq(0, memcmp(buf, "tail!", 5));
	expect_eq(0, mem_io(CDEV_READ, M_RAM, RAM_SIZE, buf, 16));
	expect_eq(0, mem_io(CDEV_READ, M_RAM, RAM_SIZE + 4096, buf, 16));
}

static void memdev_ram_writes_past_the_end_fail_with_enospc(void)
{
	char buf[8] = "ABCDEFG";

	expect_eq(3, mem_io(CDEV_WRITE, M_RAM, RAM_SIZE - 3, buf, 8));
	expect_eq(-ENOSPC, mem_io(CDEV_WRITE, M_RAM, RAM_SIZE, buf, 8));
	expect_eq(-ENOSPC, mem_io(CDEV_WRITE, M_RAM, RAM_SIZE + 1, buf, 8));
	memset(buf, 0, sizeof(buf));
	expect_eq(3, mem_io(CDEV_READ, M_RAM, RAM_SIZE - 3, buf, 8));
	expect_eq(0, memcmp(buf, "ABC", 3));
}

static void memdev_full_reads_zeros_and_refuses_writes(void)
{
	uint8_t buf[300];

	memset(buf, 0xff, sizeof(buf));
	expect_eq(300, mem_io(CDEV_READ, M_FULL, 0, buf, 300));
	expect_eq(300, first_not(buf, 300, 0));
	expect_eq(-ENOSPC, mem_io(CDEV_WRITE, M_FULL, 0, buf, 300));
}

static void memdev_unknown_minor_is_enxio(void)
{
	struct cdev_rq rq = { .minor = 4 };
	char buf[4];

	expect_eq(-ENXIO, mem_call(CDEV_OPEN, rq));
	rq.minor = -1;
	expect_eq(-ENXIO, mem_call(CDEV_OPEN, rq));
	expect_eq(-ENXIO, mem_io(CDEV_READ, 4, 0, buf, 4));
	expect_eq(-ENXIO, mem_io(CDEV_WRITE, 77, 0, buf, 4));
}

static void memdev_message_of_unknown_type_is_answered(void)
{
	struct cdev_rq rq = { .minor = M_NULL };

	expect_eq(-EBADREQUEST, mem_call(0x7dd25108, rq)); /* a sendrec */
	expect_eq(-EBADREQUEST, mem_call(CDEV_RQ_BASE + 0x30, rq));
	expect_eq(OK, mem_call(CDEV_OPEN, rq));
}

static void memdev_bad_grant_fails_and_driver_survives(void)
{
	struct cdev_rq rq = { .minor = M_ZERO, .grant = 12345, .count = 8 };
	char buf[8] = "xyzxyzx";

	if (!big_get())
		return;
	expect_true(mem_call(CDEV_READ, rq) < 0);
	rq.minor = M_RAM;
	expect_true(mem_call(CDEV_READ, rq) < 0);
	expect_true(mem_call(CDEV_WRITE, rq) < 0);
	expect_eq(8, mem_io(CDEV_WRITE, M_RAM, 0, buf, 8));
	expect_zero_read(16);
	big_put();
}

const struct test_case memdev_tests[] = {
	{ "memdev_memory_announced_itself_in_ds",
	  memdev_memory_announced_itself_in_ds },
	{ "memdev_every_minor_opens_and_closes",
	  memdev_every_minor_opens_and_closes },
	{ "memdev_null_reads_eof_and_swallows_writes",
	  memdev_null_reads_eof_and_swallows_writes },
	{ "memdev_zero_reads_zeros_of_any_size",
	  memdev_zero_reads_zeros_of_any_size },
	{ "memdev_zero_swallows_writes", memdev_zero_swallows_writes },
	{ "memdev_ram_write_at_offset_reads_back",
	  memdev_ram_write_at_offset_reads_back },
	{ "memdev_ram_large_write_reads_back",
	  memdev_ram_large_write_reads_back },
	{ "memdev_ram_reads_are_cut_at_the_end",
	  memdev_ram_reads_are_cut_at_the_end },
	{ "memdev_ram_writes_past_the_end_fail_with_enospc",
	  memdev_ram_writes_past_the_end_fail_with_enospc },
	{ "memdev_full_reads_zeros_and_refuses_writes",
	  memdev_full_reads_zeros_and_refuses_writes },
	{ "memdev_unknown_minor_is_enxio", memdev_unknown_minor_is_enxio },
	{ "memdev_message_of_unknown_type_is_answered",
	  memdev_message_of_unknown_type_is_answered },
	{ "memdev_bad_grant_fails_and_driver_survives",
	  memdev_bad_grant_fails_and_driver_survives },
	{ NULL, NULL },
};
