// SPDX-License-Identifier: BSD-2-Clause
/*
 * Host stand-in of the mount calls (see sysmount.h): mounts nothing, so
 * the host tests can drive the parsing and the mount table safely.  A
 * mount or unmount "succeeds" when dir is a directory, and fails with
 * stat's errno, or ENOTDIR, otherwise.
 */
#include "../common/sysmount.h"

#include <errno.h>
#include <sys/stat.h>

/* 0 if dir is a directory, else -1 with errno. */
static int check_dir(const char *dir)
{
	struct stat st;

	if (stat(dir, &st) < 0)
		return -1;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return -1;
	}
	return 0;
}

int sys_mount(const char *dev, const char *dir, const char *type, bool rdonly)
{
	(void)dev;
	(void)type;
	(void)rdonly;
	return check_dir(dir);
}

int sys_umount(const char *dir)
{
	return check_dir(dir);
}
