// SPDX-License-Identifier: BSD-2-Clause
/* The shutdown sequence of shutdown and reboot (see power.h). */
#include "../common/power.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int power_run(const char *prog, enum power_how how)
{
	/* the caller itself must live through its own SIGTERM */
	signal(SIGTERM, SIG_IGN);
	signal(SIGHUP, SIG_IGN);
	sync();
	if (power_signal_all(SIGTERM) < 0 && errno != ESRCH)
		fprintf(stderr, "%s: kill: %s\n", prog, strerror(errno));
	power_pause();
	if (power_signal_all(SIGKILL) < 0 && errno != ESRCH)
		fprintf(stderr, "%s: kill: %s\n", prog, strerror(errno));
	sync();
	power_stop(how);
	fprintf(stderr, "%s: reboot: %s\n", prog, strerror(errno));
	return 1;
}
