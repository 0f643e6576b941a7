// SPDX-License-Identifier: BSD-2-Clause
/*
 * Helpers shared by the test files: forking a child that runs a body,
 * waiting for it, exec'ing uchild, clock ticks and polling with a
 * deadline.  Every helper fails the running test on an unexpected error
 * instead of returning it, so that tests stay short.
 */
#include "utest.h"

#include <sys/times.h>

extern char **environ;

#define EXEC_FAILED 126 /* a child whose execve returned */

static const char *const signal_names[] = {
	[SIGHUP] = "SIGHUP",   [SIGINT] = "SIGINT",   [SIGQUIT] = "SIGQUIT",
	[SIGILL] = "SIGILL",   [SIGTRAP] = "SIGTRAP", [SIGABRT] = "SIGABRT",
	[SIGFPE] = "SIGFPE",   [SIGKILL] = "SIGKILL", [SIGBUS] = "SIGBUS",
	[SIGSEGV] = "SIGSEGV", [SIGSYS] = "SIGSYS",   [SIGPIPE] = "SIGPIPE",
	[SIGALRM] = "SIGALRM", [SIGTERM] = "SIGTERM", [SIGCHLD] = "SIGCHLD",
	[SIGUSR1] = "SIGUSR1", [SIGUSR2] = "SIGUSR2",
};

/* The name of `sig`, or "signal ?" for one without a name here. */
const char *utest_signal_name(int sig)
{
	if (sig > 0 &&
	    sig < (int)(sizeof(signal_names) / sizeof(*signal_names)) &&
	    signal_names[sig] != NULL)
		return signal_names[sig];
	return "signal ?";
}

/* A wait status in words: "exit 3", "killed by SIGSEGV (11)". */
void utest_describe_status(int status, char *buf, size_t len)
{
	if (WIFEXITED(status))
		snprintf(buf, len, "exit %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(buf, len, "killed by %s (%d)",
			 utest_signal_name(WTERMSIG(status)), WTERMSIG(status));
	else
		snprintf(buf, len, "status 0x%x", (unsigned)status);
}

/*
 * Fork a child that runs body() and exits with its result.  Returns the
 * child's pid in the parent; a failed fork fails the test.
 */
pid_t fork_child(int (*body)(void))
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		_exit(body());
	expect_ne(-1, pid);
	return pid;
}

/* Wait for child `pid` (through EINTR) and return its wait status. */
int wait_for(pid_t pid)
{
	int status = case_wait(pid);

	if (status == -1)
		case_fail_msg(__LINE__, "waitpid(%d): errno %d (%s)", (int)pid,
			      errno, strerror(errno));
	return status;
}

/* fork_child(body), then wait_for it: the child's wait status. */
int run_child(int (*body)(void))
{
	return wait_for(fork_child(body));
}

/*
 * Run uchild with argv (and envp, or our environment when NULL) in a
 * child process; returns its wait status.  A failed execve makes the
 * child exit with EXEC_FAILED, which no uchild check uses.
 */
int exec_uchild(char *const argv[], char *const envp[])
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		execve(UCHILD_PATH, argv, envp != NULL ? envp : environ);
		_exit(EXEC_FAILED);
	}
	expect_ne(-1, pid);
	return wait_for(pid);
}

/* Clock ticks since boot, from times(). */
unsigned long uptime_ticks(void)
{
	struct tms t;

	return (unsigned long)times(&t);
}

/* Poll cond() until it holds (true) or `ticks` clock ticks pass (false). */
bool wait_until(bool (*cond)(void), unsigned ticks)
{
	unsigned long start = uptime_ticks();

	while (uptime_ticks() - start < ticks) {
		if (cond())
			return true;
	}
	return cond();
}

/* Spin on the CPU for `ticks` clock ticks. */
void burn_cpu(unsigned ticks)
{
	unsigned long start = uptime_ticks();
	volatile unsigned sink = 0;

	while (uptime_ticks() - start < ticks) {
		for (unsigned i = 0; i < 10000; i++)
			sink += i;
	}
}

/* Wait for signals until one ends the process. */
void sleep_forever(void)
{
	for (;;)
		pause();
}
