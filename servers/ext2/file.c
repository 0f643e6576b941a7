// SPDX-License-Identifier: BSD-2-Clause
/*
 * File contents and attributes: ext2_read, ext2_write (blocks allocated
 * as they are written, so skipped ranges stay holes), ext2_truncate (both
 * ways), ext2_stat, ext2_chmod, ext2_chown, ext2_utime.
 */
#include <axo/errno.h>
#include <axo/fmt.h>

#include "ext2_priv.h"

#define EXT2_IO_MAX 0x40000000u /* longest single transfer */

/* Read inode ino and check it may hold file data: -EISDIR, -EINVAL. */
static int file_get(struct ext2_fs *fs, uint32_t ino, struct ext2_node *n)
{
	int r = ext2_iget(fs, ino, n);

	if (r != OK)
		return r;
	if (!ext2_live(fs, n))
		return -ENOENT;
	if (ext2_is_dir(n))
		return -EISDIR;
	if ((n->d.i_mode & EXT2_S_IFMT) != EXT2_S_IFREG)
		return -EINVAL;
	return OK;
}

/*
 * How many blocks from logical block lblk on, which maps to the uncached
 * physical block pblk, follow each other on disk and are not cached
 * either: at least 1, at most max.
 */
static uint32_t run_length(struct ext2_fs *fs, struct ext2_node *node,
			   uint64_t lblk, uint32_t pblk, uint32_t max)
{
	uint32_t k = 1, next;

	while (k < max && ext2_bmap(fs, node, lblk + k, false, &next) == OK &&
	       next == pblk + k && next < fs->sb.s_blocks_count &&
	       !ext2_cached(fs, next))
		k++;
	return k;
}

/*
 * Read the file bytes at pos into dst, at most left of them, from one
 * block or, when whole uncached blocks are wanted, from a run of them
 * that lies contiguously on disk (one device request, past the cache).
 * The bytes read or -E*.
 */
static long read_some(struct ext2_fs *fs, struct ext2_node *node, uint64_t pos,
		      uint8_t *dst, size_t left)
{
	uint32_t in = (uint32_t)(pos % fs->block_size), pblk;
	uint64_t lblk = pos / fs->block_size;
	size_t chunk = fs->block_size - in;
	struct ext2_buf *b;
	int r = ext2_bmap(fs, node, lblk, false, &pblk);

	if (chunk > left)
		chunk = left;
	if (r != OK)
		return r;
	if (pblk == 0) {
		memset(dst, 0, chunk);
		return (long)chunk;
	}
	if (in == 0 && chunk == fs->block_size &&
	    pblk < fs->sb.s_blocks_count && !ext2_cached(fs, pblk)) {
		uint32_t k = run_length(fs, node, lblk, pblk,
					(uint32_t)(left / fs->block_size));
		chunk = (size_t)k * fs->block_size;
		r = fs->dev.read(fs->dev.ctx, (uint64_t)pblk * fs->block_size,
				 dst, chunk);
		return r == OK ? (long)chunk : -EIO;
	}
	if ((r = ext2_bget(fs, pblk, false, &b)) != OK)
		return r;
	memcpy(dst, b->data + in, chunk);
	ext2_bput(b);
	return (long)chunk;
}

/*
 * Read up to n bytes at off of regular file ino into buf.  Returns the
 * bytes read (0 at or past the end; holes read as zeros) or -E*.
 */
long ext2_read(struct ext2_fs *fs, uint32_t ino, uint64_t off, void *buf,
	       size_t n)
{
	struct ext2_node node;
	uint64_t size;
	size_t done = 0;
	int r = file_get(fs, ino, &node);

	if (r != OK)
		return r;
	size = ext2_isize(&node);
	if (off >= size)
		return 0;
	if (n > size - off)
		n = (size_t)(size - off);
	if (n > EXT2_IO_MAX)
		n = EXT2_IO_MAX;
	while (done < n) {
		long got = read_some(fs, &node, off + done,
				     (uint8_t *)buf + done, n - done);
		if (got < 0)
			return done > 0 ? (long)done : got;
		done += (size_t)got;
	}
	return (long)done;
}

/* Copy one chunk of a write into logical block lblk of node. */
static int write_chunk(struct ext2_fs *fs, struct ext2_node *node,
		       uint64_t lblk, uint32_t in, const void *src,
		       size_t chunk)
{
	struct ext2_buf *b;
	uint32_t pblk;
	int r = ext2_bmap(fs, node, lblk, true, &pblk);

	if (r != OK)
		return r;
	r = ext2_bget(fs, pblk, false, &b);
	if (r != OK)
		return r;
	memcpy(b->data + in, src, chunk);
	ext2_bdirty(b);
	ext2_bput(b);
	return OK;
}

/*
 * Write n bytes from buf at off of regular file ino, growing it as
 * needed.  Returns the bytes written; a write cut short by a full disk
 * returns what fitted, or -ENOSPC if nothing did.  -EFBIG past the
 * largest file.
 */
