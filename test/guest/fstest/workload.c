// SPDX-License-Identifier: BSD-2-Clause
/*
 * The bulk workload: 8 MiB in 200 files of mixed sizes (a few bytes to
 * 200 KiB) in four subdirectories, written, read back and compared byte
 * for byte, deleted, written again with other content, checked again
 * and deleted.  Sizes and content come from a deterministic PRNG
 * (xorshift32), so every check knows what each byte must be; an FNV-1a
 * checksum of each file is kept from writing and compared after reading.
 * Each phase is its own test; the state between them is the disk.
 */
#include "fstest.h"

#include <sys/statvfs.h>

#include "../prng.h"

#define LOAD_DIR  FSTEST_DIR "/load"
#define NFILES	  200
#define NDIRS	  4
#define TOTAL	  (8u * 1024 * 1024)
#define MIN_SIZE  3u
#define MAX_SIZE  (200u * 1024)
#define CHUNK	  4096
#define SIZE_SEED 0x2545f491u

static uint32_t sizes[NFILES];

/*
 * The 200 sizes: a third small (up to 4 KiB), a third medium (up to
 * 64 KiB), a third large (up to 200 KiB), then trimmed at random files
 * until they sum to exactly TOTAL.  Same every run.
 */
static void make_sizes(void)
{
	uint32_t s = SIZE_SEED, sum = 0;
	static const uint32_t span[3] = { 4096, 64 * 1024, MAX_SIZE };

	for (int i = 0; i < NFILES; i++) {
		sizes[i] = MIN_SIZE + xorshift(&s) % (span[i % 3] - MIN_SIZE);
		sum += sizes[i];
	}
	while (sum != TOTAL) {
		uint32_t i = xorshift(&s) % NFILES, step;
		if (sum > TOTAL) {
			step = sizes[i] - MIN_SIZE;
			step = step < sum - TOTAL ? step : sum - TOTAL;
			step = step < 16384 ? step : 16384;
			sizes[i] -= step;
			sum -= step;
		} else {
			step = MAX_SIZE - sizes[i];
			step = step < TOTAL - sum ? step : TOTAL - sum;
			sizes[i] += step;
			sum += step;
		}
	}
}

static void file_path(char *buf, size_t len, int i)
{
	snprintf(buf, len, LOAD_DIR "/d%d/f%03d", i % NDIRS, i);
}

/* The content stream of file i in generation gen. */
static uint32_t content_seed(int i, int gen)
{
	uint32_t s = 0x9e3779b9u * (uint32_t)(i + 1) ^ (uint32_t)gen << 24;

	return s ? s : 1;
}

static void fill(uint8_t *buf, size_t n, uint32_t *s)
{
	for (size_t k = 0; k < n; k++)
		buf[k] = (uint8_t)(xorshift(s) >> 11);
}

/* Write every file of generation gen; its checksums into sums. */
static void write_all(int gen, uint32_t *sums)
{
	static uint8_t buf[CHUNK];
	char path[64];

	for (int d = 0; d < NDIRS; d++) {
		snprintf(path, sizeof(path), LOAD_DIR "/d%d", d);
		expect_ok(mkdir(path, 0755));
	}
	for (int i = 0; i < NFILES; i++) {
		uint32_t s = content_seed(i, gen), h = FNV_OFFSET;
		file_path(path, sizeof(path), i);
		int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
		if (fd < 0)
			case_fail_msg(__LINE__, "open(%s): errno %d (%s)", path,
				      errno, strerror(errno));
		for (uint32_t off = 0; off < sizes[i]; off += CHUNK) {
			size_t n = sizes[i] - off < CHUNK ? sizes[i] - off :
							    CHUNK;
			fill(buf, n, &s);
			h = fnv(h, buf, n);
			ssize_t w = write(fd, buf, n);
			if (w != (ssize_t)n)
				case_fail_msg(__LINE__,
					      "write(%s) at %u: %d of %u, "
					      "errno %d (%s)",
					      path, off, (int)w, (unsigned)n,
					      errno, strerror(errno));
		}
		expect_ok(close(fd));
		sums[i] = h;
	}
}

