// SPDX-License-Identifier: BSD-2-Clause
/*
 * rm [-r] [-f] path...: remove files; with -r, directories and all they
 * hold (symbolic links are removed, never followed).  -f: no message and
 * no failure for paths that do not exist.  Options may be combined
 * ("-rf").
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <dirent.h>

static bool recursive, force;

static int fail(const char *path)
{
	if (force && errno == ENOENT)
		return 0;
	fprintf(stderr, "rm: %s: %s\n", path, strerror(errno));
	return 1;
}

static int remove_path(const char *path);

/* Remove everything inside directory path, then path; 0 or 1. */
static int remove_tree(const char *path)
{
	DIR *dir = opendir(path);
	struct dirent *de;
	int status = 0;

	if (dir == NULL)
		return fail(path);
	while ((de = readdir(dir)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		size_t len = strlen(path) + strlen(de->d_name) + 2;
		char *child = malloc(len);
		if (child == NULL) {
			fputs("rm: out of memory\n", stderr);
			status = 1;
			break;
		}
		snprintf(child, len, "%s/%s", path, de->d_name);
		status |= remove_path(child);
		free(child);
	}
	closedir(dir);
	if (rmdir(path) < 0)
		status |= fail(path);
	return status;
}

/* Remove one operand; 0 or 1 after a message. */
static int remove_path(const char *path)
{
	struct stat st;

	if (lstat(path, &st) < 0)
		return fail(path);
	if (S_ISDIR(st.st_mode)) {
		if (!recursive) {
			fprintf(stderr, "rm: %s: is a directory\n", path);
			return 1;
		}
		return remove_tree(path);
	}
	return unlink(path) < 0 ? fail(path) : 0;
}

/* Parse leading options; index of the first operand, -1 if bad. */
static int parse_options(int argc, char **argv)
{
	int i = 1;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		for (const char *o = argv[i] + 1; *o; o++) {
			if (*o == 'r' || *o == 'R') {
				recursive = true;
			} else if (*o == 'f') {
				force = true;
			} else {
				fprintf(stderr, "rm: -%c: unknown option\n",
					*o);
				return -1;
			}
		}
	}
	return i;
}

int main(int argc, char **argv)
{
	int i = parse_options(argc, argv);
	int status = 0;

	if (i < 0 || (i >= argc && !force)) {
		fputs("usage: rm [-rf] path...\n", stderr);
		return 2;
	}
	for (; i < argc; i++)
		status |= remove_path(argv[i]);
	return status;
}
