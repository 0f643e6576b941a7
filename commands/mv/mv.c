// SPDX-License-Identifier: BSD-2-Clause
/*
 * mv src dst, mv src... dir: rename files and directories (within one
 * file system).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* rename with a message; 0 or 1. */
static int move(const char *src, const char *dst)
{
	if (rename(src, dst) < 0) {
		fprintf(stderr, "mv: %s -> %s: %s\n", src, dst,
			strerror(errno));
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct stat st;
	int status = 0;

	if (argc < 3) {
		fputs("usage: mv src dst | mv src... dir\n", stderr);
		return 2;
	}
	const char *last = argv[argc - 1];
	if (stat(last, &st) < 0 || !S_ISDIR(st.st_mode)) {
		if (argc > 3) {
			fprintf(stderr, "mv: %s: not a directory\n", last);
			return 1;
		}
		return move(argv[1], last);
	}
	for (int i = 1; i < argc - 1; i++) {
		size_t len = strlen(last) + strlen(base_name(argv[i])) + 2;
		char *dst = malloc(len);
		if (dst == NULL) {
			fputs("mv: out of memory\n", stderr);
			return 1;
		}
		snprintf(dst, len, "%s/%s", last, base_name(argv[i]));
		status |= move(argv[i], dst);
		free(dst);
	}
	return status;
}
