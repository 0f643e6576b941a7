// SPDX-License-Identifier: BSD-2-Clause
/*
 * permtest: the permission matrix of issue 7.  Run as root; every cell
 * runs in a child that becomes uid PERM_UID and tries one forbidden
 * thing: IPC to servers and drivers users may not reach, IPC traps other
 * than sendrec, every kernel call, a forged grant, port I/O, writing
 * devices and root's files, requests only root or a server may make,
 * and `service` changes.  Each must be denied with the documented error:
 * ECALLDENIED for IPC outside the user's set and for kernel calls
 * (EBADREQUEST for numbers that name none), ETRAPDENIED for traps other
 * than sendrec, EACCES/EPERM from the servers, exit status 1 (EPERM)
 * from `service`, and for privileged instructions the child killed with
 * SIGILL (SIGSEGV for kernel memory: exception.c).  A cell whose child
 * hangs is killed after WATCHDOG seconds and fails.  One line per cell:
 *
 *   perm: <what> -> <what happened> ok|FAIL (want <expected>)
 *
 * then "perm: N passed, M failed"; the exit status is 0 only if M is 0.
 * test/boot/perm_matrix.py runs it.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <axo/libc.h>

#include "permtest.h"

#define WATCHDOG 10
#define KILLED	 1000 /* want: KILLED + signal number */

struct cell {
	char what[48];
	int (*fn)(int arg);
	int arg;
	const char *const *argv; /* instead of fn: run this program */
	int want;		 /* error number, or KILLED + signal */
};

static const char *const svc_down[] = { "service", "down", "hello", NULL };
static const char *const svc_fi[] = { "service", "fi", "hello", NULL };
static const char *const svc_refresh[] = { "service", "refresh", "hello",
					   NULL };
static const char *const svc_restart[] = { "service", "restart", "hello",
					   NULL };
static const char *const svc_clone[] = { "service", "clone", "hello", NULL };
static const char *const svc_unclone[] = { "service", "unclone", "vm", NULL };
static const char *const svc_up[] = { "service", "up",	   "/service/hello",
				      "-label",	 "hello2", NULL };
static const char *const svc_edit[] = { "service", "edit",  "/service/hello",
					"-label",  "hello", "-period",
					"2HZ",	   NULL };
static const char *const svc_update[] = { "service", "update", "hello", NULL };
static const char *const svc_shutdown[] = { "service", "shutdown", NULL };

static const struct {
	const char *name;
	int nr;
} kcalls[] = {
#define KCALL_ENTRY(name, nr, fn) { #name, nr },
	KCALL_LIST(KCALL_ENTRY)
#undef KCALL_ENTRY
};

static const struct cell fixed_cells[] = {
	{ "ipc sendrec to ds", cell_ipc, DS_PROC_NR, NULL, ECALLDENIED },
	{ "ipc sendrec to init", cell_ipc, INIT_PROC_NR, NULL, ECALLDENIED },
	{ "ipc sendrec to memory", cell_ipc, 6, NULL, ECALLDENIED },
	{ "ipc sendrec to tty", cell_ipc, 7, NULL, ECALLDENIED },
	{ "ipc sendrec to ata", cell_ipc, 8, NULL, ECALLDENIED },
	{ "ipc sendrec to ext2", cell_ipc, 9, NULL, ECALLDENIED },
	{ "ipc sendrec to hello", cell_ipc, 10, NULL, ECALLDENIED },
	{ "ipc sendrec to SYSTEM", cell_ipc, SYSTEM, NULL, ECALLDENIED },
	{ "ipc sendrec to CLOCK", cell_ipc, CLOCK, NULL, ECALLDENIED },
	{ "ipc sendrec to KERNEL", cell_ipc, KERNEL, NULL, ECALLDENIED },
	{ "ipc send to pm", cell_trap, SEND, NULL, ETRAPDENIED },
	{ "ipc receive", cell_trap, RECEIVE, NULL, ETRAPDENIED },
	{ "ipc notify to pm", cell_trap, NOTIFY, NULL, ETRAPDENIED },
	{ "ipc sendnb to pm", cell_trap, SENDNB, NULL, ETRAPDENIED },
	{ "ipc sendrecnb to pm", cell_trap, SENDRECNB, NULL, ETRAPDENIED },
	{ "ipc senda", cell_trap, SENDA, NULL, ETRAPDENIED },
	{ "kernel call number 3 (unused)", cell_kcall, 3, NULL, EBADREQUEST },
	{ "kernel call past the last", cell_kcall, NR_SYS_CALLS, NULL,
	  EBADREQUEST },
	{ "safecopy with a forged grant of vfs", cell_forged_grant, 0, NULL,
	  ECALLDENIED },
	{ "safecopy with a forged grant of pm", cell_forged_grant, 1, NULL,
	  ECALLDENIED },
	{ "port io: inb 0x3f8", cell_port_io, 0, NULL, KILLED + SIGILL },
	{ "port io: outb 0x80", cell_port_io, 1, NULL, KILLED + SIGILL },
	{ "privileged insn: cli", cell_port_io, 2, NULL, KILLED + SIGILL },
	{ "privileged insn: hlt", cell_port_io, 3, NULL, KILLED + SIGILL },
	{ "read kernel memory", cell_port_io, 4, NULL, KILLED + SIGSEGV },
	{ "open /dev/ram for writing", cell_open_write, 0, NULL, EACCES },
	{ "open /dev/c0d0 for writing", cell_open_write, 1, NULL, EACCES },
	{ "open /dev/hello for writing", cell_open_write, 2, NULL, EACCES },
	{ "open /etc/motd for writing", cell_open_write, 3, NULL, EACCES },
	{ "open /dev/c0d0 for reading", cell_open_disk, 0, NULL, EACCES },
	{ "pm reboot", cell_server, 0, NULL, EPERM },
	{ "pm setuid(0)", cell_server, 1, NULL, EPERM },
	{ "pm kill init", cell_server, 2, NULL, EPERM },
	{ "vfs mount", cell_server, 3, NULL, EPERM },
	{ "vfs umount /", cell_server, 4, NULL, EPERM },
	{ "vfs chown /etc/motd", cell_server, 5, NULL, EPERM },
	{ "vfs mapdriver (RS only)", cell_server, 6, NULL, EPERM },
	{ "vfs pm_exit (PM only)", cell_server, 7, NULL, EPERM },
	{ "pm srv_fork (RS only)", cell_server, 8, NULL, EPERM },
	{ "vm exit of vfs (PM only)", cell_server, 9, NULL, EPERM },
	{ "rs shutdown", cell_server, 10, NULL, EPERM },
	{ "fault injection request to vfs", cell_server, 11, NULL, ENOSYS },
	{ "forged driver reply to vfs", cell_server, 12, NULL, EPERM },
	{ "service down hello", NULL, 0, svc_down, EPERM },
	{ "service fi hello", NULL, 0, svc_fi, EPERM },
	{ "service refresh hello", NULL, 0, svc_refresh, EPERM },
	{ "service restart hello", NULL, 0, svc_restart, EPERM },
	{ "service clone hello", NULL, 0, svc_clone, EPERM },
	{ "service unclone vm", NULL, 0, svc_unclone, EPERM },
	{ "service up hello2", NULL, 0, svc_up, EPERM },
	{ "service edit hello", NULL, 0, svc_edit, EPERM },
	{ "service update hello", NULL, 0, svc_update, EPERM },
	{ "service shutdown", NULL, 0, svc_shutdown, EPERM },
};

