// SPDX-License-Identifier: BSD-2-Clause
/*
 * The mount table file of mount, umount and df (see mtab.h): parse and
 * format lines, read the table, append a line, remove one.  Removal
 * reads the whole file first and rewrites it only when a line matched.
 */
#include "../common/mtab.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

const char *mtab_path(void)
{
	const char *p = getenv("MTAB");

	return p != NULL && *p != '\0' ? p : MTAB_PATH;
}

/* Copy the next blank-separated word of *s to out[MTAB_FIELD]; advance. */
static bool next_field(const char **s, char *out)
{
	const char *p = *s;
	size_t n = 0;

	while (*p == ' ' || *p == '\t')
		p++;
	while (p[n] != '\0' && p[n] != ' ' && p[n] != '\t' && p[n] != '\n')
		n++;
	if (n == 0 || n >= MTAB_FIELD)
		return false;
	memcpy(out, p, n);
	out[n] = '\0';
	*s = p + n;
	return true;
}

bool mtab_parse(const char *line, struct mtab_entry *e)
{
	const char *p = line;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '#')
		return false;
	if (!next_field(&p, e->dev) || !next_field(&p, e->dir) ||
	    !next_field(&p, e->type))
		return false;
	if (!next_field(&p, e->opts))
		strcpy(e->opts, "rw");
	return true;
}

bool mtab_format(const struct mtab_entry *e, char *buf, size_t len)
{
	int n = snprintf(buf, len, "%s %s %s %s\n", e->dev, e->dir, e->type,
			 e->opts[0] != '\0' ? e->opts : "rw");

	return n > 0 && (size_t)n < len;
}

int mtab_read(const char *path, struct mtab_entry *e, int max)
{
	char line[4 * MTAB_FIELD + 8];
	FILE *f = fopen(path, "r");
	int n = 0;

	if (f == NULL)
		return -1;
	while (n < max && fgets(line, sizeof(line), f) != NULL)
		if (mtab_parse(line, &e[n]))
			n++;
	fclose(f);
	return n;
}

int mtab_append(const char *path, const struct mtab_entry *e)
{
	char line[4 * MTAB_FIELD + 8];
	FILE *f;
	int r = 0;

	if (!mtab_format(e, line, sizeof(line))) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if ((f = fopen(path, "a")) == NULL)
		return -1;
	if (fputs(line, f) == EOF)
		r = -1;
	if (fclose(f) == EOF)
		r = -1;
	return r;
}

/* Write e[0..n) except index skip to path, truncating it. */
static int mtab_rewrite(const char *path, const struct mtab_entry *e, int n,
			int skip)
{
	char line[4 * MTAB_FIELD + 8];
	FILE *f = fopen(path, "w");
	int r = 0;

	if (f == NULL)
		return -1;
	for (int i = 0; i < n; i++)
		if (i != skip && mtab_format(&e[i], line, sizeof(line)) &&
		    fputs(line, f) == EOF)
			r = -1;
	if (fclose(f) == EOF)
		r = -1;
	return r;
}

int mtab_remove(const char *path, const char *dir)
{
	static struct mtab_entry e[MTAB_MAX];
	int n = mtab_read(path, e, MTAB_MAX);
	int match = -1;

	if (n < 0)
		return -1;
	for (int i = 0; i < n; i++)
		if (strcmp(e[i].dir, dir) == 0)
			match = i;
	if (match < 0)
		return 0;
	return mtab_rewrite(path, e, n, match) < 0 ? -1 : 1;
}
