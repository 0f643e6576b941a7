/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The ext2 file system core: a library of plain C that knows nothing of
 * IPC.  The server wraps it in the VFS<->FS protocol; the host unit tests
 * drive it against images made by mke2fs and checked by e2fsck.
 *
 * Interface: ext2_mount() a device, then name files by inode number
 * (EXT2_ROOT_INO is "/"): ext2_lookup, ext2_create, ext2_mknod, ext2_mkdir,
 * ext2_unlink, ext2_rmdir, ext2_link, ext2_symlink, ext2_readlink,
 * ext2_rename, ext2_read, ext2_write, ext2_truncate, ext2_stat,
 * ext2_chmod, ext2_chown, ext2_utime, ext2_getdents, ext2_statfs,
 * ext2_sync, ext2_unmount; ext2_ino_check tells whether an inode number
 * from a client names a live inode.  Every call returns OK or -E* from
 * <axo/errno.h> (reads and writes return a byte count) and checks its
 * arguments before changing anything.  Changes sit in a small write-back
 * block cache until ext2_sync() or ext2_unmount().  There is no heap:
 * one file system is mounted at a time, in static storage (super.c).
 *
 * The disk is reached only through struct ext2_dev.  An inode whose link
 * count drops to zero is freed at once, unless the server's busy
 * predicate (ext2_set_busy) says a client still uses it: then it stays,
 * unnamed and with no links but readable and writable, until the server
 * calls ext2_release() when the last user has gone.
 *
 * The system image is to be built with
 *	mke2fs -q -F -t ext2 -b 1024 -I 128 -d <staging dir> <image> <size>
 * (the first test of test/unit/test_ext2_file.c uses exactly this).
 * Block sizes of 2048 and 4096 and 256-byte inodes work as well, as do
 * the compatible features plain `-t ext2` turns on: dir_index (a hashed
 * directory becomes a linear one when first changed), ext_attr and
 * resize_inode.  Incompatible and read-only-compatible features other
 * than filetype, sparse_super and large_file refuse the mount.
 */
#ifndef AXO_EXT2_H
#define AXO_EXT2_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ext2_fs.h"

/*
 * The block device: read or write n bytes at a byte offset, OK or -EIO;
 * now() gives the time in seconds since 1970 (NULL: time stands at 0).
 */
struct ext2_dev {
	int (*read)(void *ctx, uint64_t off, void *buf, size_t n);
	int (*write)(void *ctx, uint64_t off, const void *buf, size_t n);
	uint32_t (*now)(void *ctx);
	void *ctx;
};

struct ext2_fs; /* opaque: one mounted file system */

/* What ext2_stat() reports. */
struct ext2_stat {
	uint32_t ino;
	uint32_t mode; /* type and permission bits, EXT2_S_* */
	uint32_t nlink;
	uint32_t uid;
	uint32_t gid;
	uint32_t rdev; /* device number of a device node, else 0 */
	uint64_t size;
	uint64_t blocks; /* 512-byte sectors in use */
	uint32_t blksize;
	uint32_t atime;
	uint32_t mtime;
	uint32_t ctime;
};

/* What ext2_statfs() reports, in blocks of bsize bytes and inodes. */
struct ext2_statfs {
	uint32_t bsize;
	uint32_t blocks;
	uint32_t bfree;
	uint32_t bavail; /* free minus the blocks reserved for root */
	uint32_t files;
	uint32_t ffree;
	uint32_t namemax;
};

/* One directory entry returned by ext2_getdents(). */
struct ext2_dirent {
	uint32_t ino;
	uint8_t type; /* EXT2_FT_* (EXT2_FT_UNKNOWN without filetype) */
	uint8_t name_len;
	char name[EXT2_NAME_LEN + 1]; /* NUL-terminated */
};

int ext2_mount(const struct ext2_dev *dev, struct ext2_fs **out);
int ext2_sync(struct ext2_fs *fs);
int ext2_unmount(struct ext2_fs *fs);
void ext2_set_busy(struct ext2_fs *fs, bool (*busy)(uint32_t ino));
int ext2_release(struct ext2_fs *fs, uint32_t ino);
void ext2_statfs(struct ext2_fs *fs, struct ext2_statfs *st);

int ext2_lookup(struct ext2_fs *fs, uint32_t dir, const char *name,
		uint32_t *ino);
int ext2_create(struct ext2_fs *fs, uint32_t dir, const char *name,
		uint32_t mode, uint32_t uid, uint32_t gid, uint32_t *ino);
int ext2_mknod(struct ext2_fs *fs, uint32_t dir, const char *name,
	       uint32_t mode, uint32_t rdev, uint32_t uid, uint32_t gid,
	       uint32_t *ino);
int ext2_mkdir(struct ext2_fs *fs, uint32_t dir, const char *name,
	       uint32_t mode, uint32_t uid, uint32_t gid, uint32_t *ino);
int ext2_unlink(struct ext2_fs *fs, uint32_t dir, const char *name);
int ext2_rmdir(struct ext2_fs *fs, uint32_t dir, const char *name);
int ext2_link(struct ext2_fs *fs, uint32_t ino, uint32_t dir, const char *name);
int ext2_symlink(struct ext2_fs *fs, uint32_t dir, const char *name,
		 const char *target, uint32_t uid, uint32_t gid, uint32_t *ino);
long ext2_readlink(struct ext2_fs *fs, uint32_t ino, char *buf, size_t n);
int ext2_rename(struct ext2_fs *fs, uint32_t sdir, const char *sname,
		uint32_t ddir, const char *dname);

long ext2_read(struct ext2_fs *fs, uint32_t ino, uint64_t off, void *buf,
	       size_t n);
long ext2_write(struct ext2_fs *fs, uint32_t ino, uint64_t off, const void *buf,
		size_t n);
int ext2_truncate(struct ext2_fs *fs, uint32_t ino, uint64_t size);

int ext2_ino_check(struct ext2_fs *fs, uint32_t ino);
int ext2_stat(struct ext2_fs *fs, uint32_t ino, struct ext2_stat *st);
int ext2_chmod(struct ext2_fs *fs, uint32_t ino, uint32_t mode);
int ext2_chown(struct ext2_fs *fs, uint32_t ino, uint32_t uid, uint32_t gid);
int ext2_utime(struct ext2_fs *fs, uint32_t ino, uint32_t atime,
	       uint32_t mtime);
long ext2_getdents(struct ext2_fs *fs, uint32_t dir, uint64_t *cookie,
		   struct ext2_dirent *out, size_t max);

#endif
