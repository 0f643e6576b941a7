// SPDX-License-Identifier: BSD-2-Clause
/* The acting calls of the shutdown sequence on Axolotl (see power.h). */
#include "../common/power.h"

#include <signal.h>
#include <sys/reboot.h>
#include <unistd.h>

#define GRACE_S 1 /* seconds processes get to end after SIGTERM */

int power_signal_all(int sig)
{
	return kill(-1, sig);
}

void power_pause(void)
{
	sleep(GRACE_S);
}

int power_stop(enum power_how how)
{
	static const int rb[] = {
		[POWER_HALT] = RB_HALT,
		[POWER_REBOOT] = RB_REBOOT,
		[POWER_OFF] = RB_POWEROFF,
	};

	return reboot(rb[how]);
}