static const char *error_name(int e)
{
	static char buf[24];

	switch (e) {
	case 0:
		return "OK";
	case EPERM:
		return "EPERM";
	case EACCES:
		return "EACCES";
	case ENOSYS:
		return "ENOSYS";
	case EFAULT:
		return "EFAULT";
	case EINVAL:
		return "EINVAL";
	case ECALLDENIED:
		return "ECALLDENIED";
	case ETRAPDENIED:
		return "ETRAPDENIED";
	case EBADREQUEST:
		return "EBADREQUEST";
	case -1:
		return "a hang";
	default:
		if (e >= KILLED)
			snprintf(buf, sizeof(buf), "signal %d", e - KILLED);
		else
			snprintf(buf, sizeof(buf), "error %d", e);
		return buf;
	}
}

/* In the child: become the normal user, then try the cell. */
static _Noreturn void try_cell(const struct cell *c)
{
	if (setgid(PERM_UID) != 0 || setuid(PERM_UID) != 0)
		_exit(255);
	if (c->argv != NULL) {
		int null = open("/dev/null", O_WRONLY);
		dup2(null, 1);
		dup2(null, 2);
		execv("/bin/service", (char *const *)c->argv);
		_exit(254);
	}
	int r = c->fn(c->arg);
	_exit(r < 0 ? -r : 0);
}

static void on_alarm(int sig)
{
	(void)sig;
}

/* What the cell's child did: its error number, KILLED + sig, -1 hung. */
static int outcome(const struct cell *c)
{
	int status = 0;
	pid_t pid = fork();

	if (pid < 0)
		return -2;
	if (pid == 0)
		try_cell(c);
	alarm(WATCHDOG);
	pid_t r = waitpid(pid, &status, 0);
	alarm(0);
	if (r != pid) {
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		return -1;
	}
	if (WIFSIGNALED(status))
		return KILLED + WTERMSIG(status);
	return WEXITSTATUS(status);
}

static int run(const struct cell *c)
{
	int got = outcome(c);
	bool ok = got == c->want;

	printf("perm: %s -> %s %s", c->what, error_name(got),
	       ok ? "ok\n" : "FAIL");
	if (!ok)
		printf(" (want %s)\n", error_name(c->want));
	return ok ? 0 : 1;
}

/* A user process's endpoint: this one (root), not the cell's. */
static endpoint_t own_endpoint(void)
{
	static struct pm_procinfo procs[64];
	pid_t me = getpid();
	int n = axo_procinfo(procs, 64, NULL);

	for (int i = 0; i < n; i++)
		if (procs[i].pid == me)
			return procs[i].endpt;
	return NONE;
}

int main(void)
{
	struct sigaction sa;
	struct cell c;
	int failed = 0, total = 0;

	setvbuf(stdout, NULL, _IONBF, 0);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);
	if (getuid() != 0) {
		printf("permtest: run me as root (I become uid %d)\n",
		       PERM_UID);
		return 2;
	}
	for (size_t i = 0; i < sizeof(fixed_cells) / sizeof(fixed_cells[0]);
	     i++, total++)
		failed += run(&fixed_cells[i]);
	c = (struct cell){ "ipc sendrec to another user process", cell_ipc,
			   (int)own_endpoint(), NULL, ECALLDENIED };
	failed += run(&c);
	total++;
	for (size_t i = 0; i < sizeof(kcalls) / sizeof(kcalls[0]);
	     i++, total++) {
		c = (struct cell){ "", cell_kcall, kcalls[i].nr, NULL,
				   ECALLDENIED };
		snprintf(c.what, sizeof(c.what), "kernel call SYS_%s",
			 kcalls[i].name);
		failed += run(&c);
	}
	printf("perm: %d passed, %d failed\n", total - failed, failed);
	return failed == 0 ? 0 : 1;
}
