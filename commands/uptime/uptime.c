// SPDX-License-Identifier: BSD-2-Clause
/*
 * uptime: the time since boot and the number of processes, as
 * "up 0:01:23, 9 processes" ("up 2 days, 3:04:05, ..." after a day).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "sysinfo.h"

int main(int argc, char **argv)
{
	unsigned long s, days;
	unsigned procs;

	if (argc > 1) {
		fprintf(stderr, "uptime: %s: unknown argument\n", argv[1]);
		fputs("usage: uptime\n", stderr);
		return 2;
	}
	if (uptime_read(&s, &procs) < 0) {
		fprintf(stderr, "uptime: %s\n", strerror(errno));
		return 1;
	}
	days = s / 86400;
	s %= 86400;
	fputs("up ", stdout);
	if (days > 0)
		printf("%lu day%s, ", days, days == 1 ? "" : "s");
	printf("%lu:%02lu:%02lu, %u process%s\n", s / 3600, s / 60 % 60, s % 60,
	       procs, procs == 1 ? "" : "es");
	return 0;
}
