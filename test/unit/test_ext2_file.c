// SPDX-License-Identifier: BSD-2-Clause
/*
 * Host tests of the ext2 core's file calls against images made by mke2fs:
 * reading what mke2fs wrote, writing and reading back files of many
 * sizes (direct, indirect and double indirect blocks), holes, truncation
 * both ways, a full disk, 4 KiB blocks, and that runs of contiguous blocks
 * move in one device request each way.  Every test ends with a clean
 * `e2fsck -fn` of the image.
 */
// UNIT_SOURCES: servers/ext2/alloc.c servers/ext2/bmap.c servers/ext2/cache.c
// UNIT_SOURCES: servers/ext2/dir.c servers/ext2/file.c servers/ext2/inode.c
// UNIT_SOURCES: servers/ext2/namei.c servers/ext2/rename.c servers/ext2/super.c
#define _DEFAULT_SOURCE

#include "ext2_img.h"

/* Create name in the root, write n pattern bytes, expect them back. */
static void write_read_back(struct img *im, const char *name, size_t n,
			    unsigned int seed)
{
	uint8_t *out = malloc(n + 1), *in = malloc(n + 1);
	struct ext2_stat st;
	uint32_t ino = 0;
	long got;

	img_fill(out, n, 0, seed);
	expect_eq_int(unit_fmt("create %s", name), OK,
		      ext2_create(im->fs, EXT2_ROOT_INO, name, 0644, 0, 0,
				  &ino));
	expect_eq_int(unit_fmt("write %s", name), (long)n,
		      ext2_write(im->fs, ino, 0, out, n));
	got = ext2_read(im->fs, ino, 0, in, n + 1);
	expect_eq_int(unit_fmt("read %s", name), (long)n, got);
	expect_true(unit_fmt("contents of %s", name),
		    got == (long)n && memcmp(in, out, n) == 0);
	expect_eq_int(unit_fmt("stat %s", name), OK,
		      ext2_stat(im->fs, ino, &st));
	expect_eq_u64(unit_fmt("size of %s", name), n, st.size);
	free(out);
	free(in);
}

static void ext2_reads_file_written_by_mke2fs(void)
{
	static uint8_t data[70000], back[70000];
	struct img im;
	uint32_t ino = 0;

	img_fill(data, sizeof(data), 0, 5);
	expect_true("image made",
		    img_begin(&im) &&
			    img_stage_file(&im, "hello.bin", data,
					   sizeof(data)) &&
			    img_mkfs(&im, "-b 1024 -I 128", "4M") &&
			    img_mount(&im) == OK);
	expect_eq_int("lookup", OK,
		      ext2_lookup(im.fs, EXT2_ROOT_INO, "hello.bin", &ino));
	expect_eq_int("read", (long)sizeof(data),
		      ext2_read(im.fs, ino, 0, back, sizeof(back)));
	expect_true("contents", memcmp(data, back, sizeof(data)) == 0);
	expect_eq_int("read at offset", 100,
		      ext2_read(im.fs, ino, 69900, back, 500));
	expect_true("tail", memcmp(data + 69900, back, 100) == 0);
	expect_eq_int("lookup of a missing name", -ENOENT,
		      ext2_lookup(im.fs, EXT2_ROOT_INO, "nope", &ino));
	img_finish(&im);
}

static void ext2_write_read_back_sizes_up_to_single_indirect(void)
{
	static const size_t sizes[] = {
		0, 1, 1023, 1024, 12 * 1024, 300 * 1024
	};
	struct img im;

	expect_true("image made", img_setup(&im, "-b 1024", "4M"));
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
		write_read_back(&im, unit_fmt("f%zu", sizes[i]), sizes[i],
				(unsigned)i);
	img_finish(&im);
}

static void ext2_write_read_back_5mib_uses_double_indirect(void)
{
	struct img im;
	struct ext2_stat st;
	uint32_t ino = 0;

	expect_true("image made", img_setup(&im, "-b 1024", "8M"));
	write_read_back(&im, "big", 5 * 1024 * 1024, 9);
	expect_eq_int("lookup", OK,
		      ext2_lookup(im.fs, EXT2_ROOT_INO, "big", &ino));
	expect_eq_int("stat", OK, ext2_stat(im.fs, ino, &st));
	/* 5120 data, 1 single and 1 double indirect block and 19 blocks
	 * of 256 pointers under the double one for the 4852 blocks past
	 * 12 + 256. */
	expect_eq_u64("sectors in use", (5120 + 1 + 1 + 19) * 2, st.blocks);
	img_finish(&im);
}

