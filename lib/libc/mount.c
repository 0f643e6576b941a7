// SPDX-License-Identifier: BSD-2-Clause
/*
 * mount, umount (<sys/mount.h>) and statvfs (<sys/statvfs.h>): one VFS
 * request each.  Strings travel as address and length including the
 * NUL; VFS copies them.
 */
#include <string.h>
#include <sys/mount.h>
#include <sys/statvfs.h>

#include "libc_priv.h"

int mount(const char *source, const char *target, const char *fstype,
	  unsigned long flags, const void *data)
{
	message m = { 0 };

	(void)data;
	if (source == NULL || target == NULL || fstype == NULL)
		return libc_result(-EFAULT);
	if (flags & ~(unsigned long)MS_RDONLY)
		return libc_result(-EINVAL);
	m.vfs_mount = (struct vfs_mount_msg){
		.dev = (vir_bytes)source,
		.dev_len = strlen(source) + 1,
		.dir = (vir_bytes)target,
		.dir_len = strlen(target) + 1,
		.label = (vir_bytes)fstype,
		.label_len = strlen(fstype) + 1,
		.flags = (int32_t)flags,
	};
	return libc_result(libc_call(VFS_PROC_NR, VFS_MOUNT, &m));
}

int umount(const char *target)
{
	message m = { 0 };

	if (target == NULL)
		return libc_result(-EFAULT);
	m.vfs_path.path = (vir_bytes)target;
	m.vfs_path.path_len = strlen(target) + 1;
	return libc_result(libc_call(VFS_PROC_NR, VFS_UMOUNT, &m));
}

int statvfs(const char *restrict path, struct statvfs *restrict buf)
{
	struct vfs_statvfs v;
	message m = { 0 };
	int r;

	if (path == NULL || buf == NULL)
		return libc_result(-EFAULT);
	m.vfs_path.path = (vir_bytes)path;
	m.vfs_path.path_len = strlen(path) + 1;
	m.vfs_path.buf = (vir_bytes)&v;
	m.vfs_path.buf_len = sizeof(v);
	if ((r = libc_call(VFS_PROC_NR, VFS_STATVFS, &m)) < 0)
		return libc_result(r);
	*buf = (struct statvfs){
		.f_bsize = v.bsize,
		.f_frsize = v.bsize,
		.f_blocks = v.blocks,
		.f_bfree = v.bfree,
		.f_bavail = v.bfree,
		.f_files = v.files,
		.f_ffree = v.ffree,
		.f_favail = v.ffree,
		.f_namemax = v.namemax,
		.f_flag = (v.flags & VFS_MNT_RDONLY) ? ST_RDONLY : 0,
	};
	return 0;
}
