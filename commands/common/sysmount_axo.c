// SPDX-License-Identifier: BSD-2-Clause
/* The mount calls of mount and umount on Axolotl (see sysmount.h). */
#include "../common/sysmount.h"

#include <stddef.h>
#include <sys/mount.h>

int sys_mount(const char *dev, const char *dir, const char *type, bool rdonly)
{
	return mount(dev, dir, type, rdonly ? MS_RDONLY : 0, NULL);
}

int sys_umount(const char *dir)
{
	return umount(dir);
}
