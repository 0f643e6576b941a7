// SPDX-License-Identifier: BSD-2-Clause
/*
 * echo [-n] [arg...]: print the arguments separated by spaces, then a
 * newline unless -n is given.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	bool newline = true;
	int i = 1;

	if (argc > 1 && strcmp(argv[1], "-n") == 0) {
		newline = false;
		i++;
	}
	for (; i < argc; i++) {
		fputs(argv[i], stdout);
		if (i + 1 < argc)
			putchar(' ');
	}
	if (newline)
		putchar('\n');
	return fflush(stdout) == 0 ? 0 : 1;
}
