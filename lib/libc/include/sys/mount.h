/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Mounting file systems on Axolotl (newlib has no <sys/mount.h>).  A
 * mount names its file system server by label ("ext2"); the first mount,
 * of "/", names its device by one of the root devices VFS knows
 * (<axo/dmap.h>), e.g. mount("/dev/c0d0", "/", "ext2").  mount_flags()
 * takes MNT_RDONLY as well.
 */
#ifndef _SYS_MOUNT_H_
#define _SYS_MOUNT_H_

#define MNT_RDONLY 1 /* VFS_MNT_RDONLY */

int mount(const char *dev, const char *dir, const char *label);
int mount_flags(const char *dev, const char *dir, const char *label, int flags);
int umount(const char *dir);

#endif
