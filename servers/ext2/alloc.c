// SPDX-License-Identifier: BSD-2-Clause
/*
 * Block and inode allocation through the per-group bitmaps.  Interface:
 * ext2_balloc/ext2_bfree for blocks, ext2_ialloc/ext2_ifree for inodes.
 * Each keeps the free counts of the group descriptor and of the
 * superblock (and bg_used_dirs_count for directories) in step with the
 * bitmap; the descriptors and superblock reach the disk at ext2_sync().
 */
#include <axo/errno.h>

#include "ext2_priv.h"

/*
 * Index of a clear bit in bits [0, n) of map, searching from start and
 * wrapping; -1 if all are set.  Whole bytes of set bits are passed over
 * at once (a group's bitmap is mostly full ahead of the free space).
 */
static long bitmap_find_clear(const uint8_t *map, uint32_t n, uint32_t start)
{
	for (uint32_t k = 0; k < n;) {
		uint32_t i = (start + k) % n;

		if (i % 8 == 0 && i + 8 <= n && map[i / 8] == 0xff) {
			k += 8; /* bits examined twice near the wrap are set */
			continue;
		}
		if ((map[i / 8] & (1u << (i % 8))) == 0)
			return (long)i;
		k++;
	}
	return -1;
}

static bool bit_test(const uint8_t *map, uint32_t i)
{
	return (map[i / 8] >> (i % 8)) & 1u;
}

static void bit_flip(uint8_t *map, uint32_t i)
{
	map[i / 8] ^= (uint8_t)(1u << (i % 8));
}

/* Blocks in group g (the last one may be short). */
static uint32_t group_blocks(const struct ext2_fs *fs, uint32_t g)
{
	uint32_t first =
		fs->sb.s_first_data_block + g * fs->sb.s_blocks_per_group;
	uint32_t left = fs->sb.s_blocks_count - first;

	return left < fs->sb.s_blocks_per_group ? left :
						  fs->sb.s_blocks_per_group;
}

/*
 * Set a clear bit of the n-bit bitmap in block map_blk, searching from
 * start (and wrapping); a bit below min does not count.  The bit into
 * *bit; -ENOSPC if there is none, or an I/O error.
 */
static int take_bit(struct ext2_fs *fs, uint32_t map_blk, uint32_t n,
		    uint32_t start, uint32_t min, uint32_t *bit)
{
	struct ext2_buf *b;
	int r = ext2_bget(fs, map_blk, false, &b);

	if (r != OK)
		return r;
	long i = bitmap_find_clear(b->data, n, start);
	if (i < 0 || (uint32_t)i < min) {
		ext2_bput(b);
		return -ENOSPC;
	}
	bit_flip(b->data, (uint32_t)i);
	ext2_bdirty(b);
	ext2_bput(b);
	*bit = (uint32_t)i;
	return OK;
}

/* Clear bit of the bitmap in block map_blk; -EIO if it is clear already. */
static int put_bit(struct ext2_fs *fs, uint32_t map_blk, uint32_t bit)
{
	struct ext2_buf *b;
	int r = ext2_bget(fs, map_blk, false, &b);

	if (r != OK)
		return r;
	if (!bit_test(b->data, bit)) {
		ext2_bput(b);
		return -EIO;
	}
	bit_flip(b->data, bit);
	ext2_bdirty(b);
	ext2_bput(b);
	return OK;
}

/*
 * Allocate one block, preferring goal's group and the blocks after goal.
 * The block's contents are not touched.  -ENOSPC when none is free.
 */
