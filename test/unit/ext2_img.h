/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Shared by the ext2 host tests: make a fresh image with mke2fs in a
 * temporary directory (optionally from a staging tree), serve it to the
 * ext2 core as a struct ext2_dev backed by the file, and check it with
 * `e2fsck -fn` afterwards.  The including file defines _DEFAULT_SOURCE
 * before any include (mkdtemp, pread, pwrite).
 */
#ifndef AXO_TEST_EXT2_IMG_H
#define AXO_TEST_EXT2_IMG_H

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <axo/errno.h>

#include "../../servers/ext2/ext2.h"
#include "unit.h"

struct img {
	char dir[64];	/* the temporary directory */
	char path[96];	/* the image inside it */
	char stage[96]; /* the staging tree inside it */
	int fd;
	struct ext2_dev dev;
	struct ext2_fs *fs;
};

static int img_read(void *ctx, uint64_t off, void *buf, size_t n)
{
	struct img *im = ctx;

	return pread(im->fd, buf, n, (off_t)off) == (ssize_t)n ? OK : -EIO;
}

static int img_write(void *ctx, uint64_t off, const void *buf, size_t n)
{
	struct img *im = ctx;

	return pwrite(im->fd, buf, n, (off_t)off) == (ssize_t)n ? OK : -EIO;
}

static uint32_t img_now(void *ctx)
{
	(void)ctx;
	return 1700000000u;
}

/* Make the temporary directory and the empty staging tree in it. */
static inline bool img_begin(struct img *im)
{
	memset(im, 0, sizeof(*im));
	im->fd = -1;
	snprintf(im->dir, sizeof(im->dir), "/tmp/axo-ext2-XXXXXX");
	if (!mkdtemp(im->dir))
		return false;
	snprintf(im->path, sizeof(im->path), "%s/disk.img", im->dir);
	snprintf(im->stage, sizeof(im->stage), "%s/stage", im->dir);
	return mkdir(im->stage, 0755) == 0;
}

/* Put a file of n bytes into the staging tree. */
static inline bool img_stage_file(struct img *im, const char *name,
				  const void *data, size_t n)
{
	char p[192];
	FILE *f;
	bool ok;

	snprintf(p, sizeof(p), "%s/%s", im->stage, name);
	f = fopen(p, "wb");
	if (!f)
		return false;
	ok = fwrite(data, 1, n, f) == n;
	return fclose(f) == 0 && ok;
}

/* Make a directory in the staging tree. */
static inline bool img_stage_dir(struct img *im, const char *name)
{
	char p[192];

	snprintf(p, sizeof(p), "%s/%s", im->stage, name);
	return mkdir(p, 0755) == 0;
}

/* Run a shell command quietly; its exit status, or -1. */
static inline int img_system(const char *cmd)
{
	int st = system(cmd);

	return st != -1 && WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* mke2fs the image from the staging tree with extra options and size. */
static inline bool img_mkfs(struct img *im, const char *opts, const char *size)
{
	char cmd[512];

	snprintf(cmd, sizeof(cmd),
		 "mke2fs -q -F -t ext2 %s -d %s %s %s >%s/mkfs.log 2>&1", opts,
		 im->stage, im->path, size, im->dir);
	return img_system(cmd) == 0;
}

/* Open the image and mount it; the ext2_mount result. */
static inline int img_mount(struct img *im)
{
	im->fd = open(im->path, O_RDWR);
	if (im->fd < 0)
		return -EIO;
	im->dev = (struct ext2_dev){ img_read, img_write, img_now, im };
	return ext2_mount(&im->dev, &im->fs);
}

/* Begin, mkfs with opts and size (nothing staged) and mount; true if ok. */
static inline bool img_setup(struct img *im, const char *opts, const char *size)
{
	return img_begin(im) && img_mkfs(im, opts, size) && img_mount(im) == OK;
}

/* Unmount if mounted and close; the ext2_unmount result. */
static inline int img_unmount(struct img *im)
{
	int r = OK;

	if (im->fs)
		r = ext2_unmount(im->fs);
	im->fs = NULL;
	if (im->fd >= 0)
		close(im->fd);
	im->fd = -1;
	return r;
}

/* e2fsck -fn exit status; the log goes to stdout on failure. */
static inline int img_fsck(struct img *im)
{
	char cmd[512];
	int st;

	snprintf(cmd, sizeof(cmd), "e2fsck -fn %s >%s/fsck.log 2>&1", im->path,
		 im->dir);
	st = img_system(cmd);
	if (st != 0) {
		snprintf(cmd, sizeof(cmd), "sed 's/^/  fsck: /' %s/fsck.log",
			 im->dir);
		img_system(cmd);
	}
	return st;
}

/* Remove the temporary directory. */
static inline void img_end(struct img *im)
{
	char cmd[128];

	img_unmount(im);
	if (im->dir[0] == '\0')
		return;
	snprintf(cmd, sizeof(cmd), "rm -rf %s", im->dir);
	img_system(cmd);
}

/*
 * Check the superblock's free counts against the sum over the group
 * descriptors (which e2fsck checks; it lets the superblock's pass).
 */
static inline void img_check_super_counts(struct img *im)
{
	struct ext2_super sb;
	struct ext2_group gd;
	uint64_t blocks = 0, inodes = 0, bs, groups;
	int fd = open(im->path, O_RDONLY);

	if (!expect_true("image opens", fd >= 0))
		return;
	if (pread(fd, &sb, sizeof(sb), EXT2_SUPER_OFFSET) == sizeof(sb)) {
		bs = 1024u << sb.s_log_block_size;
		groups = (sb.s_blocks_count - sb.s_first_data_block +
			  sb.s_blocks_per_group - 1) /
			 sb.s_blocks_per_group;
		for (uint64_t g = 0; g < groups; g++) {
			off_t at = (off_t)((sb.s_first_data_block + 1) * bs +
					   g * sizeof(gd));

			if (pread(fd, &gd, sizeof(gd), at) != sizeof(gd))
				break;
			blocks += gd.bg_free_blocks_count;
			inodes += gd.bg_free_inodes_count;
		}
		expect_eq_u64("superblock free blocks", blocks,
			      sb.s_free_blocks_count);
		expect_eq_u64("superblock free inodes", inodes,
			      sb.s_free_inodes_count);
	}
	close(fd);
}

/* Unmount, expect e2fsck to find the image clean, and clean up. */
static inline void img_finish(struct img *im)
{
	expect_eq_int("ext2_unmount", OK, img_unmount(im));
	expect_eq_int("e2fsck -fn exit status", 0, img_fsck(im));
	img_check_super_counts(im);
	img_end(im);
}

/* The test pattern: byte i of a file made with seed. */
static inline uint8_t img_byte(uint64_t i, unsigned int seed)
{
	return (uint8_t)((i * 131u) ^ (i >> 9) ^ seed);
}

static inline void img_fill(uint8_t *buf, size_t n, uint64_t base,
			    unsigned int seed)
{
	for (size_t i = 0; i < n; i++)
		buf[i] = img_byte(base + i, seed);
}

#endif
