// SPDX-License-Identifier: BSD-2-Clause
/*
 * reboot: end every process and restart the machine (shutdown -r).
 * See ../common/power.h for the sequence.
 */
#include <stdio.h>

#include "../common/power.h"

int main(int argc, char **argv)
{
	if (argc > 1) {
		fprintf(stderr, "reboot: %s: unknown argument\n", argv[1]);
		fputs("usage: reboot\n", stderr);
		return 2;
	}
	return power_run("reboot", POWER_REBOOT);
}
