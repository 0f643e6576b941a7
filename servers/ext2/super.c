// SPDX-License-Identifier: BSD-2-Clause
/*
 * Mounting: reading and checking the superblock and the group descriptor
 * table, refusing what we do not implement; writing both back at sync;
 * statfs figures.  Interface: ext2_mount, ext2_sync, ext2_unmount,
 * ext2_statfs.  Only the primary superblock and descriptor table are
 * updated; e2fsck does not require the backups to follow the free counts.
 *
 * There is no heap: one file system at a time is mounted, its state, its
 * group descriptor table and its cache buffers live in static storage
 * (EXT2_NBUF blocks of up to EXT2_MAX_BLOCK bytes, EXT2_GD_BYTES of group
 * descriptors).  A second mount while one is active is -EBUSY.
 */
#include <axo/errno.h>
#include <axo/fmt.h>

#include "ext2_priv.h"

/* Check a superblock we could work with; -EINVAL if not. */
static int super_check(const struct ext2_super *sb)
{
	if (sb->s_magic != EXT2_MAGIC)
		return -EINVAL; /* not ext2 */
	if (sb->s_log_block_size > 2)
		return -EINVAL; /* blocks of 1, 2 and 4 KiB only */
	if (sb->s_rev_level > 1)
		return -EINVAL;
	if (sb->s_rev_level == 1 &&
	    ((sb->s_feature_incompat & ~EXT2_INCOMPAT_SUPPORTED) ||
	     (sb->s_feature_ro_compat & ~EXT2_RO_COMPAT_SUPPORTED)))
		return -EINVAL; /* features we do not implement */
	if (sb->s_blocks_per_group == 0 || sb->s_inodes_per_group == 0 ||
	    sb->s_blocks_count <= sb->s_first_data_block ||
	    sb->s_inodes_count == 0)
		return -EINVAL;
	if (sb->s_rev_level == 1 &&
	    (sb->s_inode_size < EXT2_GOOD_OLD_INODE_SIZE ||
	     (sb->s_inode_size & (sb->s_inode_size - 1)) != 0 ||
	     sb->s_inode_size > (1024u << sb->s_log_block_size)))
		return -EINVAL;
	return OK;
}

/* Derive the figures of fs from its superblock. */
static void super_layout(struct ext2_fs *fs)
{
	const struct ext2_super *sb = &fs->sb;
	uint32_t per_block;

	fs->block_size = 1024u << sb->s_log_block_size;
	fs->apb = fs->block_size / 4;
	fs->inode_size = sb->s_rev_level == 1 ? sb->s_inode_size :
						EXT2_GOOD_OLD_INODE_SIZE;
	if (sb->s_rev_level == 0)
		fs->sb.s_first_ino = EXT2_GOOD_OLD_FIRST_INO;
	fs->ngroups = (sb->s_blocks_count - sb->s_first_data_block +
		       sb->s_blocks_per_group - 1) /
		      sb->s_blocks_per_group;
	per_block = fs->block_size / sizeof(struct ext2_group);
	fs->gd_blocks = (fs->ngroups + per_block - 1) / per_block;
	fs->filetype = sb->s_rev_level == 1 && (sb->s_feature_incompat &
						EXT2_FEATURE_INCOMPAT_FILETYPE);
}

static struct ext2_fs the_fs;
static bool the_fs_busy;
static uint8_t cache_space[EXT2_NBUF][EXT2_MAX_BLOCK];
static struct ext2_group gd_space[EXT2_GD_BYTES / sizeof(struct ext2_group)];

/* Hand the static cache buffers to fs. */
static void cache_attach(struct ext2_fs *fs)
{
	for (int i = 0; i < EXT2_NBUF; i++)
		fs->buf[i].data = cache_space[i];
}

/* Release the file system state for the next mount. */
static void fs_free(struct ext2_fs *fs)
{
	memset(fs, 0, sizeof(*fs));
	the_fs_busy = false;
}

