/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The fork-per-test runner shared by the newlib guest suites (utest,
 * fstest).  A test is a function in a table; case_run_table() forks one
 * process per test, arms an alarm there (a hung test dies of SIGALRM),
 * runs the function and judges how the process ended: a return is a
 * pass, CASE_FAILED means the test printed its own FAIL line, CASE_SKIPPED
 * its own SKIP line, and any other end is reported here by name.
 *
 * expect_*() end the test process at the first failed expectation with a
 * "FAIL name: ..." line naming both values.  A process the test forked
 * itself may use them too: it prints an indented detail line and exits
 * CASE_FAILED, and the test fails when it checks that child's status.
 * stdout is flushed before every fork and by a test before it exits, so
 * no line is printed twice or lost.
 */
#ifndef TEST_GUEST_CASEFORK_H
#define TEST_GUEST_CASEFORK_H

#include <errno.h>
#include <sys/types.h>

#define CASE_FAILED  1 /* exit status of a failed expectation */
#define CASE_SKIPPED 2 /* exit status of a skipped test */

struct test_case {
	const char *name;
	void (*fn)(void);
};

/* A suite's run: its settings, and the counts so far. */
struct case_run {
	unsigned timeout_s; /* alarm of each test process */
	/* In the runner, before each fork: 0, or -1 (the test fails). */
	int (*setup)(const char *name);
	/* In the test process, before the test. */
	void (*child_setup)(void);
	unsigned passed, failed, skipped;
};

extern pid_t case_self; /* pid of the running test's own process */

void case_run_table(struct case_run *run, const struct test_case *t);

/* Wait for pid, retrying on EINTR: its wait status, or -1. */
int case_wait(pid_t pid);

/* The start of a failure line ("FAIL name: " or a child's detail). */
void case_fail_prefix(void);
/* End the test process (or a child of it) as failed. */
_Noreturn void case_fail_exit(void);
_Noreturn void case_fail(int line, const char *what, long long expected,
			 long long got);
_Noreturn void case_fail_errno(int line, const char *what, int expected,
			       int got);
_Noreturn void case_fail_msg(int line, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
_Noreturn void case_skip(const char *reason);

#define expect_eq(expected, got) \
	do { \
		long long e_ = (long long)(expected), g_ = (long long)(got); \
		if (e_ != g_) \
			case_fail(__LINE__, #got, e_, g_); \
	} while (0)
#define expect_true(cond) \
	do { \
		if (!(cond)) \
			case_fail_msg(__LINE__, "%s is false", #cond); \
	} while (0)
/* `call` must fail: return -1 and set errno to `err`. */
#define expect_errno(err, call) \
	do { \
		errno = 0; \
		long long r_ = (long long)(call); \
		int en_ = errno; \
		if (r_ != -1) \
			case_fail(__LINE__, #call, -1, r_); \
		if (en_ != (err)) \
			case_fail_errno(__LINE__, "errno after " #call, (err), \
					en_); \
	} while (0)

#endif
