// SPDX-License-Identifier: BSD-2-Clause
/*
 * The utest runner: one child process per test.
 *
 * For each test in the tables the runner forks; the child arms an alarm
 * (a hung test dies of SIGALRM), runs the test function and exits 0.  A
 * failed expectation prints "FAIL name: ..." in the child and exits with
 * UTEST_CHILD_FAILED; any other end (a signal, another exit status) is
 * reported here, by name.  After the last test the runner compares VM's
 * free memory with what it was before the first (xv6's countfree), then
 * prints "utest: N passed, M failed" and powers the machine off with
 * status 0 (all passed) or 1.
 *
 * Output ordering: stdout is flushed before every fork, and a child
 * flushes before it exits, so no line is printed twice or lost.
 */
#include "utest.h"

#include <axo/libc.h>

#define LEAK_SETTLE_TRIES 30 /* x 10 ticks: time for init to reap orphans */

pid_t utest_self;
static const char *current_test = "?";
static unsigned passed, failed;

/* End the running test process (or a child of it) as failed. */
static _Noreturn void fail_exit(void)
{
	fflush(stdout);
	_exit(UTEST_CHILD_FAILED);
}

/*
 * Print the failure prefix: "FAIL name: " in the test's own process,
 * an indented detail line in a process the test forked (whose parent
 * will fail the test when it sees the exit status).
 */
static void fail_prefix(void)
{
	if (getpid() == utest_self)
		printf("FAIL %s: ", current_test);
	else
		printf("  %s, in child %d: ", current_test, (int)getpid());
}

void utest_fail(int line, const char *what, long long expected, long long got)
{
	fail_prefix();
	printf("%s: expected %lld, got %lld (line %d)\n", what, expected, got,
	       line);
	fail_exit();
}

void utest_fail_errno(int line, const char *what, int expected, int got)
{
	fail_prefix();
	printf("%s: expected %d (%s), got %d (%s) (line %d)\n", what, expected,
	       strerror(expected), got, strerror(got), line);
	fail_exit();
}

void utest_fail_status(int line, const char *what, const char *expected,
		       int status)
{
	char desc[48];

	utest_describe_status(status, desc, sizeof(desc));
	fail_prefix();
	printf("%s: expected %s, got %s (line %d)\n", what, expected, desc,
	       line);
	fail_exit();
}

void utest_fail_msg(int line, const char *msg)
{
	fail_prefix();
	printf("%s (line %d)\n", msg, line);
	fail_exit();
}

/* The test process: run one test with a watchdog, exit 0 if it returns. */
static _Noreturn void run_in_child(const struct utest_case *t)
{
	utest_self = getpid();
	alarm(UTEST_TIMEOUT_S);
	t->fn();
	fflush(stdout);
	_exit(0);
}

/* Wait for the test process and judge how it ended. */
static void judge(const struct utest_case *t, pid_t pid)
{
	int status = 0;
	pid_t got;
	char desc[48];

	do {
		got = waitpid(pid, &status, 0);
	} while (got == -1 && errno == EINTR);
	if (got != pid) {
		printf("FAIL %s: waitpid(%d) returned %d, errno %d (%s)\n",
		       t->name, (int)pid, (int)got, errno, strerror(errno));
		failed++;
		return;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		printf("PASS %s\n", t->name);
		passed++;
		return;
	}
	failed++;
	if (WIFEXITED(status) && WEXITSTATUS(status) == UTEST_CHILD_FAILED)
		return; /* the test printed its own FAIL line */
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM) {
		printf("FAIL %s: timed out after %d s\n", t->name,
		       UTEST_TIMEOUT_S);
		return;
	}
	utest_describe_status(status, desc, sizeof(desc));
	printf("FAIL %s: test process ended by %s\n", t->name, desc);
}

static void run_one(const struct utest_case *t)
{
	current_test = t->name;
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		run_in_child(t);
	if (pid == -1) {
		printf("FAIL %s: fork: errno %d (%s)\n", t->name, errno,
		       strerror(errno));
		failed++;
		return;
	}
	judge(t, pid);
}

static void run_table(const struct utest_case *t)
{
	for (; t->name != NULL; t++)
		run_one(t);
}

static bool vm_info_equal(const struct vm_info_msg *a,
			  const struct vm_info_msg *b)
{
	return a->free_pages == b->free_pages &&
	       a->kernel_pages_free == b->kernel_pages_free &&
	       a->nr_procs == b->nr_procs;
}

/*
 * leak_check_free_memory_unchanged: every page, page-table page and
 * address space the tests used came back.  Orphans are reaped by init,
 * not by us, so give the system a moment to settle before judging.
 */
static void leak_check(const struct vm_info_msg *before)
{
	const char *name = "leak_check_free_memory_unchanged";
	struct vm_info_msg after;
	int r = 0;

	for (int i = 0; i < LEAK_SETTLE_TRIES; i++) {
		r = axo_vm_info(&after);
		if (r != 0 || vm_info_equal(before, &after))
			break;
		unsigned long start = uptime_ticks();
		while (uptime_ticks() - start < 10)
			;
	}
	if (r != 0) {
		printf("FAIL %s: axo_vm_info: %d\n", name, r);
		failed++;
	} else if (!vm_info_equal(before, &after)) {
		printf("FAIL %s: free pages %u -> %u, kernel pages %u -> %u, "
		       "address spaces %u -> %u\n",
		       name, before->free_pages, after.free_pages,
		       before->kernel_pages_free, after.kernel_pages_free,
		       before->nr_procs, after.nr_procs);
		failed++;
	} else {
		printf("PASS %s\n", name);
		passed++;
	}
}

int main(void)
{
	struct vm_info_msg before;

	/* Print first: stdout's buffer is allocated before we count. */
	printf("utest: user-space test suite, pid %d\n", (int)getpid());
	fflush(stdout);
	int r = axo_vm_info(&before);
	run_table(proc_tests);
	run_table(signal_tests);
	run_table(memory_tests);
	run_table(misc_tests);
	if (r == 0) {
		leak_check(&before);
	} else {
		printf("FAIL leak_check_free_memory_unchanged: "
		       "axo_vm_info before the tests: %d\n",
		       r);
		failed++;
	}
	printf("utest: %u passed, %u failed\n", passed, failed);
	fflush(stdout);
	axo_poweroff(failed ? 1 : 0);
	return failed ? 1 : 0;
}
