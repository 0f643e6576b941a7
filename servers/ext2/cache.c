// SPDX-License-Identifier: BSD-2-Clause
/*
 * The block cache: EXT2_NBUF buffers of one block each, written back
 * lazily.  Interface: ext2_bget() returns a held buffer (read from disk,
 * or zero-filled when the caller is about to give the block new contents),
 * ext2_bdirty() marks it changed, ext2_bput() lets it go.  An unheld
 * buffer is recycled least recently used first, written back first if
 * dirty.  ext2_cache_flush() writes every dirty buffer (the data half of
 * ext2_sync).  A buffer is written back together with the dirty
 * buffers of its neighbours on disk, one request for the run.
 * ext2_cached() tells whether a block has a buffer, for
 * readers that bypass the cache (file.c reads runs of blocks directly).
 */
#include <axo/errno.h>
#include <axo/fmt.h>

#include "ext2_priv.h"

/* The cached buffer of blk, or NULL. */
static struct ext2_buf *cache_find(struct ext2_fs *fs, uint32_t blk)
{
	for (int i = 0; i < EXT2_NBUF; i++) {
		if (fs->buf[i].valid && fs->buf[i].blk == blk)
			return &fs->buf[i];
	}
	return NULL;
}

/*
 * The dirty buffers of the blocks around b's (itself dirty) that follow
 * each other on disk, at most EXT2_RUN_BYTES of them, into run in block
 * order; their number.
 */
static uint32_t dirty_run(struct ext2_fs *fs, struct ext2_buf *b,
			  struct ext2_buf **run)
{
	uint32_t max = EXT2_RUN_BYTES / fs->block_size, first = b->blk, k = 0;
	struct ext2_buf *n;

	while (b->blk - first + 1 < max && first > 1 &&
	       (n = cache_find(fs, first - 1)) && n->dirty)
		first--;
	while (k < max && (n = cache_find(fs, first + k)) && n->dirty)
		run[k++] = n;
	return k;
}

/*
 * Write b back if it is dirty, and with it the dirty buffers of the
 * blocks next to it on disk: one device request for the run.  OK or
 * -EIO (then every buffer of the run stays dirty).
 */
static int cache_write(struct ext2_fs *fs, struct ext2_buf *b)
{
	static uint8_t stage[EXT2_RUN_BYTES];
	struct ext2_buf *run[EXT2_RUN_BYTES / EXT2_MIN_BLOCK] = { b };
	const uint8_t *src = b->data;

	if (!b->valid || !b->dirty)
		return OK;
	uint32_t k = dirty_run(fs, b, run);
	if (k > 1) {
		for (uint32_t i = 0; i < k; i++)
			memcpy(stage + (size_t)i * fs->block_size, run[i]->data,
			       fs->block_size);
		src = stage;
	}
	if (fs->dev.write(fs->dev.ctx, (uint64_t)run[0]->blk * fs->block_size,
			  src, (size_t)k * fs->block_size) != OK)
		return -EIO;
	for (uint32_t i = 0; i < k; i++)
		run[i]->dirty = false;
	return OK;
}

/* Whether block blk has a buffer (its contents may differ from the disk's). */
bool ext2_cached(struct ext2_fs *fs, uint32_t blk)
{
	return cache_find(fs, blk) != NULL;
}

/* An unheld buffer to reuse, written back and invalid; NULL if none. */
static int cache_victim(struct ext2_fs *fs, struct ext2_buf **out)
{
	struct ext2_buf *best = NULL;
	int r;

	for (int i = 0; i < EXT2_NBUF; i++) {
		struct ext2_buf *b = &fs->buf[i];

		if (b->refs > 0)
			continue;
		if (!b->valid) {
			best = b;
			break;
		}
		if (!best || b->used < best->used)
			best = b;
	}
	if (!best)
		return -ENOMEM; /* every buffer held: a leak in the caller */
	r = cache_write(fs, best);
	if (r != OK)
		return r;
	best->valid = false;
	*out = best;
	return OK;
}

/*
 * Hold block blk.  With fresh the buffer is zero-filled instead of read
 * (the caller gives a newly allocated block its contents) and marked dirty.
 * Returns -EIO for a block number outside the file system or a failed
 * read.
 */
int ext2_bget(struct ext2_fs *fs, uint32_t blk, bool fresh,
	      struct ext2_buf **out)
{
	struct ext2_buf *b;
	int r;

	if (blk == 0 || blk >= fs->sb.s_blocks_count)
		return -EIO;
	b = cache_find(fs, blk);
	if (!b) {
		r = cache_victim(fs, &b);
		if (r != OK)
			return r;
		if (!fresh &&
		    fs->dev.read(fs->dev.ctx, (uint64_t)blk * fs->block_size,
				 b->data, fs->block_size) != OK)
			return -EIO;
		b->blk = blk;
		b->valid = true;
		b->dirty = false;
	}
	if (fresh) {
		memset(b->data, 0, fs->block_size);
		b->dirty = true;
	}
	b->refs++;
	b->used = ++fs->clock;
	*out = b;
	return OK;
}

/* Release a buffer held by ext2_bget(). */
void ext2_bput(struct ext2_buf *b)
{
	if (b && b->refs > 0)
		b->refs--;
}

/* Mark a held buffer changed: it is written back before reuse or at sync. */
void ext2_bdirty(struct ext2_buf *b)
{
	b->dirty = true;
}

/* Drop a freed block from the cache without writing it. */
void ext2_cache_forget(struct ext2_fs *fs, uint32_t blk)
{
	struct ext2_buf *b = cache_find(fs, blk);

	if (b && b->refs == 0) {
		b->valid = false;
		b->dirty = false;
	}
}

/* Write back every dirty buffer; OK or the first error. */
int ext2_cache_flush(struct ext2_fs *fs)
{
	int err = OK;

	for (int i = 0; i < EXT2_NBUF; i++) {
		int r = cache_write(fs, &fs->buf[i]);

		if (r != OK && err == OK)
			err = r;
	}
	return err;
}
