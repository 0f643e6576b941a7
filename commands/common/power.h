/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The shutdown sequence of shutdown and reboot: sync, SIGTERM to every
 * process, a moment's grace, SIGKILL to what is left, sync, then stop
 * the machine (PM has VFS sync and unmount before it does).  The calls
 * that act are in power_axo.c; power_host.c, for the host tests, only
 * prints what it would do.
 */
#ifndef CMD_POWER_H
#define CMD_POWER_H

enum power_how {
	POWER_HALT,
	POWER_REBOOT,
	POWER_OFF
};

/*
 * Run the sequence for how; prog names the command in error lines.
 * Returns only on failure: the exit status (1), after an error line.
 */
int power_run(const char *prog, enum power_how how);

/* The acting calls (power_axo.c / power_host.c). */
int power_signal_all(int sig);	    /* kill(-1, sig): 0 or -1 with errno */
void power_pause(void);		    /* the grace period */
int power_stop(enum power_how how); /* returns only on failure */

#endif
