// SPDX-License-Identifier: BSD-2-Clause
/*
 * ls [-l] [-a] [path...]: list files, one per line, sorted by name.
 * Operands that are files are listed first, then each directory's
 * entries (under a "dir:" heading when there are several operands).
 * -a shows names starting with '.'; -l gives mode, links, owner, group,
 * size, modification time and name (-> target for a symbolic link).
 * A missing operand gives "ls: path: reason" and exit status 1.
 */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <dirent.h>

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

static bool opt_long, opt_all;

/* "drwxr-xr-x" for mode into out (11 bytes). */
static void mode_string(mode_t mode, char *out)
{
	static const char rwx[] = "rwxrwxrwx";

	out[0] = S_ISDIR(mode)	? 'd' :
		 S_ISLNK(mode)	? 'l' :
		 S_ISCHR(mode)	? 'c' :
		 S_ISBLK(mode)	? 'b' :
		 S_ISFIFO(mode) ? 'p' :
				  '-';
	for (int i = 0; i < 9; i++)
		out[i + 1] = (mode & (0400 >> i)) ? rwx[i] : '-';
	out[10] = '\0';
}

/* Print one entry; path is for lstat, name is what is shown. */
static int show(const char *path, const char *name)
{
	struct stat st;
	char mode[11], when[32] = "";

	if (!opt_long) {
		puts(name);
		return 0;
	}
	if (lstat(path, &st) < 0) {
		fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
		return 1;
	}
	mode_string(st.st_mode, mode);
	time_t t = st.st_mtime;
	struct tm *tm = localtime(&t);
	if (tm != NULL)
		strftime(when, sizeof(when), "%b %e %H:%M", tm);
	printf("%s %2lu %4u %4u %8lld %s %s", mode, (unsigned long)st.st_nlink,
	       (unsigned)st.st_uid, (unsigned)st.st_gid, (long long)st.st_size,
	       when, name);
	if (S_ISLNK(st.st_mode)) {
		char target[PATH_MAX];
		ssize_t n = readlink(path, target, sizeof(target) - 1);
		if (n >= 0) {
			target[n] = '\0';
			printf(" -> %s", target);
		}
	}
	putchar('\n');
	return 0;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Read the names in dir (filtered by -a) into *names; count or -1. */
static long read_names(const char *path, char ***names)
{
	DIR *dir = opendir(path);
	struct dirent *de;
	size_t n = 0, cap = 0;

	*names = NULL;
	if (dir == NULL)
		return -1;
	while ((de = readdir(dir)) != NULL) {
		if (de->d_name[0] == '.' && !opt_all)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			char **grown = realloc(*names, cap * sizeof(char *));
			if (grown == NULL)
				break;
			*names = grown;
		}
		if (((*names)[n] = strdup(de->d_name)) == NULL)
			break;
		n++;
	}
	closedir(dir);
	qsort(*names, n, sizeof(char *), compare_names);
	return (long)n;
}

/* List one directory's entries; 0 or 1 after a message. */
static int list_dir(const char *path)
{
	char **names;
	long n = read_names(path, &names);
	int status = 0;

	if (n < 0) {
		fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
		return 1;
	}
	for (long i = 0; i < n; i++) {
		char full[PATH_MAX];
		snprintf(full, sizeof(full), "%s/%s", path, names[i]);
		status |= show(full, names[i]);
		free(names[i]);
	}
	free(names);
	return status;
}

/* Parse leading options; index of the first operand, or -1. */
static int parse_options(int argc, char **argv)
{
	int i = 1;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		for (const char *o = argv[i] + 1; *o; o++) {
			if (*o == 'l') {
				opt_long = true;
			} else if (*o == 'a') {
				opt_all = true;
			} else {
				fprintf(stderr, "ls: -%c: unknown option\n",
					*o);
				return -1;
			}
		}
	}
	return i;
}

/* True if path names a directory (following links); false on error. */
static bool is_dir(const char *path, int *status)
{
	struct stat st;

	if (stat(path, &st) == 0)
		return S_ISDIR(st.st_mode);
	if (lstat(path, &st) == 0)
		return false; /* a dangling symbolic link */
	fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
	*status = 1;
	return false;
}

int main(int argc, char **argv)
{
	int first = parse_options(argc, argv);
	int status = 0, ndirs = 0;
	struct stat st;

	if (first < 0)
		return 2;
	if (first == argc)
		return list_dir(".");
	qsort(argv + first, (size_t)(argc - first), sizeof(char *),
	      compare_names);
	for (int i = first; i < argc; i++) {
		if (is_dir(argv[i], &status))
			ndirs++;
		else if (lstat(argv[i], &st) == 0)
			status |= show(argv[i], argv[i]);
	}
	bool headings = argc - first > 1;
	bool need_gap = ndirs < argc - first;
	for (int i = first; i < argc; i++) {
		if (stat(argv[i], &st) < 0 || !S_ISDIR(st.st_mode))
			continue;
		if (headings)
			printf("%s%s:\n", need_gap ? "\n" : "", argv[i]);
		need_gap = true;
		status |= list_dir(argv[i]);
	}
	return status;
}
