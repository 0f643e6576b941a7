// SPDX-License-Identifier: BSD-2-Clause
/*
 * Inodes: finding one in its group's inode table, reading and writing its
 * first 128 bytes through the block cache, setting up a new one and
 * releasing a dead one (blocks, extended-attribute block, dtime, bitmap).
 * Interface: ext2_iget, ext2_iput, ext2_inew, ext2_idrop and small
 * helpers on struct ext2_node.
 */
#include <axo/errno.h>
#include <axo/fmt.h>

#include "ext2_priv.h"

/* The caller's clock, or 0 without one. */
uint32_t ext2_now(struct ext2_fs *fs)
{
	return fs->dev.now ? fs->dev.now(fs->dev.ctx) : 0;
}

/* Block and byte offset of inode ino in the inode table; -EINVAL if the
 * number is out of range. */
static int inode_where(const struct ext2_fs *fs, uint32_t ino, uint32_t *blk,
		       uint32_t *off)
{
	uint32_t g, idx;
	uint64_t byte;

	if (ino < 1 || ino > fs->sb.s_inodes_count)
		return -EINVAL;
	g = (ino - 1) / fs->sb.s_inodes_per_group;
	idx = (ino - 1) % fs->sb.s_inodes_per_group;
	byte = (uint64_t)idx * fs->inode_size;
	*blk = fs->gd[g].bg_inode_table + (uint32_t)(byte / fs->block_size);
	*off = (uint32_t)(byte % fs->block_size);
	return OK;
}

/* Read inode ino into n.  -EINVAL for a bad number, -EIO on read error. */
int ext2_iget(struct ext2_fs *fs, uint32_t ino, struct ext2_node *n)
{
	struct ext2_buf *b;
	uint32_t blk, off;
	int r = inode_where(fs, ino, &blk, &off);

	if (r != OK)
		return r;
	r = ext2_bget(fs, blk, false, &b);
	if (r != OK)
		return r;
	n->ino = ino;
	memcpy(&n->d, b->data + off, sizeof(n->d));
	ext2_bput(b);
	return OK;
}

/*
 * Whether ino names an inode a client may use: in range, the root or not
 * one of the reserved inodes below s_first_ino, and in use (linked, with
 * a type).  OK, -EINVAL for a number out of range or reserved, -ENOENT
 * for a free inode, -EIO.
 */
int ext2_ino_check(struct ext2_fs *fs, uint32_t ino)
{
	struct ext2_node n;
	int r;

	if (ino != EXT2_ROOT_INO && ino < fs->sb.s_first_ino)
		return -EINVAL;
	if ((r = ext2_iget(fs, ino, &n)) != OK)
		return r;
	if (!ext2_live(fs, &n) || n.d.i_mode == 0)
		return -ENOENT;
	return OK;
}

/* Write n back into the inode table (the cache holds it until sync). */
int ext2_iput(struct ext2_fs *fs, const struct ext2_node *n)
{
	struct ext2_buf *b;
	uint32_t blk, off;
	int r = inode_where(fs, n->ino, &blk, &off);

	if (r != OK)
		return r;
	r = ext2_bget(fs, blk, false, &b);
	if (r != OK)
		return r;
	memcpy(b->data + off, &n->d, sizeof(n->d));
	ext2_bdirty(b);
	ext2_bput(b);
	return OK;
}

/*
 * Give the freshly allocated inode ino a clean slate: the whole on-disk
 * inode zeroed (the extra space of large inodes sized for the standard
 * extra fields), then mode, owner, one link and the current times.
 */
int ext2_inew(struct ext2_fs *fs, uint32_t ino, uint32_t mode, uint32_t uid,
	      uint32_t gid, struct ext2_node *n)
{
	struct ext2_buf *b;
	uint32_t blk, off, now = ext2_now(fs);
	int r = inode_where(fs, ino, &blk, &off);

	if (r != OK)
		return r;
	r = ext2_bget(fs, blk, false, &b);
	if (r != OK)
		return r;
	memset(b->data + off, 0, fs->inode_size);
	if (fs->inode_size > EXT2_GOOD_OLD_INODE_SIZE) {
		uint16_t extra = 32; /* i_extra_isize: the ext4 extra fields */

		memcpy(b->data + off + EXT2_GOOD_OLD_INODE_SIZE, &extra,
		       sizeof(extra));
	}
	ext2_bdirty(b);
	ext2_bput(b);
	memset(n, 0, sizeof(*n));
	n->ino = ino;
	n->d.i_mode = (uint16_t)mode;
	n->d.i_uid = (uint16_t)uid;
	n->d.i_uid_high = (uint16_t)(uid >> 16);
	n->d.i_gid = (uint16_t)gid;
	n->d.i_gid_high = (uint16_t)(gid >> 16);
	n->d.i_links_count = 1;
	n->d.i_atime = n->d.i_ctime = n->d.i_mtime = now;
	return OK;
}