static void ext2_write_past_end_leaves_hole_reading_zeros(void)
{
	uint8_t buf[3000], zero[3000] = { 0 };
	struct ext2_stat st;
	struct img im;
	uint32_t ino = 0;

	expect_true("image made", img_setup(&im, "-b 1024", "4M"));
	expect_eq_int("create", OK,
		      ext2_create(im.fs, EXT2_ROOT_INO, "holey", 0600, 0, 0,
				  &ino));
	img_fill(buf, 10, 0, 1);
	expect_eq_int("write at 0", 10, ext2_write(im.fs, ino, 0, buf, 10));
	expect_eq_int("write at 200000", 10,
		      ext2_write(im.fs, ino, 200000, buf, 10));
	expect_eq_int("stat", OK, ext2_stat(im.fs, ino, &st));
	expect_eq_u64("size", 200010, st.size);
	/* Blocks 0 and 195 plus the single indirect block. */
	expect_eq_u64("sectors in use", 3 * 2, st.blocks);
	expect_eq_int("read in the hole", 3000,
		      ext2_read(im.fs, ino, 5000, buf, sizeof(buf)));
	expect_true("hole reads zeros", memcmp(buf, zero, sizeof(buf)) == 0);
	expect_eq_int("read the tail", 10,
		      ext2_read(im.fs, ino, 200000, buf, 100));
	expect_eq_int("tail byte", img_byte(0, 1), buf[0]);
	img_finish(&im);
}

static void ext2_sparse_write_reaches_triple_indirect(void)
{
	/* With 1 KiB blocks: 12 direct, 256 single, 65536 double. */
	uint64_t tind = (12ull + 256 + 65536) * 1024;
	struct ext2_statfs before, after;
	struct ext2_stat st;
	struct img im;
	uint8_t buf[16];
	uint32_t ino = 0;

	expect_true("image made", img_setup(&im, "-b 1024", "4M"));
	ext2_statfs(im.fs, &before);
	expect_eq_int("create", OK,
		      ext2_create(im.fs, EXT2_ROOT_INO, "sparse", 0644, 0, 0,
				  &ino));
	expect_eq_int("write past the double indirect range", 5,
		      ext2_write(im.fs, ino, tind + 100, "hello", 5));
	expect_eq_int("stat", OK, ext2_stat(im.fs, ino, &st));
	expect_eq_u64("size", tind + 105, st.size);
	/* Data block plus triple, double and single indirect blocks. */
	expect_eq_u64("sectors in use", 4 * 2, st.blocks);
	expect_eq_int("read back", 5,
		      ext2_read(im.fs, ino, tind + 100, buf, sizeof(buf)));
	expect_true("contents", memcmp(buf, "hello", 5) == 0);
	expect_eq_int("unmount", OK, img_unmount(&im));
	expect_eq_int("e2fsck of the sparse file", 0, img_fsck(&im));
	expect_eq_int("mount again", OK, img_mount(&im));
	expect_eq_int("truncate below the triple range", OK,
		      ext2_truncate(im.fs, ino, 1000));
	ext2_statfs(im.fs, &after);
	expect_eq_int("all blocks back (none below 1000)", before.bfree,
		      after.bfree);
	img_finish(&im);
}

static void ext2_truncate_down_frees_and_up_reads_zeros(void)
{
	static uint8_t buf[400 * 1024];
	struct ext2_statfs before, after;
	struct ext2_stat st;
	struct img im;
	uint32_t ino = 0;

	expect_true("image made", img_setup(&im, "-b 1024", "4M"));
	ext2_statfs(im.fs, &before);
	expect_eq_int("create", OK,
		      ext2_create(im.fs, EXT2_ROOT_INO, "t", 0644, 0, 0, &ino));
	img_fill(buf, sizeof(buf), 0, 3);
	expect_eq_int("write", (long)sizeof(buf),
		      ext2_write(im.fs, ino, 0, buf, sizeof(buf)));
	expect_eq_int("truncate to 1500", OK, ext2_truncate(im.fs, ino, 1500));
	expect_eq_int("stat", OK, ext2_stat(im.fs, ino, &st));
	expect_eq_u64("size after shrink", 1500, st.size);
	expect_eq_u64("sectors after shrink", 2 * 2, st.blocks);
	expect_eq_int("truncate up to 5000", OK,
		      ext2_truncate(im.fs, ino, 5000));
	memset(buf, 0xff, 5000);
	expect_eq_int("read", 5000, ext2_read(im.fs, ino, 0, buf, 5000));
	expect_eq_int("kept byte 1499", img_byte(1499, 3), buf[1499]);
	expect_eq_int("byte 1500 is zero", 0, buf[1500]);
	expect_eq_int("byte 4999 is zero", 0, buf[4999]);
	expect_eq_int("truncate to 0", OK, ext2_truncate(im.fs, ino, 0));
	ext2_statfs(im.fs, &after);
	expect_eq_int("free blocks back", before.bfree, after.bfree);
	expect_eq_int("free inodes", before.ffree - 1, after.ffree);
	img_finish(&im);
}

