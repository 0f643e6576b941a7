// SPDX-License-Identifier: BSD-2-Clause
/*
 * The block driver protocol, against the ata driver (a boot module of
 * the ktest image) and the test disk of tools/mk-test-disk.py on the IDE
 * primary master: ktest plays the file system, sending BDEV requests
 * with sendrec and its own grants.  Sectors 2..4095 of that disk hold
 * the ext2 file system of t_ext2.c, so these tests read and write only
 * sectors 0, 1 and 4096 onwards, which hold the pattern.
 */
#include <ds.h>

#include "ktest.h"

#define SECTOR	     512
#define DISK_SECTORS 8192 /* tools/mk-test-disk.py */
#define DISK_BYTES   ((uint32_t)DISK_SECTORS * SECTOR)
#define NBUF	     4
#define FIRST_FREE   4096 /* the first pattern sector after ext2 */

static uint8_t buf[NBUF * SECTOR], pattern[NBUF * SECTOR];

static endpoint_t ata_ep(void)
{
	return driver_ep("ata");
}

/* Byte i of sector n of the test disk, as tools/mk-test-disk.py writes. */
static uint8_t disk_byte(uint32_t n, uint32_t i)
{
	if (i < 4)
		return (uint8_t)(n >> (8 * i));
	return (uint8_t)(n * 13 + i * 7 + (n >> 8));
}

/* Whether buf holds sector n of the test disk as written. */
static bool is_disk_sector(const uint8_t *p, uint32_t n)
{
	for (uint32_t i = 0; i < SECTOR; i++)
		if (p[i] != disk_byte(n, i))
			return false;
	return true;
}

/* One request by sendrec; its status, or -EGENERIC for a wrong answer. */
static int32_t bdev_call(int type, struct bdev_rq rq)
{
	static uint32_t next_id = 500;
	message m = { .m_type = type, .bdev_rq = rq };

	m.bdev_rq.id = ++next_id;
	int r = ipc_sendrec(ata_ep(), &m);
	if (r != OK)
		return r;
	if (m.m_type != BDEV_REPLY || m.bdev_reply.id != next_id)
		return -EGENERIC;
	return m.bdev_reply.status;
}

/* Read or write count bytes at pos from/to p through a fresh grant. */
static int32_t bdev_io(bool write, uint32_t pos, uint8_t *p, uint32_t count)
{
	cp_grant_id_t g = cpf_grant_direct(ata_ep(), (vir_bytes)p, count,
					   write ? CPF_READ : CPF_WRITE);
	struct bdev_rq rq = { .grant = g, .count = count, .pos_lo = pos };

	int32_t r = bdev_call(write ? BDEV_WRITE : BDEV_READ, rq);
	cpf_revoke(g);
	return r;
}

static void blockdev_ata_announced_itself_in_ds(void)
{
	uint32_t v = 0;

	expect_eq(OK, ds_retrieve_u32("drv.blk.ata", &v));
	expect_eq(DRIVER_UP, v);
}

static void blockdev_open_and_close_of_minor_0_succeed(void)
{
	struct bdev_rq rq = { .minor = 0, .access = CDEV_R_BIT | CDEV_W_BIT };

	expect_eq(OK, bdev_call(BDEV_OPEN, rq));
	expect_eq(OK, bdev_call(BDEV_CLOSE, rq));
	rq.minor = 1;
	expect_eq(-ENXIO, bdev_call(BDEV_OPEN, rq));
}

static void blockdev_reads_known_sectors_of_the_test_disk(void)
{
	static const uint32_t secs[] = { 0, 1, FIRST_FREE + 255,
					 FIRST_FREE + 256, 4097 };

	for (size_t k = 0; k < sizeof(secs) / sizeof(secs[0]); k++) {
		memset(buf, 0, SECTOR);
		expect_eq(SECTOR,
			  bdev_io(false, secs[k] * SECTOR, buf, SECTOR));
		expect_true(is_disk_sector(buf, secs[k]));
	}
	memset(buf, 0, sizeof(buf));
	expect_eq(sizeof(buf), bdev_io(false, (FIRST_FREE + 100) * SECTOR, buf,
				       sizeof(buf)));
	for (uint32_t s = 0; s < NBUF; s++)
		expect_true(
			is_disk_sector(buf + s * SECTOR, FIRST_FREE + 100 + s));
}

static void blockdev_written_sectors_read_back(void)
{
	const uint32_t pos = 6000 * SECTOR;

	for (size_t i = 0; i < sizeof(pattern); i++)
		pattern[i] = (uint8_t)(i * 31 + 5);
	expect_eq(sizeof(pattern),
		  bdev_io(true, pos, pattern, sizeof(pattern)));
	memset(buf, 0, sizeof(buf));
	expect_eq(sizeof(buf), bdev_io(false, pos, buf, sizeof(buf)));
	expect_eq(0, memcmp(buf, pattern, sizeof(buf)));
	/* The neighbours are untouched. */
	expect_eq(SECTOR, bdev_io(false, pos - SECTOR, buf, SECTOR));
	expect_true(is_disk_sector(buf, 5999));
	expect_eq(SECTOR, bdev_io(false, pos + sizeof(pattern), buf, SECTOR));
	expect_true(is_disk_sector(buf, 6000 + NBUF));
}

