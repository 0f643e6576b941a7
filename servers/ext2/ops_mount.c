// SPDX-License-Identifier: BSD-2-Clause
/*
 * Requests about the whole file system: FS_READSUPER (open the block
 * device and mount), FS_UNMOUNT, FS_SYNC, FS_STATVFS, and FS_PUTNODE.
 *
 * FS_PUTNODE returns VFS's references (refs.c): an inode unlinked while
 * VFS holds it is freed at the last one, or at the unmount.
 */
#include "fs.h"

struct ext2_fs *fs_mounted;
uint32_t fs_dev;
bool fs_rdonly;

/*
 * Mount the device VFS names: open minor VFS_MINOR(dev) of the driver,
 * mount the ext2 file system on it and answer with the root's node.
 * -EBUSY if already mounted; the driver's or the core's error, with the
 * device closed again.
 */
int do_readsuper(endpoint_t caller, message *m)
{
	const struct fs_readsuper rq = m->fs_readsuper;
	bool rdonly = (rq.flags & FS_RDONLY) != 0;
	struct ext2_fs *fs;
	int r;

	(void)caller;
	if (fs_mounted != NULL)
		return -EBUSY;
	if (rq.driver == NONE || rq.driver == ANY || rq.driver == SELF)
		return -EINVAL;
	if ((r = bdev_open(rq.driver, (int)VFS_MINOR(rq.dev), rdonly)) != OK)
		return r;
	if ((r = ext2_mount(bdev_dev(), &fs)) != OK) {
		bdev_close();
		return r;
	}
	fs_mounted = fs;
	fs_dev = rq.dev;
	fs_rdonly = rdonly;
	refs_reset(fs);
	return fs_reply_node(EXT2_ROOT_INO, m);
}

/* Write everything back, release the mount and close the device. */
int do_unmount(endpoint_t caller, message *m)
{
	(void)caller;
	(void)m;
	int r = refs_release_all(fs_mounted); /* unlinked files still open */
	if (r == OK && !fs_rdonly)
		r = ext2_unmount(fs_mounted);
	if (r != OK)
		return r; /* still mounted: a later sync or unmount may work */
	refs_reset(NULL);
	fs_mounted = NULL;
	bdev_close();
	return OK;
}

/* VFS returns pos_lo references to ino (see refs.c). */
int do_putnode(endpoint_t caller, message *m)
{
	(void)caller;
	return refs_put(fs_mounted, m->fs_rq.ino, m->fs_rq.pos_lo);
}

/* Write every changed block, the group descriptors and the superblock. */
int do_sync(endpoint_t caller, message *m)
{
	(void)caller;
	(void)m;
	return fs_rdonly ? OK : ext2_sync(fs_mounted);
}

/* struct vfs_statvfs through the grant (at least its size). */
int do_statvfs(endpoint_t caller, message *m)
{
	const struct fs_rq rq = m->fs_rq;
	struct ext2_statfs st;
	struct vfs_statvfs out;

	if (rq.count != 0 && rq.count < sizeof(out))
		return -EINVAL; /* else the grant's size bounds the copy */
	ext2_statfs(fs_mounted, &st);
	proto_statvfs(&st, fs_rdonly ? VFS_MNT_RDONLY : 0, &out);
	return sys_safecopyto(caller, rq.grant, 0, &out, sizeof(out));
}