static void ext2_full_disk_gives_enospc_and_stays_clean(void)
{
	static uint8_t buf[64 * 1024];
	struct ext2_statfs sf;
	struct img im;
	uint32_t ino = 0;
	uint64_t off = 0;
	long r;

	expect_true("image made", img_setup(&im, "-b 1024", "2M"));
	expect_eq_int("create", OK,
		      ext2_create(im.fs, EXT2_ROOT_INO, "fill", 0644, 0, 0,
				  &ino));
	img_fill(buf, sizeof(buf), 0, 7);
	while ((r = ext2_write(im.fs, ino, off, buf, sizeof(buf))) > 0)
		off += (uint64_t)r;
	expect_eq_int("last write", -ENOSPC, r);
	ext2_statfs(im.fs, &sf);
	expect_eq_int("no free blocks", 0, sf.bfree);
	expect_true("wrote most of the disk", off > 1500 * 1024);
	expect_eq_int("mkdir on a full disk", -ENOSPC,
		      ext2_mkdir(im.fs, EXT2_ROOT_INO, "d", 0755, 0, 0, &ino));
	img_finish(&im);
}

static uint32_t busy_ino; /* the inode busy_one() calls in use */

static bool busy_one(uint32_t ino)
{
	return ino == busy_ino;
}

/*
 * An inode unlinked while the busy predicate says it is used stays
 * readable and keeps its blocks; ext2_release() then frees it, and a
 * second release changes nothing.
 */
static void ext2_unlinked_busy_inode_lives_until_release(void)
{
	static uint8_t buf[20000], back[20000];
	struct ext2_statfs before, orphan, after;
	struct ext2_stat st;
	struct img im;
	uint32_t ino = 0, other = 0;

	expect_true("image made", img_setup(&im, "-b 1024", "4M"));
	ext2_statfs(im.fs, &before);
	expect_eq_int("create", OK,
		      ext2_create(im.fs, EXT2_ROOT_INO, "o", 0644, 0, 0, &ino));
	img_fill(buf, sizeof(buf), 0, 5);
	expect_eq_int("write", (long)sizeof(buf),
		      ext2_write(im.fs, ino, 0, buf, sizeof(buf)));
	busy_ino = ino;
	ext2_set_busy(im.fs, busy_one);
	expect_eq_int("unlink", OK, ext2_unlink(im.fs, EXT2_ROOT_INO, "o"));
	expect_eq_int("name gone", -ENOENT,
		      ext2_lookup(im.fs, EXT2_ROOT_INO, "o", &other));
	expect_eq_int("read after unlink", (long)sizeof(back),
		      ext2_read(im.fs, ino, 0, back, sizeof(back)));
	expect_true("contents kept", memcmp(buf, back, sizeof(buf)) == 0);
	expect_eq_int("stat after unlink", OK, ext2_stat(im.fs, ino, &st));
	expect_eq_int("no links", 0, st.nlink);
	ext2_statfs(im.fs, &orphan);
	expect_true("blocks still held", orphan.bfree < before.bfree);
	busy_ino = 0;
	expect_eq_int("release", OK, ext2_release(im.fs, ino));
	expect_eq_int("release again", OK, ext2_release(im.fs, ino));
	expect_eq_int("read after release", -ENOENT,
		      ext2_read(im.fs, ino, 0, back, 1));
	ext2_statfs(im.fs, &after);
	expect_eq_int("free blocks back", before.bfree, after.bfree);
	expect_eq_int("free inodes back", before.ffree, after.ffree);
	img_finish(&im);
}

static void ext2_block_size_4096_write_read_back(void)
{
	struct ext2_statfs sf;
	struct img im;

	expect_true("image made", img_setup(&im, "-b 4096", "8M"));
	ext2_statfs(im.fs, &sf);
	expect_eq_int("block size", 4096, sf.bsize);
	write_read_back(&im, "a", 4095, 1);
	write_read_back(&im, "b", 60 * 1024, 2);
	write_read_back(&im, "c", 4 * 1024 * 1024 + 77, 3);
	img_finish(&im);
}

