// SPDX-License-Identifier: BSD-2-Clause
/*
 * Block mapping: logical block of a file to disk block through the twelve
 * direct pointers and the single, double and triple indirect blocks.
 * Interface: ext2_bmap() looks a block up, allocating it (and the
 * indirect blocks on its path) on request; ext2_trunc_blocks() frees every
 * block from a logical block on, indirect blocks that become unused
 * included.  Both change the caller's struct ext2_node (i_block,
 * i_blocks); the caller writes it back.
 */
#include <axo/errno.h>
#include <axo/fmt.h>

#include "ext2_priv.h"

/* Number of logical blocks a file may have. */
uint64_t ext2_max_blocks(const struct ext2_fs *fs)
{
	uint64_t a = fs->apb;

	return EXT2_NDIR_BLOCKS + a + a * a + a * a * a;
}

/* A zero-filled new block near the inode's group, counted in i_blocks. */
static int alloc_zeroed(struct ext2_fs *fs, struct ext2_node *n, uint32_t *blk)
{
	uint32_t g = (n->ino - 1) / fs->sb.s_inodes_per_group;
	uint32_t goal =
		fs->sb.s_first_data_block + g * fs->sb.s_blocks_per_group;
	struct ext2_buf *b;
	int r = ext2_balloc(fs, goal, blk);

	if (r != OK)
		return r;
	r = ext2_bget(fs, *blk, true, &b);
	if (r != OK) {
		ext2_bfree(fs, *blk);
		return r;
	}
	ext2_bput(b);
	n->d.i_blocks += fs->block_size / 512;
	return OK;
}

/*
 * Split lblk into the i_block slot and the indexes in each indirect
 * level; returns the depth (0 for a direct block) or -EFBIG.
 */
static int bmap_path(const struct ext2_fs *fs, uint64_t lblk, uint32_t *slot,
		     uint32_t idx[3])
{
	uint64_t a = fs->apb, span = 1;
	int depth;

	if (lblk < EXT2_NDIR_BLOCKS) {
		*slot = (uint32_t)lblk;
		return 0;
	}
	lblk -= EXT2_NDIR_BLOCKS;
	for (depth = 1; depth <= 3; depth++) {
		span *= a;
		if (lblk < span)
			break;
		lblk -= span;
	}
	if (depth > 3)
		return -EFBIG;
	*slot = EXT2_IND_BLOCK + (uint32_t)depth - 1;
	for (int k = depth - 1; k >= 0; k--) {
		idx[k] = (uint32_t)(lblk % a);
		lblk /= a;
	}
	return depth;
}

/*
 * Disk block of logical block lblk of n into *pblk (0 for a hole when
 * !alloc).  With alloc, missing blocks on the path are allocated and
 * zeroed.  -EFBIG past the triple indirect range, -ENOSPC, -EIO.
 */
int ext2_bmap(struct ext2_fs *fs, struct ext2_node *n, uint64_t lblk,
	      bool alloc, uint32_t *pblk)
{
	uint32_t slot, idx[3], blk;
	int depth = bmap_path(fs, lblk, &slot, idx), r;

	if (depth < 0)
		return depth;
	blk = n->d.i_block[slot];
	if (blk == 0 && alloc) {
		r = alloc_zeroed(fs, n, &blk);
		if (r != OK)
			return r;
		n->d.i_block[slot] = blk;
	}
	for (int k = 0; k < depth && blk != 0; k++) {
		struct ext2_buf *b;
		uint32_t next;

		r = ext2_bget(fs, blk, false, &b);
		if (r != OK)
			return r;
		memcpy(&next, b->data + idx[k] * 4, 4);
		if (next == 0 && alloc) {
			r = alloc_zeroed(fs, n, &next);
			if (r != OK) {
				ext2_bput(b);
				return r;
			}
			memcpy(b->data + idx[k] * 4, &next, 4);
			ext2_bdirty(b);
		}
		ext2_bput(b);
		blk = next;
	}
	*pblk = blk;
	return OK;
}

/* Free one block of n and clear the pointer to it. */
static int free_one(struct ext2_fs *fs, struct ext2_node *n, uint32_t *ptr)
{
	int r = ext2_bfree(fs, *ptr);

	if (r != OK)
		return r;
	*ptr = 0;
	n->d.i_blocks -= fs->block_size / 512;
	return OK;
}

/*
 * Free the blocks at logical block base and up under *ptr, a tree of the
 * given depth (0: a data block) covering span logical blocks, that lie
 * at or past keep.  The tree's own block goes too when nothing in it
 * stays.
 */
static int free_tree(struct ext2_fs *fs, struct ext2_node *n, uint32_t *ptr,
		     int depth, uint64_t base, uint64_t span, uint64_t keep)
{
	if (*ptr == 0 || base + span <= keep)
		return OK;
	if (depth > 0) {
		uint64_t sub = span / fs->apb;
		struct ext2_buf *b;
		int r = ext2_bget(fs, *ptr, false, &b);

		if (r != OK)
			return r;
		for (uint32_t i = 0; i < fs->apb; i++) {
			uint32_t child;
			uint32_t *slot = (uint32_t *)(void *)(b->data + i * 4);

			memcpy(&child, slot, 4);
			if (child == 0)
				continue;
			r = free_tree(fs, n, &child, depth - 1, base + i * sub,
				      sub, keep);
			memcpy(slot, &child, 4);
			if (r != OK) {
				ext2_bdirty(b);
				ext2_bput(b);
				return r;
			}
		}
		ext2_bdirty(b);
		ext2_bput(b);
	}
	return base >= keep ? free_one(fs, n, ptr) : OK;
}

/*
 * Free every block of n from logical block keep on.  The caller fixes
 * the size and writes n back.
 */
int ext2_trunc_blocks(struct ext2_fs *fs, struct ext2_node *n, uint64_t keep)
{
	uint64_t base = EXT2_NDIR_BLOCKS, span = 1;
	int r;

	for (uint32_t i = 0; i < EXT2_NDIR_BLOCKS; i++) {
		if (i >= keep && n->d.i_block[i] != 0) {
			r = free_one(fs, n, &n->d.i_block[i]);
			if (r != OK)
				return r;
		}
	}
	for (int depth = 1; depth <= 3; depth++) {
		span *= fs->apb;
		r = free_tree(fs, n, &n->d.i_block[EXT2_IND_BLOCK + depth - 1],
			      depth, base, span, keep);
		if (r != OK)
			return r;
		base += span;
	}
	return OK;
}
