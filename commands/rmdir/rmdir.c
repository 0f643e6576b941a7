// SPDX-License-Identifier: BSD-2-Clause
/* rmdir dir...: remove empty directories; exit 1 if any failed. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int status = 0;

	if (argc < 2) {
		fputs("usage: rmdir dir...\n", stderr);
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		if (rmdir(argv[i]) < 0) {
			fprintf(stderr, "rmdir: %s: %s\n", argv[i],
				strerror(errno));
			status = 1;
		}
	}
	return status;
}
