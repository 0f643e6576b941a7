// SPDX-License-Identifier: BSD-2-Clause
/*
 * Host stand-in for the acting calls of the shutdown sequence (see
 * power.h): it signals nobody and stops nothing, it prints what it would
 * do, and "fails" to stop with ENOSYS, so a host test sees the sequence.
 */
#include "../common/power.h"

#include <errno.h>
#include <stdio.h>

int power_signal_all(int sig)
{
	printf("kill -1 %d\n", sig);
	return 0;
}

void power_pause(void)
{
	puts("pause");
}

int power_stop(enum power_how how)
{
	static const char *const names[] = {
		[POWER_HALT] = "halt",
		[POWER_REBOOT] = "reboot",
		[POWER_OFF] = "poweroff",
	};

	printf("stop %s\n", names[how]);
	fflush(stdout);
	errno = ENOSYS;
	return -1;
}
