// SPDX-License-Identifier: BSD-2-Clause
/*
 * sleep seconds: wait that long.  Seconds may have a fraction
 * ("0.5"), kept to microseconds.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Parse "N" or "N.F" into whole seconds and microseconds; -1 if bad. */
static int parse_time(const char *s, unsigned long *secs, unsigned long *usecs)
{
	char *end;
	unsigned long scale = 100000;

	if (!isdigit((unsigned char)*s))
		return -1;
	*secs = strtoul(s, &end, 10);
	*usecs = 0;
	if (*end == '.') {
		for (end++; isdigit((unsigned char)*end); end++) {
			*usecs += (unsigned long)(*end - '0') * scale;
			scale /= 10;
		}
	}
	return *end == '\0' ? 0 : -1;
}

int main(int argc, char **argv)
{
	unsigned long secs, usecs;

	if (argc != 2) {
		fputs("usage: sleep seconds\n", stderr);
		return 2;
	}
	if (parse_time(argv[1], &secs, &usecs)) {
		fprintf(stderr, "sleep: %s: invalid time\n", argv[1]);
		return 2;
	}
	if (secs > 0)
		sleep((unsigned)secs);
	if (usecs > 0)
		usleep((useconds_t)usecs);
	return 0;
}
