// SPDX-License-Identifier: BSD-2-Clause
/*
 * The fork-per-test runner of the newlib guest suites (see casefork.h).
 * Each suite's directory links this file in.
 */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../casefork.h"

pid_t case_self;
static const char *current = "?";

void case_fail_exit(void)
{
	fflush(stdout);
	_exit(CASE_FAILED);
}

void case_fail_prefix(void)
{
	if (getpid() == case_self)
		printf("FAIL %s: ", current);
	else
		printf("  %s, in child %d: ", current, (int)getpid());
}

void case_fail(int line, const char *what, long long expected, long long got)
{
	case_fail_prefix();
	printf("%s: expected %lld, got %lld (line %d)\n", what, expected, got,
	       line);
	case_fail_exit();
}

void case_fail_errno(int line, const char *what, int expected, int got)
{
	case_fail_prefix();
	printf("%s: expected %d (%s), got %d (%s) (line %d)\n", what, expected,
	       strerror(expected), got, strerror(got), line);
	case_fail_exit();
}

void case_fail_msg(int line, const char *fmt, ...)
{
	va_list ap;

	case_fail_prefix();
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf(" (line %d)\n", line);
	case_fail_exit();
}

void case_skip(const char *reason)
{
	printf("SKIP %s: %s\n", current, reason);
	fflush(stdout);
	_exit(CASE_SKIPPED);
}

int case_wait(pid_t pid)
{
	int status = 0;
	pid_t got;

	do {
		got = waitpid(pid, &status, 0);
	} while (got == -1 && errno == EINTR);
	return got == pid ? status : -1;
}

static _Noreturn void run_in_child(const struct case_run *run,
				   const struct test_case *t)
{
	case_self = getpid();
	alarm(run->timeout_s);
	if (run->child_setup != NULL)
		run->child_setup();
	t->fn();
	fflush(stdout);
	_exit(0);
}

/* Count and report how the test process of t ended. */
static void judge(struct case_run *run, const struct test_case *t, int status)
{
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		printf("PASS %s\n", t->name);
		run->passed++;
		return;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == CASE_SKIPPED) {
		run->skipped++;
		return;
	}
	run->failed++;
	if (WIFEXITED(status) && WEXITSTATUS(status) == CASE_FAILED)
		return; /* the test printed its own FAIL line */
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM)
		printf("FAIL %s: timed out after %u s\n", t->name,
		       run->timeout_s);
	else if (WIFSIGNALED(status))
		printf("FAIL %s: test process killed by signal %d\n", t->name,
		       WTERMSIG(status));
	else
		printf("FAIL %s: test process exited with status %d\n", t->name,
		       WEXITSTATUS(status));
}

static void run_one(struct case_run *run, const struct test_case *t)
{
	current = t->name;
	if (run->setup != NULL && run->setup(t->name) != 0) {
		run->failed++;
		return;
	}
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		run_in_child(run, t);
	if (pid == -1) {
		printf("FAIL %s: fork: errno %d (%s)\n", t->name, errno,
		       strerror(errno));
		run->failed++;
		return;
	}
	int status = case_wait(pid);
	if (status == -1) {
		printf("FAIL %s: waitpid(%d): errno %d (%s)\n", t->name,
		       (int)pid, errno, strerror(errno));
		run->failed++;
		return;
	}
	judge(run, t, status);
}

void case_run_table(struct case_run *run, const struct test_case *t)
{
	for (; t->name != NULL; t++)
		run_one(run, t);
}