/* Free an extended-attribute block, or drop one reference to it. */
static int xattr_release(struct ext2_fs *fs, struct ext2_node *n)
{
	struct ext2_buf *b;
	uint32_t hdr[2];
	int r;

	if (n->d.i_file_acl == 0)
		return OK;
	r = ext2_bget(fs, n->d.i_file_acl, false, &b);
	if (r != OK)
		return r;
	memcpy(hdr, b->data, sizeof(hdr));
	if (hdr[0] == EXT2_XATTR_MAGIC && hdr[1] > 1) {
		hdr[1]--;
		memcpy(b->data, hdr, sizeof(hdr));
		ext2_bdirty(b);
		ext2_bput(b);
	} else {
		ext2_bput(b);
		r = ext2_bfree(fs, n->d.i_file_acl);
		if (r != OK)
			return r;
	}
	n->d.i_blocks -= fs->block_size / 512;
	n->d.i_file_acl = 0;
	return OK;
}

/*
 * Release an inode whose last link is gone: free its blocks, set dtime,
 * write it back and clear its bitmap bit.
 */
int ext2_idrop(struct ext2_fs *fs, struct ext2_node *n)
{
	bool dir = ext2_is_dir(n);
	int r = OK;

	if (!ext2_fast_symlink(fs, n))
		r = ext2_trunc_blocks(fs, n, 0);
	if (r == OK)
		r = xattr_release(fs, n);
	if (r != OK)
		return r;
	n->d.i_links_count = 0;
	n->d.i_size = 0;
	n->d.i_size_high = 0;
	n->d.i_dtime = ext2_now(fs);
	if (n->d.i_dtime == 0)
		n->d.i_dtime = 1; /* e2fsck reads dtime 0 as "in use" */
	r = ext2_iput(fs, n);
	if (r != OK)
		return r;
	return ext2_ifree(fs, n->ino, dir);
}

/* The size in bytes (i_size_high counts for regular files only). */
uint64_t ext2_isize(const struct ext2_node *n)
{
	uint64_t size = n->d.i_size;

	if ((n->d.i_mode & EXT2_S_IFMT) == EXT2_S_IFREG)
		size |= (uint64_t)n->d.i_size_high << 32;
	return size;
}

/* Set the size, raising the large_file feature for sizes of 2 GiB up. */
void ext2_set_isize(struct ext2_fs *fs, struct ext2_node *n, uint64_t size)
{
	n->d.i_size = (uint32_t)size;
	if ((n->d.i_mode & EXT2_S_IFMT) != EXT2_S_IFREG)
		return;
	n->d.i_size_high = (uint32_t)(size >> 32);
	if (size >= (1ull << 31))
		fs->sb.s_feature_ro_compat |= EXT2_FEATURE_RO_COMPAT_LARGE_FILE;
}

bool ext2_is_dir(const struct ext2_node *n)
{
	return (n->d.i_mode & EXT2_S_IFMT) == EXT2_S_IFDIR;
}

/* A symlink whose target lives in i_block (no data block of its own). */
bool ext2_fast_symlink(const struct ext2_fs *fs, const struct ext2_node *n)
{
	uint32_t acl = n->d.i_file_acl ? fs->block_size / 512 : 0;

	return (n->d.i_mode & EXT2_S_IFMT) == EXT2_S_IFLNK &&
	       n->d.i_blocks == acl;
}

/* The directory-entry file type for an inode mode. */
uint8_t ext2_ftype(uint32_t mode)
{
	switch (mode & EXT2_S_IFMT) {
	case EXT2_S_IFREG:
		return EXT2_FT_REG_FILE;
	case EXT2_S_IFDIR:
		return EXT2_FT_DIR;
	case EXT2_S_IFCHR:
		return EXT2_FT_CHRDEV;
	case EXT2_S_IFBLK:
		return EXT2_FT_BLKDEV;
	case EXT2_S_IFIFO:
		return EXT2_FT_FIFO;
	case EXT2_S_IFSOCK:
		return EXT2_FT_SOCK;
	case EXT2_S_IFLNK:
		return EXT2_FT_SYMLINK;
	default:
		return EXT2_FT_UNKNOWN;
	}
}
