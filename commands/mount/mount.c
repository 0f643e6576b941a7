// SPDX-License-Identifier: BSD-2-Clause
/*
 * mount: alone, list the mount table; mount DEV DIR [-t TYPE] [-r]:
 * mount the file system on device DEV at directory DIR (TYPE, the file
 * system server, ext2 by default; -r read-only) and record it in the
 * mount table (see ../common/mtab.h).  Options may come anywhere.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "../common/mtab.h"
#include "../common/sysmount.h"

#define DEFAULT_TYPE "ext2"

static int usage(void)
{
	fputs("usage: mount [DEV DIR [-t TYPE] [-r]]\n", stderr);
	return 2;
}

/* Print the mount table, one "DEV on DIR type TYPE (OPTS)" a line. */
static int list_mounts(void)
{
	static struct mtab_entry e[MTAB_MAX];
	const char *path = mtab_path();
	int n = mtab_read(path, e, MTAB_MAX);

	if (n < 0) {
		fprintf(stderr, "mount: %s: %s\n", path, strerror(errno));
		return 1;
	}
	for (int i = 0; i < n; i++)
		printf("%s on %s type %s (%s)\n", e[i].dev, e[i].dir, e[i].type,
		       e[i].opts);
	return 0;
}

/* Copy s into a field of an entry; false if it does not fit or is empty. */
static bool set_field(char *field, const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n >= MTAB_FIELD || strpbrk(s, " \t\n") != NULL)
		return false;
	memcpy(field, s, n + 1);
	return true;
}

/* Parse argv into *e; false (after the usage line) on bad arguments. */
static bool parse_args(int argc, char **argv, struct mtab_entry *e)
{
	const char *words[2], *type = DEFAULT_TYPE;
	bool rdonly = false;
	int nwords = 0;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-t") == 0 && i + 1 < argc)
			type = argv[++i];
		else if (strcmp(argv[i], "-r") == 0)
			rdonly = true;
		else if (argv[i][0] == '-' || nwords == 2)
			return false;
		else
			words[nwords++] = argv[i];
	}
	if (nwords != 2)
		return false;
	strcpy(e->opts, rdonly ? "ro" : "rw");
	return set_field(e->dev, words[0]) && set_field(e->dir, words[1]) &&
	       set_field(e->type, type);
}

int main(int argc, char **argv)
{
	static struct mtab_entry e;
	const char *path = mtab_path();

	if (argc == 1)
		return list_mounts();
	if (!parse_args(argc, argv, &e))
		return usage();
	if (sys_mount(e.dev, e.dir, e.type, strcmp(e.opts, "ro") == 0) < 0) {
		fprintf(stderr, "mount: %s: %s\n", e.dev, strerror(errno));
		return 1;
	}
	if (mtab_append(path, &e) < 0) {
		fprintf(stderr, "mount: %s: %s\n", path, strerror(errno));
		return 1;
	}
	return 0;
}