/* Read every file of generation gen back and compare every byte. */
static void check_all(int gen)
{
	static uint8_t want[CHUNK + 1], got[CHUNK + 1];
	char path[64];

	for (int i = 0; i < NFILES; i++) {
		uint32_t s = content_seed(i, gen), hw = FNV_OFFSET;
		uint32_t hg = FNV_OFFSET, off = 0;
		file_path(path, sizeof(path), i);
		expect_eq(sizes[i], FILE_SIZE(path));
		int fd = open(path, O_RDONLY);
		if (fd < 0)
			case_fail_msg(__LINE__, "open(%s): errno %d (%s)", path,
				      errno, strerror(errno));
		for (;;) {
			ssize_t n = read(fd, got, CHUNK + 1 - (off & 1));
			if (n < 0)
				case_fail_msg(__LINE__,
					      "read(%s) at %u: errno %d", path,
					      off, errno);
			if (n == 0)
				break;
			if (off + (uint32_t)n > sizes[i])
				case_fail_msg(__LINE__, "%s: longer than %u",
					      path, sizes[i]);
			fill(want, (size_t)n, &s);
			for (ssize_t k = 0; k < n; k++)
				if (want[k] != got[k])
					case_fail_msg(__LINE__,
						      "%s byte %u: 0x%02x, "
						      "expected 0x%02x",
						      path, off + (uint32_t)k,
						      got[k], want[k]);
			hw = fnv(hw, want, (size_t)n);
			hg = fnv(hg, got, (size_t)n);
			off += (uint32_t)n;
		}
		expect_ok(close(fd));
		expect_eq(sizes[i], off);
		expect_eq(hw, hg);
	}
}

/* Unlink every file and the subdirectories; check they are gone. */
static void delete_all(void)
{
	char path[64];

	for (int i = 0; i < NFILES; i++) {
		file_path(path, sizeof(path), i);
		expect_ok(unlink(path));
		EXPECT_MISSING(path);
	}
	for (int d = 0; d < NDIRS; d++) {
		snprintf(path, sizeof(path), LOAD_DIR "/d%d", d);
		expect_ok(rmdir(path));
		EXPECT_MISSING(path);
	}
}

static unsigned long free_blocks(void)
{
	struct statvfs sv;

	expect_ok(statvfs(FSTEST_DIR, &sv));
	return (unsigned long)sv.f_bfree;
}

/* The free-block count before the workload, kept on disk between tests. */
#define FREE_FILE FSTEST_DIR "/free-before"

static void sizes_sum_to_8mib_from_3_bytes_to_200k(void)
{
	uint32_t sum = 0, lo = MAX_SIZE, hi = 0;

	make_sizes();
	for (int i = 0; i < NFILES; i++) {
		sum += sizes[i];
		lo = sizes[i] < lo ? sizes[i] : lo;
		hi = sizes[i] > hi ? sizes[i] : hi;
	}
	expect_eq(TOTAL, sum);
	expect_true(lo < 64 && hi > 150 * 1024 && hi <= MAX_SIZE);
}

static void workload_write_8mib_in_200_files(void)
{
	uint32_t sums[NFILES];
	char text[32];

	make_sizes();
	snprintf(text, sizeof(text), "%lu", free_blocks());
	put_file(FREE_FILE, text);
	expect_ok(mkdir(LOAD_DIR, 0755));
	write_all(1, sums);
}

static void workload_read_back_every_byte(void)
{
	make_sizes();
	check_all(1);
}

static void workload_delete_all(void)
{
	delete_all();
}

static void workload_rewrite_with_new_content_and_check(void)
{
	uint32_t sums[NFILES];

	make_sizes();
	write_all(2, sums);
	check_all(2);
}

static void workload_delete_again_frees_every_block(void)
{
	char text[32], want[32];

	delete_all();
	expect_ok(rmdir(LOAD_DIR));
	int fd = open(FREE_FILE, O_RDONLY);
	expect_ok(fd);
	ssize_t n = read(fd, want, sizeof(want) - 1);
	expect_ok(n);
	want[n] = '\0';
	close(fd);
	expect_ok(unlink(FREE_FILE));
	snprintf(text, sizeof(text), "%lu", free_blocks());
	expect_eq(strtoul(want, NULL, 10), strtoul(text, NULL, 10));
}

const struct test_case workload_tests[] = {
	{ "workload_sizes_sum_to_8mib_from_3_bytes_to_200k",
	  sizes_sum_to_8mib_from_3_bytes_to_200k },
	{ "workload_write_8mib_in_200_files_in_4_dirs",
	  workload_write_8mib_in_200_files },
	{ "workload_read_back_every_byte_and_checksum",
	  workload_read_back_every_byte },
	{ "workload_delete_all_files_and_dirs", workload_delete_all },
	{ "workload_rewrite_new_content_read_back_every_byte",
	  workload_rewrite_with_new_content_and_check },
	{ "workload_delete_again_frees_every_block",
	  workload_delete_again_frees_every_block },
	{ NULL, NULL },
};
