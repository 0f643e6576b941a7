// SPDX-License-Identifier: BSD-2-Clause
/* uptime's figures from PM: times() and PM_GETPROCS (see sysinfo.h). */
#include "sysinfo.h"

#include <stddef.h>
#include <sys/times.h>
#include <time.h>

#include <axo/libc.h>

int uptime_read(unsigned long *seconds, unsigned *procs)
{
	struct tms t;
	clock_t now = times(&t);

	if (now == (clock_t)-1 || axo_procinfo(NULL, 0, procs) < 0)
		return -1;
	*seconds = (unsigned long)(now / CLOCKS_PER_SEC);
	return 0;
}
