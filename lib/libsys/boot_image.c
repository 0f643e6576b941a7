// SPDX-License-Identifier: BSD-2-Clause
/* The kernel's boot image table, and boot processes found by name. */
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

/* The endpoint of the boot process called name, or NONE. */
endpoint_t boot_endpoint(const char *name)
{
	struct boot_image_entry image[BOOT_IMAGE_MAX];
	int n = sys_boot_image(image);

	for (int i = 0; i < n; i++)
		if (!(image[i].flags & BOOT_FILE) &&
		    strcmp(image[i].name, name) == 0)
			return image[i].endpoint;
	return NONE;
}
