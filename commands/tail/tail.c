// SPDX-License-Identifier: BSD-2-Clause
/*
 * tail [-n N | -N] [file]: print the last N lines (10 by default) of a
 * file or of standard input.  The input is read into memory.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Parse a line count; -1 if s is not a non-negative number. */
static long parse_count(const char *s)
{
	char *end;
	long n = strtol(s, &end, 10);

	return (*s >= '0' && *s <= '9' && *end == '\0') ? n : -1;
}

/* All of f in a malloc'd buffer; NULL (errno set) on failure. */
static char *slurp(FILE *f, size_t *len)
{
	size_t cap = 4096;
	char *buf = malloc(cap);
	size_t n;

	*len = 0;
	while (buf != NULL && (n = fread(buf + *len, 1, cap - *len, f)) > 0) {
		*len += n;
		if (*len == cap) {
			char *grown = realloc(buf, cap * 2);
			if (grown == NULL)
				free(buf);
			buf = grown;
			cap *= 2;
		}
	}
	if (buf != NULL && ferror(f)) {
		free(buf);
		return NULL;
	}
	return buf;
}

/*
 * Print the last n (> 0) lines of buf[0..len); a last line without a
 * newline counts as a line.
 */
static void print_tail(const char *buf, size_t len, long n)
{
	size_t start = len;

	if (start > 0 && buf[start - 1] == '\n')
		start--;
	while (start > 0) {
		if (buf[start - 1] == '\n' && --n == 0)
			break;
		start--;
	}
	fwrite(buf + start, 1, len - start, stdout);
}

int main(int argc, char **argv)
{
	long n = 10;
	int i = 1;
	const char *arg = NULL;

	if (i < argc && strcmp(argv[i], "-n") == 0) {
		arg = i + 1 < argc ? argv[i + 1] : "";
		i += 2;
	} else if (i < argc && strncmp(argv[i], "-n", 2) == 0) {
		arg = argv[i++] + 2;
	} else if (i < argc && argv[i][0] == '-' && argv[i][1]) {
		arg = argv[i++] + 1;
	}
	if (arg != NULL && (n = parse_count(arg)) < 0) {
		fprintf(stderr, "tail: %s: invalid line count\n", arg);
		return 2;
	}
	if (i < argc - 1) {
		fputs("usage: tail [-n N] [file]\n", stderr);
		return 2;
	}
	const char *name = i < argc ? argv[i] : NULL;
	FILE *f = name ? fopen(name, "r") : stdin;
	size_t len;
	char *buf = f ? slurp(f, &len) : NULL;
	if (buf == NULL) {
		fprintf(stderr, "tail: %s: %s\n", name ? name : "stdin",
			strerror(errno));
		return 1;
	}
	if (n > 0)
		print_tail(buf, len, n);
	free(buf);
	if (name)
		fclose(f);
	return 0;
}
