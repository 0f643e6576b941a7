// SPDX-License-Identifier: BSD-2-Clause
/*
 * Process calls, each one request to PM: exit, fork, wait, kill, process
 * ids, sessions and process groups.  newlib calls _exit, fork, wait,
 * kill and getpid itself; the rest are POSIX calls it declares in
 * <unistd.h> and <sys/wait.h> but leaves to the system.
 */
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "libc_priv.h"

/* One PM request with payload m; the result as a system call returns it. */
static int pm_call(int type, message *m)
{
	return libc_result(libc_call(PM_PROC_NR, type, m));
}

/* Ends the process; PM never answers PM_EXIT, so this cannot return. */
void _exit(int status)
{
	message m;

	for (;;) {
		memset(&m, 0, sizeof(m));
		m.pm_exit.status = status & 0xff;
		libc_call(PM_PROC_NR, PM_EXIT, &m);
	}
}

/* Returns the child's pid in the parent and 0 in the child, or -1. */
pid_t fork(void)
{
	message m;

	memset(&m, 0, sizeof(m));
	return pm_call(PM_FORK, &m);
}

/*
 * Waits for a child per pid (-1 any, > 0 that one, 0 or < -1 a group)
 * and options (WNOHANG, WUNTRACED).  Stores the status if status is not
 * NULL and returns the child's pid, 0 with WNOHANG and nothing to reap,
 * or -1 (ECHILD, EINTR ...).
 */
pid_t waitpid(pid_t pid, int *status, int options)
{
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	m.pm_wait.pid = pid;
	m.pm_wait.options = options;
	r = pm_call(PM_WAITPID, &m);
	if (r > 0 && status != NULL)
		*status = m.pm_wait.status;
	return r;
}

pid_t wait(int *status)
{
	return waitpid(-1, status, 0);
}

/* Sends sig (0: only check) to pid; see <axo/msg_pm.h> for pid's forms. */
int kill(pid_t pid, int sig)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.pm_kill.pid = pid;
	m.pm_kill.sig = sig;
	return pm_call(PM_KILL, &m);
}

/*
 * PM_GETPID and PM_GETUID carry no arguments: PM reads nothing of the
 * request but its type, so unlike the other calls these leave the rest
 * of the message unset (zeroing it costs ~40 instructions, a twentieth
 * of the whole call).
 */
pid_t getpid(void)
{
	message m;

	return pm_call(PM_GETPID, &m);
}

pid_t getppid(void)
{
	message m;

	if (pm_call(PM_GETPID, &m) < 0)
		return -1;
	return m.pm_ids.ppid;
}

/* All four ids in one PM_GETUID; they cannot fail. */
static struct pm_ids_msg get_ids(void)
{
	message m;

	pm_call(PM_GETUID, &m);
	return m.pm_ids;
}

uid_t getuid(void)
{
	return get_ids().uid;
}

uid_t geteuid(void)
{
	return get_ids().euid;
}

gid_t getgid(void)
{
	return get_ids().gid;
}

gid_t getegid(void)
{
	return get_ids().egid;
}

int setuid(uid_t uid)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.pm_ids.uid = uid;
	return pm_call(PM_SETUID, &m);
}

int setgid(gid_t gid)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.pm_ids.gid = gid;
	return pm_call(PM_SETGID, &m);
}

pid_t setsid(void)
{
	message m;

	memset(&m, 0, sizeof(m));
	return pm_call(PM_SETSID, &m);
}

/* Process group of pid (0: the caller). */
pid_t getpgid(pid_t pid)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.pm_pgid.pid = pid;
	return pm_call(PM_GETPGRP, &m);
}

pid_t getpgrp(void)
{
	return getpgid(0);
}

/* Moves pid (0: the caller) into group pgid (0: a group named pid). */
int setpgid(pid_t pid, pid_t pgid)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.pm_pgid.pid = pid;
	m.pm_pgid.pgid = pgid;
	return pm_call(PM_SETPGID, &m);
}

int setpgrp(void)
{
	return setpgid(0, 0);
}

/* Session id of pid (0: the caller). */
pid_t getsid(pid_t pid)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.pm_pgid.pid = pid;
	return pm_call(PM_GETSID, &m);
}
