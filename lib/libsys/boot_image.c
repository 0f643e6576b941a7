// SPDX-License-Identifier: BSD-2-Clause
/* sys_boot_image: the kernel's boot image table, as getinfo reports it. */
#include "syslib.h"

int sys_boot_image(struct boot_image_entry image[BOOT_IMAGE_MAX])
{
	struct kinfo ki;
	int r;

	if ((r = sys_getinfo(GET_KINFO, &ki, sizeof(ki), NONE)) != OK)
		return r;
	if (ki.nr_boot_procs > BOOT_IMAGE_MAX)
		return -E2BIG;
	r = sys_getinfo(GET_IMAGE, image,
			BOOT_IMAGE_MAX * sizeof(struct boot_image_entry), NONE);
	return r == OK ? (int)ki.nr_boot_procs : r;
}