/*
 * Requests longer than the drive's 16-sector DRQ block, ending in a part
 * of one: 34 sectors read, 17 written and read back.  The buffer is on
 * the stack: ktest's children copy its bss.
 */
static void blockdev_long_requests_cross_drq_blocks(void)
{
	uint8_t big[34 * SECTOR];
	uint8_t *out = big, *back = big + 17 * SECTOR;
	const uint32_t wpos = 7500 * SECTOR, half = 17 * SECTOR;

	expect_eq(sizeof(big), bdev_io(false, (FIRST_FREE + 200) * SECTOR, big,
				       sizeof(big)));
	for (uint32_t s = 0; s < 34; s++)
		expect_true(
			is_disk_sector(big + s * SECTOR, FIRST_FREE + 200 + s));
	for (uint32_t i = 0; i < half; i++)
		out[i] = (uint8_t)(i * 7 + 3);
	expect_eq(half, bdev_io(true, wpos, out, half));
	memset(back, 0, half);
	expect_eq(half, bdev_io(false, wpos, back, half));
	expect_eq(0, memcmp(back, out, half));
	expect_eq(SECTOR, bdev_io(false, wpos + half, back, SECTOR));
	expect_true(is_disk_sector(back, 7517));
}

static void blockdev_unaligned_offset_or_count_is_einval(void)
{
	expect_eq(-EINVAL, bdev_io(false, 1, buf, SECTOR));
	expect_eq(-EINVAL, bdev_io(false, 0, buf, SECTOR - 1));
	expect_eq(-EINVAL, bdev_io(true, SECTOR + 100, buf, SECTOR));
	expect_eq(-EINVAL, bdev_io(true, 0, buf, 3));
}

static void blockdev_last_sector_reads_and_past_the_end_gives_0(void)
{
	memset(buf, 0, sizeof(buf));
	expect_eq(SECTOR, bdev_io(false, DISK_BYTES - SECTOR, buf, SECTOR));
	expect_true(is_disk_sector(buf, DISK_SECTORS - 1));
	/* A read across the end stops there. */
	expect_eq(SECTOR, bdev_io(false, DISK_BYTES - SECTOR, buf, 2 * SECTOR));
	expect_eq(0, bdev_io(false, DISK_BYTES, buf, SECTOR));
	expect_eq(0, bdev_io(false, DISK_BYTES + 64 * SECTOR, buf, SECTOR));
	expect_eq(0, bdev_io(true, DISK_BYTES, buf, SECTOR));
}

static void blockdev_bad_grant_fails_and_driver_survives(void)
{
	struct bdev_rq rq = { .grant = 12345, .count = SECTOR };

	expect_true(bdev_call(BDEV_READ, rq) < 0);
	rq.pos_lo = 7000 * SECTOR;
	expect_true(bdev_call(BDEV_WRITE, rq) < 0);
	expect_eq(SECTOR, bdev_io(false, 7000 * SECTOR, buf, SECTOR));
	expect_true(is_disk_sector(buf, 7000)); /* the write changed nothing */
}

static void blockdev_bad_requests_get_clear_errors(void)
{
	struct bdev_rq rq = { .minor = 0 };

	expect_eq(-ENOTTY, bdev_call(BDEV_IOCTL, rq));
	expect_eq(-EBADREQUEST, bdev_call(BDEV_RQ_BASE + 0x30, rq));
	rq.minor = 2;
	rq.count = SECTOR;
	expect_eq(-ENXIO, bdev_call(BDEV_READ, rq));
}

const struct test_case blockdev_tests[] = {
	{ "blockdev_ata_announced_itself_in_ds",
	  blockdev_ata_announced_itself_in_ds },
	{ "blockdev_open_and_close_of_minor_0_succeed",
	  blockdev_open_and_close_of_minor_0_succeed },
	{ "blockdev_reads_known_sectors_of_the_test_disk",
	  blockdev_reads_known_sectors_of_the_test_disk },
	{ "blockdev_written_sectors_read_back",
	  blockdev_written_sectors_read_back },
	{ "blockdev_long_requests_cross_drq_blocks",
	  blockdev_long_requests_cross_drq_blocks },
	{ "blockdev_unaligned_offset_or_count_is_einval",
	  blockdev_unaligned_offset_or_count_is_einval },
	{ "blockdev_last_sector_reads_and_past_the_end_gives_0",
	  blockdev_last_sector_reads_and_past_the_end_gives_0 },
	{ "blockdev_bad_grant_fails_and_driver_survives",
	  blockdev_bad_grant_fails_and_driver_survives },
	{ "blockdev_bad_requests_get_clear_errors",
	  blockdev_bad_requests_get_clear_errors },
	{ NULL, NULL },
};