int ext2_balloc(struct ext2_fs *fs, uint32_t goal, uint32_t *blk)
{
	uint32_t bpg = fs->sb.s_blocks_per_group, first = 0, start = 0;

	if (fs->sb.s_free_blocks_count == 0)
		return -ENOSPC;
	if (goal >= fs->sb.s_first_data_block && goal < fs->sb.s_blocks_count) {
		first = (goal - fs->sb.s_first_data_block) / bpg;
		start = (goal - fs->sb.s_first_data_block) % bpg;
	}
	for (uint32_t k = 0; k < fs->ngroups; k++) {
		uint32_t g = (first + k) % fs->ngroups, bit;
		struct ext2_group *gd = &fs->gd[g];

		if (gd->bg_free_blocks_count == 0)
			continue;
		int r = take_bit(fs, gd->bg_block_bitmap, group_blocks(fs, g),
				 k == 0 ? start : 0, 0, &bit);
		if (r == -ENOSPC)
			continue; /* count and bitmap disagree: look on */
		if (r != OK)
			return r;
		gd->bg_free_blocks_count--;
		fs->sb.s_free_blocks_count--;
		*blk = fs->sb.s_first_data_block + g * bpg + bit;
		return OK;
	}
	return -ENOSPC;
}

/* Free block blk; -EIO if it is out of range or already free. */
int ext2_bfree(struct ext2_fs *fs, uint32_t blk)
{
	if (blk < fs->sb.s_first_data_block || blk >= fs->sb.s_blocks_count)
		return -EIO;
	uint32_t g =
		(blk - fs->sb.s_first_data_block) / fs->sb.s_blocks_per_group;
	uint32_t bit =
		(blk - fs->sb.s_first_data_block) % fs->sb.s_blocks_per_group;
	int r = put_bit(fs, fs->gd[g].bg_block_bitmap, bit);
	if (r != OK)
		return r;
	ext2_cache_forget(fs, blk);
	fs->gd[g].bg_free_blocks_count++;
	fs->sb.s_free_blocks_count++;
	return OK;
}

/*
 * Allocate an inode, preferring the group of inode near.  A directory
 * counts in bg_used_dirs_count.  -ENOSPC when none is free.
 */
int ext2_ialloc(struct ext2_fs *fs, uint32_t near, bool dir, uint32_t *ino)
{
	uint32_t ipg = fs->sb.s_inodes_per_group, first = 0;

	if (fs->sb.s_free_inodes_count == 0)
		return -ENOSPC;
	if (near >= 1 && near <= fs->sb.s_inodes_count)
		first = (near - 1) / ipg;
	for (uint32_t k = 0; k < fs->ngroups; k++) {
		uint32_t g = (first + k) % fs->ngroups, bit;
		struct ext2_group *gd = &fs->gd[g];
		/* reserved inodes (below s_first_ino) are never handed out */
		uint32_t reserved = fs->sb.s_first_ino - 1 > g * ipg ?
					    fs->sb.s_first_ino - 1 - g * ipg :
					    0;

		if (gd->bg_free_inodes_count == 0)
			continue;
		int r = take_bit(fs, gd->bg_inode_bitmap, ipg, 0, reserved,
				 &bit);
		if (r == -ENOSPC)
			continue;
		if (r != OK)
			return r;
		gd->bg_free_inodes_count--;
		fs->sb.s_free_inodes_count--;
		if (dir)
			gd->bg_used_dirs_count++;
		*ino = g * ipg + bit + 1;
		return OK;
	}
	return -ENOSPC;
}

/* Free inode ino (a directory if dir); -EIO if it is free already. */
int ext2_ifree(struct ext2_fs *fs, uint32_t ino, bool dir)
{
	if (ino < fs->sb.s_first_ino || ino > fs->sb.s_inodes_count)
		return -EIO;
	uint32_t g = (ino - 1) / fs->sb.s_inodes_per_group;
	uint32_t bit = (ino - 1) % fs->sb.s_inodes_per_group;
	int r = put_bit(fs, fs->gd[g].bg_inode_bitmap, bit);
	if (r != OK)
		return r;
	fs->gd[g].bg_free_inodes_count++;
	fs->sb.s_free_inodes_count++;
	if (dir && fs->gd[g].bg_used_dirs_count > 0)
		fs->gd[g].bg_used_dirs_count--;
	return OK;
}