/* Read and check the group descriptor table of fs. */
static int read_groups(struct ext2_fs *fs)
{
	uint64_t off =
		(uint64_t)(fs->sb.s_first_data_block + 1) * fs->block_size;

	if ((uint64_t)fs->gd_blocks * fs->block_size > sizeof(gd_space))
		return -ENOMEM; /* more groups than our table holds */
	fs->gd = gd_space;
	if (fs->dev.read(fs->dev.ctx, off, fs->gd,
			 (size_t)fs->gd_blocks * fs->block_size) != OK)
		return -EIO;
	for (uint32_t g = 0; g < fs->ngroups; g++) {
		const struct ext2_group *gd = &fs->gd[g];
		uint32_t itb = (fs->sb.s_inodes_per_group * fs->inode_size +
				fs->block_size - 1) /
			       fs->block_size;

		if (gd->bg_block_bitmap >= fs->sb.s_blocks_count ||
		    gd->bg_inode_bitmap >= fs->sb.s_blocks_count ||
		    gd->bg_inode_table + itb > fs->sb.s_blocks_count)
			return -EINVAL;
	}
	return OK;
}

/*
 * Mount the ext2 file system on dev into *out.  -EINVAL for something
 * that is not an ext2 file system we support (bad magic, revision,
 * block size, or an incompatible or read-only-compatible feature we do
 * not implement), -EIO, -ENOMEM (more groups than EXT2_GD_BYTES of
 * descriptors), -EBUSY if a file system is already mounted.  Nothing is
 * written at mount.
 */
int ext2_mount(const struct ext2_dev *dev, struct ext2_fs **out)
{
	struct ext2_fs *fs = &the_fs;
	int r;

	if (the_fs_busy)
		return -EBUSY;
	memset(fs, 0, sizeof(*fs));
	the_fs_busy = true;
	fs->dev = *dev;
	r = dev->read(dev->ctx, EXT2_SUPER_OFFSET, &fs->sb, sizeof(fs->sb));
	if (r != OK)
		r = -EIO;
	if (r == OK)
		r = super_check(&fs->sb);
	if (r == OK) {
		super_layout(fs);
		cache_attach(fs);
	}
	if (r == OK)
		r = read_groups(fs);
	if (r != OK) {
		fs_free(fs);
		return r;
	}
	*out = fs;
	return OK;
}

/*
 * Write everything cached to the device: data and metadata blocks, then
 * the group descriptors, then the superblock.  OK or -EIO.
 */
int ext2_sync(struct ext2_fs *fs)
{
	uint64_t off =
		(uint64_t)(fs->sb.s_first_data_block + 1) * fs->block_size;
	int r = ext2_cache_flush(fs);

	if (r != OK)
		return r;
	if (fs->dev.write(fs->dev.ctx, off, fs->gd,
			  (size_t)fs->gd_blocks * fs->block_size) != OK)
		return -EIO;
	fs->sb.s_wtime = ext2_now(fs);
	if (fs->dev.write(fs->dev.ctx, EXT2_SUPER_OFFSET, &fs->sb,
			  sizeof(fs->sb)) != OK)
		return -EIO;
	return OK;
}

/* Sync and release fs.  On a sync error fs stays mounted. */
int ext2_unmount(struct ext2_fs *fs)
{
	int r = ext2_sync(fs);

	if (r != OK)
		return r;
	fs_free(fs);
	return OK;
}

/* The file system's size and free space. */
void ext2_statfs(struct ext2_fs *fs, struct ext2_statfs *st)
{
	const struct ext2_super *sb = &fs->sb;

	st->bsize = fs->block_size;
	st->blocks = sb->s_blocks_count;
	st->bfree = sb->s_free_blocks_count;
	st->bavail = sb->s_free_blocks_count > sb->s_r_blocks_count ?
			     sb->s_free_blocks_count - sb->s_r_blocks_count :
			     0;
	st->files = sb->s_inodes_count;
	st->ffree = sb->s_free_inodes_count;
	st->namemax = EXT2_NAME_LEN;
}
