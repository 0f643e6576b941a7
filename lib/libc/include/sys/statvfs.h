/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * <sys/statvfs.h>: file system figures (VFS_STATVFS), as POSIX names
 * them.  Block counts are in f_frsize units (= f_bsize here).
 */
#ifndef AXO_LIBC_SYS_STATVFS_H
#define AXO_LIBC_SYS_STATVFS_H

#include <sys/types.h>

#define ST_RDONLY 1 /* VFS_MNT_RDONLY */
#define ST_NOSUID 2 /* never set: there is no set-uid yet */

struct statvfs {
	unsigned long f_bsize;
	unsigned long f_frsize;
	fsblkcnt_t f_blocks;
	fsblkcnt_t f_bfree;
	fsblkcnt_t f_bavail;
	fsfilcnt_t f_files;
	fsfilcnt_t f_ffree;
	fsfilcnt_t f_favail;
	unsigned long f_fsid;
	unsigned long f_flag;
	unsigned long f_namemax;
};

/* Figures of the file system holding path.  0, or -1 with errno. */
int statvfs(const char *restrict path, struct statvfs *restrict buf);

#endif