long ext2_write(struct ext2_fs *fs, uint32_t ino, uint64_t off, const void *buf,
		size_t n)
{
	uint64_t limit = ext2_max_blocks(fs) * fs->block_size;
	struct ext2_node node;
	size_t done = 0;
	int r = file_get(fs, ino, &node);

	if (r != OK)
		return r;
	if (n > EXT2_IO_MAX)
		n = EXT2_IO_MAX;
	if (off >= limit || n > limit - off)
		return -EFBIG;
	while (done < n && r == OK) {
		uint64_t pos = off + done;
		uint32_t in = (uint32_t)(pos % fs->block_size);
		size_t chunk = fs->block_size - in;

		if (chunk > n - done)
			chunk = n - done;
		r = write_chunk(fs, &node, pos / fs->block_size, in,
				(const uint8_t *)buf + done, chunk);
		if (r == OK)
			done += chunk;
	}
	if (off + done > ext2_isize(&node))
		ext2_set_isize(fs, &node, off + done);
	if (r != OK) /* free indirect blocks left without data */
		ext2_trunc_blocks(fs, &node,
				  (ext2_isize(&node) + fs->block_size - 1) /
					  fs->block_size);
	if (done > 0)
		node.d.i_mtime = node.d.i_ctime = ext2_now(fs);
	if (ext2_iput(fs, &node) != OK)
		return -EIO;
	return done > 0 ? (long)done : r;
}

/* Zero the bytes of node's last block from size on, if it is mapped. */
static int zero_tail(struct ext2_fs *fs, struct ext2_node *node, uint64_t size)
{
	uint32_t in = (uint32_t)(size % fs->block_size), pblk;
	struct ext2_buf *b;
	int r;

	if (in == 0)
		return OK;
	r = ext2_bmap(fs, node, size / fs->block_size, false, &pblk);
	if (r != OK || pblk == 0)
		return r;
	r = ext2_bget(fs, pblk, false, &b);
	if (r != OK)
		return r;
	memset(b->data + in, 0, fs->block_size - in);
	ext2_bdirty(b);
	ext2_bput(b);
	return OK;
}

/*
 * Set the size of regular file ino: blocks past the new end are freed,
 * growing leaves a hole.  -EISDIR, -EINVAL for other types, -EFBIG.
 */
int ext2_truncate(struct ext2_fs *fs, uint32_t ino, uint64_t size)
{
	struct ext2_node node;
	int r = file_get(fs, ino, &node);

	if (r != OK)
		return r;
	if (size > ext2_max_blocks(fs) * fs->block_size)
		return -EFBIG;
	if (size < ext2_isize(&node)) {
		r = ext2_trunc_blocks(fs, &node,
				      (size + fs->block_size - 1) /
					      fs->block_size);
		if (r == OK)
			r = zero_tail(fs, &node, size);
		if (r != OK)
			return r;
	}
	ext2_set_isize(fs, &node, size);
	node.d.i_mtime = node.d.i_ctime = ext2_now(fs);
	return ext2_iput(fs, &node);
}

/* Device number of a device node: old 16-bit form or the new one. */
static uint32_t node_rdev(const struct ext2_node *n)
{
	uint32_t t = n->d.i_mode & EXT2_S_IFMT;

	if (t != EXT2_S_IFCHR && t != EXT2_S_IFBLK)
		return 0;
	return n->d.i_block[0] != 0 ? n->d.i_block[0] : n->d.i_block[1];
}

/* Attributes of inode ino into *st; -EINVAL for a bad number. */
int ext2_stat(struct ext2_fs *fs, uint32_t ino, struct ext2_stat *st)
{
	struct ext2_node n;
	int r = ext2_iget(fs, ino, &n);

	if (r != OK)
		return r;
	if (!ext2_live(fs, &n))
		return -ENOENT;
	memset(st, 0, sizeof(*st));
	st->ino = ino;
	st->mode = n.d.i_mode;
	st->nlink = n.d.i_links_count;
	st->uid = n.d.i_uid | (uint32_t)n.d.i_uid_high << 16;
	st->gid = n.d.i_gid | (uint32_t)n.d.i_gid_high << 16;
	st->rdev = node_rdev(&n);
	st->size = ext2_isize(&n);
	st->blocks = n.d.i_blocks;
	st->blksize = fs->block_size;
	st->atime = n.d.i_atime;
	st->mtime = n.d.i_mtime;
	st->ctime = n.d.i_ctime;
	return OK;
}

/* Read a live inode for an attribute change. */
static int attr_get(struct ext2_fs *fs, uint32_t ino, struct ext2_node *n)
{
	int r = ext2_iget(fs, ino, n);

	if (r == OK && !ext2_live(fs, n))
		r = -ENOENT;
	return r;
}

/* Set the permission bits (EXT2_S_PERM) of ino; the type stays. */
int ext2_chmod(struct ext2_fs *fs, uint32_t ino, uint32_t mode)
{
	struct ext2_node n;
	int r = attr_get(fs, ino, &n);

	if (r != OK)
		return r;
	n.d.i_mode =
		(uint16_t)((n.d.i_mode & EXT2_S_IFMT) | (mode & EXT2_S_PERM));
	n.d.i_ctime = ext2_now(fs);
	return ext2_iput(fs, &n);
}

/* Set the owner and group of ino. */
int ext2_chown(struct ext2_fs *fs, uint32_t ino, uint32_t uid, uint32_t gid)
{
	struct ext2_node n;
	int r = attr_get(fs, ino, &n);

	if (r != OK)
		return r;
	n.d.i_uid = (uint16_t)uid;
	n.d.i_uid_high = (uint16_t)(uid >> 16);
	n.d.i_gid = (uint16_t)gid;
	n.d.i_gid_high = (uint16_t)(gid >> 16);
	n.d.i_ctime = ext2_now(fs);
	return ext2_iput(fs, &n);
}

/* Set the access and modification times of ino. */
int ext2_utime(struct ext2_fs *fs, uint32_t ino, uint32_t atime, uint32_t mtime)
{
	struct ext2_node n;
	int r = attr_get(fs, ino, &n);

	if (r != OK)
		return r;
	n.d.i_atime = atime;
	n.d.i_mtime = mtime;
	n.d.i_ctime = ext2_now(fs);
	return ext2_iput(fs, &n);
}
