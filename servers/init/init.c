// SPDX-License-Identifier: BSD-2-Clause
/*
 * init, process 1.
 *
 * In the system image it mounts the root file system (/dev/c0d0, ext2),
 * runs /etc/rc with sh, then keeps a root shell on the console: a new
 * session whose controlling terminal is /dev/console, started again
 * whenever it exits.  In images without VFS (the user test suite, the
 * benchmarks) the mount fails and init says so; either way it then starts
 * every boot file marked "run" in boot/modules.list.
 *
 * Then it reaps children forever: its own, and the orphans PM gives it.
 * SIGCHLD is caught (not ignored) so that sigsuspend() wakes when a child
 * exits; it is blocked between waitpid() and sigsuspend() so that no exit
 * slips through.
 */
#include <axo/libc.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define ROOT_DEV "/dev/c0d0"
#define ROOT_FS	 "ext2"
#define CONSOLE	 "/dev/console"
#define SHELL	 "/bin/sh"

static pid_t shell_pid = -1;
static bool have_console; /* stdout is /dev/console */

/* A line to the console once it is open, before that to the kernel log. */
static void say(const char *fmt, ...)
{
	char line[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (have_console) {
		fputs(line, stdout);
		fflush(stdout);
	} else {
		axo_klog(line);
	}
}

static void on_sigchld(int signo)
{
	(void)signo;
}

/* Fork; the child runs path with argv, in a new session on the console. */
static pid_t spawn(const char *path, char *const argv[], bool session)
{
	pid_t pid = fork();

	if (pid != 0) {
		if (pid < 0)
			say("init: cannot fork for %s: %s\n", path,
			    strerror(errno));
		return pid;
	}
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	if (session) {
		setsid();
		close(0);
		close(1);
		close(2);
		if (open(CONSOLE, O_RDWR) == 0) { /* the controlling tty */
			dup2(0, 1);
			dup2(0, 2);
		}
	}
	execv(path, argv);
	say("init: cannot run %s: %s\n", path, strerror(errno));
	_exit(127);
}

/* Start every boot file marked "run" (the test and benchmark images). */
static void start_boot_programs(void)
{
	char name[16], path[32];
	unsigned flags;

	for (int i = 0; axo_boot_file(i, name, sizeof(name), &flags) >= 0;
	     i++) {
		if (!(flags & VM_BF_RUN))
			continue;
		snprintf(path, sizeof(path), "/boot/%s", name);
		char *argv[] = { path, NULL };
		pid_t pid = spawn(path, argv, false);
		if (pid > 0)
			say("init: started %s (pid %d)\n", path, (int)pid);
	}
}

/* Mount root and open the console as 0, 1, 2; false without VFS. */
static bool mount_root(void)
{
	if (mount(ROOT_DEV, "/", ROOT_FS, 0, NULL) != 0) {
		say("init: no root file system (%s on / as %s): %s\n", ROOT_DEV,
		    ROOT_FS, strerror(errno));
		return false;
	}
	FILE *mtab = fopen("/etc/mtab", "w");
	if (mtab != NULL) {
		fprintf(mtab, "%s / %s\n", ROOT_DEV, ROOT_FS);
		fclose(mtab);
	}
	close(0);
	close(1);
	close(2);
	if (open(CONSOLE, O_RDWR | O_NOCTTY) != 0 || dup2(0, 1) != 1 ||
	    dup2(0, 2) != 2) {
		say("init: cannot open %s\n", CONSOLE);
		return true;
	}
	have_console = true;
	return true;
}

/* Run /etc/rc with sh and wait for it. */
static void run_rc(void)
{
	char *argv[] = { "sh", "/etc/rc", NULL };
	int status;

	if (access("/etc/rc", R_OK) != 0)
		return;
	pid_t pid = spawn(SHELL, argv, true);
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
}

/*
 * Start the console shell (interactive because its input is the tty).
 * One that died within a second of its start is started again only
 * after a pause, so that a broken shell cannot flood the console.
 */
static void start_shell(void)
{
	static time_t last_start;
	char *argv[] = { "-sh", NULL };

	if (last_start != 0 && time(NULL) - last_start < 1)
		sleep(1);
	last_start = time(NULL);
	shell_pid = spawn(SHELL, argv, true);
}

/* Start the shell and the boot programs, then reap children forever. */
static _Noreturn void reap_forever(bool respawn_shell)
{
	sigset_t chld, old;
	struct sigaction sa = { .sa_handler = on_sigchld };

	sigemptyset(&sa.sa_mask);
	sigaction(SIGCHLD, &sa, NULL);
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, &old);
	if (respawn_shell)
		start_shell();
	start_boot_programs(); /* after the shell: fsbench times its start */
	for (;;) {
		int status;
		pid_t pid = waitpid(-1, &status, WNOHANG);
		if (pid > 0) {
			if (respawn_shell && pid == shell_pid) {
				say("init: the console shell exited; "
				    "starting another\n");
				start_shell();
			}
			continue;
		}
		sigsuspend(&old); /* until the next SIGCHLD */
	}
}

int main(void)
{
	say("init: process %d\n", (int)getpid());
	setenv("PATH", "/bin", 1);
	setenv("HOME", "/root", 1);
	setenv("TERM", "vt100", 1);
	bool root = mount_root();
	if (root)
		run_rc();
	reap_forever(root);
}
