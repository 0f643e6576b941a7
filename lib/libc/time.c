// SPDX-License-Identifier: BSD-2-Clause
/*
 * Time: the wall clock, process times and the alarm, from PM, and the
 * sleeps built on the alarm.
 *
 * sleep() uses SIGALRM: it blocks SIGALRM, installs a no-op handler,
 * arms PM's alarm and waits in sigsuspend; then it restores the caller's
 * handler and mask, and re-arms the caller's own alarm (less the time
 * slept, at least one second).  It returns early, with the seconds left,
 * when another handled signal arrives.  PM's alarm counts whole seconds,
 * so usleep rounds up to seconds.  (newlib declares nanosleep only
 * with _POSIX_TIMERS, which i686-elf lacks.)
 */
#include <signal.h>
#include <string.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>

#include "libc_priv.h"

/* Ticks (HZ a second) in newlib's clock_t unit, CLOCKS_PER_SEC. */
static clock_t ticks_to_clock(uint64_t ticks)
{
	return (clock_t)(ticks * CLOCKS_PER_SEC / HZ);
}

/*
 * Fills *buf (if not NULL) with the caller's and its reaped children's
 * times and returns the time since boot, both in CLOCKS_PER_SEC units
 * (newlib's clock() and sysconf(_SC_CLK_TCK) assume that unit).
 */
clock_t times(struct tms *buf)
{
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	r = libc_call(PM_PROC_NR, PM_TIMES, &m);
	if (r < 0)
		return (clock_t)libc_result(r);
	if (buf != NULL) {
		buf->tms_utime = ticks_to_clock(m.pm_times.utime);
		buf->tms_stime = ticks_to_clock(m.pm_times.stime);
		buf->tms_cutime = ticks_to_clock(m.pm_times.cutime);
		buf->tms_cstime = ticks_to_clock(m.pm_times.cstime);
	}
	return ticks_to_clock((uint64_t)m.pm_times.uptime_hi << 32 |
			      m.pm_times.uptime_lo);
}

/* The wall clock; a time zone, if asked for, is always UTC. */
int gettimeofday(struct timeval *restrict tv, void *restrict tz)
{
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	r = libc_call(PM_PROC_NR, PM_TIME, &m);
	if (r < 0)
		return libc_result(r);
	if (tv != NULL) {
		tv->tv_sec = m.pm_time.sec;
		tv->tv_usec = m.pm_time.usec;
	}
	if (tz != NULL)
		memset(tz, 0, sizeof(struct timezone));
	return 0;
}

/* Arms SIGALRM in secs seconds (0: cancel); returns the seconds left. */
unsigned alarm(unsigned secs)
{
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	m.pm_alarm.seconds = secs;
	r = libc_call(PM_PROC_NR, PM_ALARM, &m);
	return r < 0 ? 0 : (unsigned)r;
}

static void sleep_wakeup(int sig)
{
	(void)sig;
}

unsigned sleep(unsigned secs)
{
	struct sigaction act, oact;
	sigset_t alrm = (sigset_t)1 << SIGALRM, omask, wait_mask;
	unsigned prev, left, slept;

	if (secs == 0)
		return 0;
	memset(&act, 0, sizeof(act));
	act.sa_handler = sleep_wakeup;
	if (sigprocmask(SIG_BLOCK, &alrm, &omask) < 0)
		return secs;
	if (sigaction(SIGALRM, &act, &oact) < 0) {
		sigprocmask(SIG_SETMASK, &omask, NULL);
		return secs;
	}
	prev = alarm(secs);
	wait_mask = omask & ~alrm;
	sigsuspend(&wait_mask);
	left = alarm(0);
	sigaction(SIGALRM, &oact, NULL);
	sigprocmask(SIG_SETMASK, &omask, NULL);
	slept = secs - left;
	if (prev != 0)
		alarm(prev > slept ? prev - slept : 1);
	return left;
}

int usleep(useconds_t usecs)
{
	sleep((unsigned)((usecs + 999999ull) / 1000000));
	return 0;
}
