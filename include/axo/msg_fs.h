/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The file system protocol between VFS and a file system server (ext2).
 * VFS owns descriptors, paths and mounts; a file system server knows only
 * inodes of one device.  VFS resolves a path one component at a time
 * with FS_LOOKUP (so it sees every mount point and symlink itself) and
 * names everything after that by inode number.  Every request is a
 * sendrec from VFS; the reply's m_type is OK, a byte count, or -E*.
 *
 * Names and data move through grants VFS makes: a name grant covers the
 * component and its NUL (len counts the NUL); a data grant covers count
 * bytes, in VFS's memory or, for a user's read and write, passed on from
 * the user's memory.  The server checks every length against the grant
 * before it copies and never trusts an inode number it did not hand out.
 */
#ifndef AXO_MSG_FS_H
#define AXO_MSG_FS_H

#include <axo/types.h>
#include <axo/msgtype.h>

#define FS_READSUPER (FS_RQ_BASE + 0)  /* fs_readsuper -> fs_node of the root */
#define FS_UNMOUNT   (FS_RQ_BASE + 1)  /* -> OK, or -EBUSY */
#define FS_LOOKUP    (FS_RQ_BASE + 2)  /* dir, name -> fs_node */
#define FS_PUTNODE   (FS_RQ_BASE + 3)  /* ino, pos_lo = references dropped */
#define FS_CREATE    (FS_RQ_BASE + 4)  /* dir, name, mode, uid, gid -> node */
#define FS_MKDIR     (FS_RQ_BASE + 5)  /* dir, name, mode, uid, gid -> node */
#define FS_MKNOD     (FS_RQ_BASE + 6)  /* ... and rdev -> fs_node */
#define FS_UNLINK    (FS_RQ_BASE + 7)  /* dir, name */
#define FS_RMDIR     (FS_RQ_BASE + 8)  /* dir, name */
#define FS_RENAME    (FS_RQ_BASE + 9)  /* dir, name -> ino (new dir), name2 */
#define FS_LINK	     (FS_RQ_BASE + 10) /* ino, dir, name */
#define FS_SYMLINK   (FS_RQ_BASE + 11) /* dir, name, name2 = target */
#define FS_RDLINK    (FS_RQ_BASE + 12) /* ino, grant, count -> bytes */
#define FS_READ	     (FS_RQ_BASE + 13) /* ino, pos, grant, count -> bytes */
#define FS_WRITE     (FS_RQ_BASE + 14) /* ino, pos, grant, count -> bytes */
#define FS_GETDENTS  (FS_RQ_BASE + 15) /* ino, pos, grant, count -> bytes */
#define FS_STAT	     (FS_RQ_BASE + 16) /* ino, grant: struct vfs_stat */
#define FS_CHMOD     (FS_RQ_BASE + 17) /* ino, mode */
#define FS_CHOWN     (FS_RQ_BASE + 18) /* ino, uid, gid */
#define FS_FTRUNC    (FS_RQ_BASE + 19) /* ino, pos = new size */
#define FS_UTIME     (FS_RQ_BASE + 20) /* ino, pos_lo = atime, pos_hi = mtime */
#define FS_STATVFS   (FS_RQ_BASE + 21) /* grant: struct vfs_statvfs */
#define FS_SYNC	     (FS_RQ_BASE + 22) /* write everything back */
#define FS_NR_CALLS  23

struct fs_rq {
	uint32_t ino;	     /* the inode the call is about */
	uint32_t dir;	     /* the directory a name is in */
	cp_grant_id_t name;  /* name grant */
	uint32_t name_len;   /* bytes including the NUL */
	cp_grant_id_t name2; /* RENAME: new name; SYMLINK: target */
	uint32_t name2_len;
	cp_grant_id_t grant;	 /* data */
	uint32_t count;		 /* bytes of data */
	uint32_t pos_lo, pos_hi; /* file position, new size, or times */
	uint32_t mode;		 /* type and permission bits */
	int32_t uid, gid;	 /* CREATE...: the new owner; CHOWN: -1 keeps */
	uint32_t rdev;		 /* MKNOD */
};

/* Mount: serve the device dev, whose block driver is driver. */
struct fs_readsuper {
	endpoint_t driver;
	uint32_t dev;	/* VFS_MAKEDEV(major, minor) */
	uint32_t flags; /* FS_RDONLY */
};

/*
 * The reply about one inode (READSUPER, LOOKUP, CREATE, MKDIR, MKNOD):
 * what VFS caches in its vnode.  GETDENTS and READ leave the position
 * after the last byte (or entry) transferred in pos_lo/pos_hi.
 */
struct fs_node {
	uint32_t ino;
	uint32_t mode;
	uint32_t size_lo, size_hi;
	int32_t uid, gid;
	uint32_t rdev;
	uint32_t nlink;
	uint32_t pos_lo, pos_hi; /* READ, WRITE, GETDENTS: the new position */
};

/* READSUPER flags. */
#define FS_RDONLY 1

#define MSG_FS_MEMBERS \
	struct fs_rq fs_rq; \
	struct fs_readsuper fs_readsuper; \
	struct fs_node fs_node;

_Static_assert(sizeof(struct fs_rq) <= MSG_PAYLOAD_SIZE, "fs_rq");
_Static_assert(sizeof(struct fs_node) <= MSG_PAYLOAD_SIZE, "fs_node");

#endif
