// SPDX-License-Identifier: BSD-2-Clause
/*
 * ln [-s] target name: make name a hard link to target, or with -s a
 * symbolic link holding target.  If name is a directory, the link goes
 * inside it under target's last component.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The last component of path (trailing slashes not handled). */
static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

int main(int argc, char **argv)
{
	bool symbolic = false;
	int i = 1;
	struct stat st;

	if (argc > 1 && strcmp(argv[1], "-s") == 0) {
		symbolic = true;
		i++;
	}
	if (argc - i != 2) {
		fputs("usage: ln [-s] target name\n", stderr);
		return 2;
	}
	const char *target = argv[i];
	const char *name = argv[i + 1];
	char *path = NULL;
	if (stat(name, &st) == 0 && S_ISDIR(st.st_mode)) {
		size_t len = strlen(name) + strlen(base_name(target)) + 2;
		path = malloc(len);
		if (path == NULL) {
			fputs("ln: out of memory\n", stderr);
			return 1;
		}
		snprintf(path, len, "%s/%s", name, base_name(target));
		name = path;
	}
	int err = symbolic ? symlink(target, name) : link(target, name);
	if (err < 0)
		fprintf(stderr, "ln: %s: %s\n", name, strerror(errno));
	free(path);
	return err < 0 ? 1 : 0;
}
