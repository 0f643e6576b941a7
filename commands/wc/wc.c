// SPDX-License-Identifier: BSD-2-Clause
/*
 * wc [-l] [-w] [-c] [file...]: count lines, words and bytes of each file
 * (or standard input).  Without options all three are shown; with
 * several files a "total" line follows.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct counts {
	long long lines, words, bytes;
};

static bool show_lines, show_words, show_bytes;

/* Count fd into c; 0, or -1 with errno. */
static int count(int fd, struct counts *c)
{
	char buf[4096];
	bool in_word = false;
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		c->bytes += n;
		for (ssize_t i = 0; i < n; i++) {
			char ch = buf[i];
			bool space = ch == ' ' || ch == '\t' || ch == '\n' ||
				     ch == '\r' || ch == '\v' || ch == '\f';
			if (ch == '\n')
				c->lines++;
			if (!space && !in_word)
				c->words++;
			in_word = !space;
		}
	}
	return 0;
}

static void print_counts(const struct counts *c, const char *name)
{
	const long long values[] = { c->lines, c->words, c->bytes };
	const bool shown[] = { show_lines, show_words, show_bytes };
	const char *sep = "";

	for (int i = 0; i < 3; i++) {
		if (shown[i]) {
			printf("%s%7lld", sep, values[i]);
			sep = " ";
		}
	}
	printf("%s%s\n", name ? " " : "", name ? name : "");
}

/* Parse leading options; index of the first operand, or -1. */
static int parse_options(int argc, char **argv)
{
	int i = 1;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		for (const char *o = argv[i] + 1; *o; o++) {
			if (*o == 'l')
				show_lines = true;
			else if (*o == 'w')
				show_words = true;
			else if (*o == 'c')
				show_bytes = true;
			else {
				fprintf(stderr, "wc: -%c: unknown option\n",
					*o);
				return -1;
			}
		}
	}
	if (!show_lines && !show_words && !show_bytes)
		show_lines = show_words = show_bytes = true;
	return i;
}

int main(int argc, char **argv)
{
	int i = parse_options(argc, argv);
	struct counts total = { 0 };
	int status = 0;

	if (i < 0)
		return 2;
	if (i == argc) {
		struct counts c = { 0 };
		if (count(STDIN_FILENO, &c) < 0) {
			fprintf(stderr, "wc: stdin: %s\n", strerror(errno));
			return 1;
		}
		print_counts(&c, NULL);
		return 0;
	}
	int nfiles = argc - i;
	for (; i < argc; i++) {
		struct counts c = { 0 };
		int fd = open(argv[i], O_RDONLY);
		if (fd < 0 || count(fd, &c) < 0) {
			fprintf(stderr, "wc: %s: %s\n", argv[i],
				strerror(errno));
			status = 1;
			if (fd >= 0)
				close(fd);
			continue;
		}
		close(fd);
		print_counts(&c, argv[i]);
		total.lines += c.lines;
		total.words += c.words;
		total.bytes += c.bytes;
	}
	if (nfiles > 1)
		print_counts(&total, "total");
	return status;
}
