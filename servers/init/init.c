// SPDX-License-Identifier: BSD-2-Clause
/*
 * init, process 1.  It starts every boot file marked "run" in
 * boot/modules.list (until a file system and /etc/rc exist, that is how
 * the first programs are named), then reaps children forever: its own,
 * and the orphans PM gives it.  SIGCHLD is caught (not ignored) so that
 * sigsuspend() wakes when a child exits; it is blocked between
 * waitpid() and sigsuspend() so that no exit slips through.
 */
#include <axo/libc.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void on_sigchld(int signo)
{
	(void)signo;
}

static void start(const char *name)
{
	char path[32];

	snprintf(path, sizeof(path), "/boot/%s", name);
	pid_t pid = fork();
	if (pid == 0) {
		char *argv[] = { path, NULL };
		execv(path, argv);
		printf("init: cannot run %s: %s\n", path, strerror(errno));
		_exit(127);
	}
	if (pid < 0)
		printf("init: cannot fork for %s: %s\n", path, strerror(errno));
	else
		printf("init: started %s (pid %d)\n", path, (int)pid);
}

static void start_boot_programs(void)
{
	char name[16];
	unsigned flags;

	for (int i = 0; axo_boot_file(i, name, sizeof(name), &flags) >= 0; i++)
		if (flags & VM_BF_RUN)
			start(name);
}

static void reap_forever(void)
{
	sigset_t chld, old;
	struct sigaction sa = { .sa_handler = on_sigchld };

	sigemptyset(&sa.sa_mask);
	sigaction(SIGCHLD, &sa, NULL);
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, &old);
	for (;;) {
		int status;
		pid_t pid = waitpid(-1, &status, WNOHANG);
		if (pid > 0)
			continue;
		sigsuspend(&old); /* until the next SIGCHLD */
	}
}

int main(void)
{
	printf("init: process %d, starting the boot programs\n", (int)getpid());
	start_boot_programs();
	reap_forever();
}
