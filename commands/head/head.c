// SPDX-License-Identifier: BSD-2-Clause
/*
 * head [-n N | -N] [file...]: print the first N lines (10 by default)
 * of each file or of standard input; a "==> file <==" heading separates
 * several files.
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

/* Copy the first n lines of f to stdout. */
static void head(FILE *f, long n)
{
	int c;

	while (n > 0 && (c = getc(f)) != EOF) {
		putchar(c);
		if (c == '\n')
			n--;
	}
}

/* Options: the line count and index of the first operand; -1 if bad. */
static int parse_options(int argc, char **argv, long *n)
{
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
	if (arg != NULL && (*n = parse_count(arg)) < 0) {
		fprintf(stderr, "head: %s: invalid line count\n", arg);
		return -1;
	}
	return i > argc ? argc : i;
}

int main(int argc, char **argv)
{
	long n = 10;
	int i = parse_options(argc, argv, &n);
	int status = 0;

	if (i < 0)
		return 2;
	if (i == argc) {
		head(stdin, n);
		return 0;
	}
	for (int first = i; i < argc; i++) {
		FILE *f = fopen(argv[i], "r");
		if (f == NULL) {
			fprintf(stderr, "head: %s: %s\n", argv[i],
				strerror(errno));
			status = 1;
			continue;
		}
		if (argc - first > 1)
			printf("%s==> %s <==\n", i > first ? "\n" : "",
			       argv[i]);
		head(f, n);
		fclose(f);
	}
	return status;
}
