// SPDX-License-Identifier: BSD-2-Clause
/*
 * grep [-v] [-c] [-n] [-i] string [file...]: print the lines that hold
 * string (a fixed string, not a pattern).  -v: lines that do not;
 * -c: only a count; -n: line numbers; -i: ignore case.  With several
 * files each line is prefixed with its file name.  Exit status 0 if a
 * line was selected, 1 if none, 2 on an error.
 */
#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool opt_invert, opt_count, opt_number, opt_icase;

/* True if needle occurs in hay (ignoring case with -i). */
static bool contains(const char *hay, const char *needle)
{
	if (!opt_icase)
		return strstr(hay, needle) != NULL;
	size_t n = strlen(needle);
	for (; *hay; hay++) {
		size_t i = 0;
		while (i < n && tolower((unsigned char)hay[i]) ==
					tolower((unsigned char)needle[i]))
			i++;
		if (i == n)
			return true;
	}
	return n == 0;
}

/* Read one line of any length (without the newline); NULL at EOF. */
static char *read_line(FILE *f, char **buf, size_t *cap)
{
	size_t len = 0;
	int c;

	while ((c = getc(f)) != EOF && c != '\n') {
		if (len + 2 > *cap) {
			size_t ncap = *cap ? *cap * 2 : 256;
			char *grown = realloc(*buf, ncap);
			if (grown == NULL)
				return NULL;
			*buf = grown;
			*cap = ncap;
		}
		(*buf)[len++] = (char)c;
	}
	if (c == EOF && len == 0)
		return NULL;
	if (*buf == NULL && (*buf = malloc(*cap = 1)) == NULL)
		return NULL;
	(*buf)[len] = '\0';
	return *buf;
}

/* Search f; the number of selected lines. */
static long search(FILE *f, const char *needle, const char *prefix)
{
	char *buf = NULL, *line;
	size_t cap = 0;
	long lineno = 0, selected = 0;

	while ((line = read_line(f, &buf, &cap)) != NULL) {
		lineno++;
		if (contains(line, needle) == opt_invert)
			continue;
		selected++;
		if (opt_count)
			continue;
		if (prefix)
			printf("%s:", prefix);
		if (opt_number)
			printf("%ld:", lineno);
		puts(line);
	}
	free(buf);
	if (opt_count) {
		if (prefix)
			printf("%s:", prefix);
		printf("%ld\n", selected);
	}
	return selected;
}

/* Parse leading options; index of the string operand, or -1. */
static int parse_options(int argc, char **argv)
{
	int i = 1;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		for (const char *o = argv[i] + 1; *o; o++) {
			bool *flag = *o == 'v' ? &opt_invert :
				     *o == 'c' ? &opt_count :
				     *o == 'n' ? &opt_number :
				     *o == 'i' ? &opt_icase :
						 NULL;
			if (flag == NULL) {
				fprintf(stderr, "grep: -%c: unknown option\n",
					*o);
				return -1;
			}
			*flag = true;
		}
	}
	if (i >= argc) {
		fputs("usage: grep [-vcni] string [file...]\n", stderr);
		return -1;
	}
	return i;
}

int main(int argc, char **argv)
{
	int i = parse_options(argc, argv);
	long selected = 0;
	bool error = false;

	if (i < 0)
		return 2;
	const char *needle = argv[i++];
	if (i == argc)
		selected = search(stdin, needle, NULL);
	for (int first = i; i < argc; i++) {
		FILE *f = fopen(argv[i], "r");
		if (f == NULL) {
			fprintf(stderr, "grep: %s: %s\n", argv[i],
				strerror(errno));
			error = true;
			continue;
		}
		selected +=
			search(f, needle, argc - first > 1 ? argv[i] : NULL);
		fclose(f);
	}
	if (error)
		return 2;
	return selected > 0 ? 0 : 1;
}
