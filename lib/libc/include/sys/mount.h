/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * <sys/mount.h>: mount and unmount file systems (VFS_MOUNT, VFS_UMOUNT).
 * The argument order is Linux's, so that programs read the same here and
 * on the host; fstype names the file system server VFS starts ("ext2").
 */
#ifndef AXO_LIBC_SYS_MOUNT_H
#define AXO_LIBC_SYS_MOUNT_H

#include <axo/msg_vfs.h>

#define MS_RDONLY VFS_MNT_RDONLY

/*
 * Mount the file system on block device special file source at the
 * directory target, served by fstype; flags: MS_RDONLY.  data is unused
 * (pass NULL).  0, or -1 with errno.
 */
int mount(const char *source, const char *target, const char *fstype,
	  unsigned long flags, const void *data);

/* Unmount the file system mounted at target.  0, or -1 with errno. */
int umount(const char *target);

#endif
