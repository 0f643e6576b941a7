// SPDX-License-Identifier: BSD-2-Clause
/*
 * umount DIR: unmount the file system mounted at DIR and remove its
 * line from the mount table (see ../common/mtab.h).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "../common/mtab.h"
#include "../common/sysmount.h"

int main(int argc, char **argv)
{
	const char *path = mtab_path();

	if (argc != 2 || argv[1][0] == '-') {
		fputs("usage: umount DIR\n", stderr);
		return 2;
	}
	if (sys_umount(argv[1]) < 0) {
		fprintf(stderr, "umount: %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	if (mtab_remove(path, argv[1]) < 0) {
		fprintf(stderr, "umount: %s: %s\n", path, strerror(errno));
		return 1;
	}
	return 0;
}
