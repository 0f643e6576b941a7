// SPDX-License-Identifier: BSD-2-Clause
/*
 * mkdir [-p] dir...: create directories.  With -p, create missing
 * parents too and accept directories that already exist.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* mkdir that succeeds on an existing directory; 0 or -1 with errno. */
static int mkdir_exist_ok(const char *path)
{
	struct stat st;

	if (mkdir(path, 0777) == 0)
		return 0;
	int err = errno;
	if (err == EEXIST && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return 0;
	errno = err;
	return -1;
}

/* Create path and each missing parent; 0 or -1 with errno. */
static int mkdir_parents(const char *path)
{
	char *copy = strdup(path);
	int err = 0;

	if (copy == NULL)
		return -1;
	for (char *p = copy + 1; *p && err == 0; p++) {
		if (*p != '/' || p[-1] == '/')
			continue;
		*p = '\0';
		err = mkdir_exist_ok(copy);
		*p = '/';
	}
	if (err == 0)
		err = mkdir_exist_ok(copy);
	free(copy);
	return err;
}

int main(int argc, char **argv)
{
	bool parents = false;
	int status = 0;
	int i = 1;

	if (argc > 1 && strcmp(argv[1], "-p") == 0) {
		parents = true;
		i++;
	}
	if (i >= argc) {
		fputs("usage: mkdir [-p] dir...\n", stderr);
		return 2;
	}
	for (; i < argc; i++) {
		int err = parents ? mkdir_parents(argv[i]) :
				    mkdir(argv[i], 0777);
		if (err < 0) {
			fprintf(stderr, "mkdir: %s: %s\n", argv[i],
				strerror(errno));
			status = 1;
		}
	}
	return status;
}
