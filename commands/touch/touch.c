// SPDX-License-Identifier: BSD-2-Clause
/*
 * touch file...: create each file that does not exist (empty), and set
 * the access and modification times of each to now.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

/* Create path if it is missing, then stamp it; 0 or -1 with errno. */
static int touch(const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0) {
		if (errno != ENOENT)
			return -1;
		int fd = open(path, O_WRONLY | O_CREAT, 0666);
		if (fd < 0)
			return -1;
		close(fd);
	}
	return utimes(path, NULL);
}

int main(int argc, char **argv)
{
	int status = 0;

	if (argc < 2) {
		fputs("usage: touch file...\n", stderr);
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		if (touch(argv[i]) < 0) {
			fprintf(stderr, "touch: %s: %s\n", argv[i],
				strerror(errno));
			status = 1;
		}
	}
	return status;
}
