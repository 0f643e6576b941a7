/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Shared by the stress programs (helloread, copyloop): run until SIGTERM
 * or until a time limit (SIGALRM), then print a summary.  stop_arm()
 * installs the handler for both signals without SA_RESTART, so a call
 * blocked when the signal comes returns EINTR and the loop can look at
 * stop_requested.
 */
#ifndef TEST_GUEST_STOP_H
#define TEST_GUEST_STOP_H

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t stop_requested;

static void stop_on_signal(int sig)
{
	(void)sig;
	stop_requested = 1;
}

/* Stop on SIGTERM, or after limit seconds (none if 0).  0, or -1. */
static inline int stop_arm(unsigned limit)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = stop_on_signal;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGTERM, &sa, NULL) != 0 ||
	    sigaction(SIGALRM, &sa, NULL) != 0)
		return -1;
	if (limit > 0)
		alarm(limit);
	return 0;
}

/* The time limit of argument arg (seconds), or fallback if absent. */
static inline unsigned stop_limit(const char *arg, unsigned fallback)
{
	return arg != NULL ? (unsigned)strtoul(arg, NULL, 10) : fallback;
}

#endif