static void ext2_block_size_2048_write_read_back(void)
{
	struct img im;
	uint32_t ino = 0;

	expect_true("image made", img_setup(&im, "-b 2048", "4M"));
	write_read_back(&im, "a", 2 * 1024 * 1024 + 5, 4);
	expect_eq_int("lookup", OK,
		      ext2_lookup(im.fs, EXT2_ROOT_INO, "a", &ino));
	expect_eq_int("truncate", OK, ext2_truncate(im.fs, ino, 30000));
	img_finish(&im);
}

/* Device requests seen by the counting device: longer than a block, and
 * the longest, of each kind. */
static struct {
	unsigned int long_reads;
	size_t max_read, max_write;
} io_seen;

static int counting_read(void *ctx, uint64_t off, void *buf, size_t n)
{
	if (n > 1024)
		io_seen.long_reads++;
	if (n > io_seen.max_read)
		io_seen.max_read = n;
	return img_read(ctx, off, buf, n);
}

static int counting_write(void *ctx, uint64_t off, const void *buf, size_t n)
{
	if (n > io_seen.max_write)
		io_seen.max_write = n;
	return img_write(ctx, off, buf, n);
}

/* Like img_mount, on a device that counts its requests in io_seen. */
static int mount_counted(struct img *im)
{
	im->fd = open(im->path, O_RDWR);
	if (im->fd < 0)
		return -EIO;
	im->dev =
		(struct ext2_dev){ counting_read, counting_write, img_now, im };
	return ext2_mount(&im->dev, &im->fs);
}

static void ext2_read_of_contiguous_blocks_is_one_device_request(void)
{
	static uint8_t data[12 * 1024], back[12 * 1024];
	struct img im;
	uint32_t ino = 0;

	img_fill(data, sizeof(data), 0, 8);
	expect_true("image made",
		    img_begin(&im) &&
			    img_stage_file(&im, "run.bin", data,
					   sizeof(data)) &&
			    img_mkfs(&im, "-b 1024 -I 128", "4M") &&
			    mount_counted(&im) == OK);
	expect_eq_int("lookup", OK,
		      ext2_lookup(im.fs, EXT2_ROOT_INO, "run.bin", &ino));
	io_seen.long_reads = 0;
	io_seen.max_read = 0;
	expect_eq_int("read", (long)sizeof(data),
		      ext2_read(im.fs, ino, 0, back, sizeof(back)));
	expect_true("contents", memcmp(data, back, sizeof(data)) == 0);
	expect_eq_int("device reads longer than a block", 1,
		      (int)io_seen.long_reads);
	expect_eq_u64("longest device read", sizeof(data), io_seen.max_read);
	img_finish(&im);
}

static void ext2_sync_writes_runs_of_dirty_blocks_up_to_32k(void)
{
	static uint8_t data[100 * 1024];
	struct img im;
	uint32_t ino = 0;

	img_fill(data, sizeof(data), 0, 9);
	expect_true("image made",
		    img_begin(&im) && img_mkfs(&im, "-b 1024 -I 128", "4M") &&
			    mount_counted(&im) == OK);
	expect_eq_int("create", OK,
		      ext2_create(im.fs, EXT2_ROOT_INO, "w.bin", 0644, 0, 0,
				  &ino));
	io_seen.max_write = 0;
	expect_eq_int("write", (long)sizeof(data),
		      ext2_write(im.fs, ino, 0, data, sizeof(data)));
	expect_eq_int("sync", OK, ext2_sync(im.fs));
	expect_eq_u64("longest device write", 32 * 1024, io_seen.max_write);
	img_finish(&im);
}

int main(void)
{
	static const struct unit_test tests[] = {
		UNIT_TEST(ext2_reads_file_written_by_mke2fs),
		UNIT_TEST(ext2_write_read_back_sizes_up_to_single_indirect),
		UNIT_TEST(ext2_write_read_back_5mib_uses_double_indirect),
		UNIT_TEST(ext2_write_past_end_leaves_hole_reading_zeros),
		UNIT_TEST(ext2_sparse_write_reaches_triple_indirect),
		UNIT_TEST(ext2_truncate_down_frees_and_up_reads_zeros),
		UNIT_TEST(ext2_full_disk_gives_enospc_and_stays_clean),
		UNIT_TEST(ext2_unlinked_busy_inode_lives_until_release),
		UNIT_TEST(ext2_block_size_4096_write_read_back),
		UNIT_TEST(ext2_block_size_2048_write_read_back),
		UNIT_TEST(ext2_read_of_contiguous_blocks_is_one_device_request),
		UNIT_TEST(ext2_sync_writes_runs_of_dirty_blocks_up_to_32k),
	};

	return unit_run(tests, UNIT_COUNT(tests));
}
