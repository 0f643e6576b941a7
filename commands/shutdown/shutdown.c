// SPDX-License-Identifier: BSD-2-Clause
/*
 * shutdown [-h | -r | -p]: end every process and stop the machine:
 * -h halt, -r reboot, -p power off (the default).  See
 * ../common/power.h for the sequence.
 */
#include <stdio.h>
#include <string.h>

#include "../common/power.h"

int main(int argc, char **argv)
{
	enum power_how how = POWER_OFF;

	if (argc > 2)
		goto usage;
	if (argc == 2) {
		if (strcmp(argv[1], "-h") == 0)
			how = POWER_HALT;
		else if (strcmp(argv[1], "-r") == 0)
			how = POWER_REBOOT;
		else if (strcmp(argv[1], "-p") == 0)
			how = POWER_OFF;
		else {
			fprintf(stderr, "shutdown: %s: unknown option\n",
				argv[1]);
			goto usage;
		}
	}
	return power_run("shutdown", how);
usage:
	fputs("usage: shutdown [-h | -r | -p]\n", stderr);
	return 2;
}
