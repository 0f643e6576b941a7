/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * utest: the user-space test suite, an ordinary newlib program that
 * checks the process world (PM, VM, libc) from the outside.
 *
 * A test is a function in a table (t_proc.c, t_signal.c, t_memory.c,
 * t_misc.c).  The runner (runner.c) forks one process per test; the test
 * runs there, so a crash or a leak stays inside it.  expect_*() end the
 * test process at the first failed expectation, after printing both
 * values on the "FAIL name: ..." line; a test that returns has passed.
 * A process the test forks itself may use expect_*() too: it then prints
 * a detail line and exits with UTEST_CHILD_FAILED, and the test process
 * fails when it checks that child's status.
 *
 * Include this header first: it selects the POSIX parts of newlib.
 */
#ifndef UTEST_H
#define UTEST_H

#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE 1
#endif

#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#define UCHILD_PATH	   "/boot/uchild"
#define UTEST_CHILD_FAILED 1  /* exit status of a failed expectation */
#define UTEST_TIMEOUT_S	   60 /* a test still running after this dies */
#define UTEST_HZ	   CLOCKS_PER_SEC /* times() ticks per second (libc: ms) */

/* ---- assertions ---- */
_Noreturn void utest_fail(int line, const char *what, long long expected,
			  long long got);
_Noreturn void utest_fail_errno(int line, const char *what, int expected,
				int got);
_Noreturn void utest_fail_status(int line, const char *what,
				 const char *expected, int status);
_Noreturn void utest_fail_msg(int line, const char *msg);

#define expect_eq(expected, got) \
	do { \
		long long e_ = (long long)(expected), g_ = (long long)(got); \
		if (e_ != g_) \
			utest_fail(__LINE__, #got, e_, g_); \
	} while (0)
#define expect_ne(unexpected, got) \
	do { \
		long long e_ = (long long)(unexpected), g_ = (long long)(got); \
		if (e_ == g_) \
			utest_fail_msg(__LINE__, \
				       #got " must differ from " #unexpected); \
	} while (0)
#define expect_true(cond) \
	do { \
		if (!(cond)) \
			utest_fail_msg(__LINE__, #cond " is false"); \
	} while (0)
/* `call` must fail: return -1 and set errno to `err`. */
#define expect_errno(err, call) \
	do { \
		errno = 0; \
		long long r_ = (long long)(call); \
		int en_ = errno; \
		if (r_ != -1) \
			utest_fail(__LINE__, #call, -1, r_); \
		if (en_ != (err)) \
			utest_fail_errno(__LINE__, "errno after " #call, \
					 (err), en_); \
	} while (0)
/* A wait status: normal exit with `code`. */
#define expect_exited(code, status) \
	do { \
		int s_ = (status); \
		if (!WIFEXITED(s_) || WEXITSTATUS(s_) != (code)) \
			utest_fail_status(__LINE__, #status, "exit " #code, \
					  s_); \
	} while (0)
/* A wait status: killed by signal `sig`. */
#define expect_signaled(sig, status) \
	do { \
		int s_ = (status); \
		if (!WIFSIGNALED(s_) || WTERMSIG(s_) != (sig)) \
			utest_fail_status(__LINE__, #status, \
					  "killed by " #sig, s_); \
	} while (0)

/* ---- test tables ---- */
struct utest_case {
	const char *name;
	void (*fn)(void);
};

extern const struct utest_case proc_tests[];
extern const struct utest_case signal_tests[];
extern const struct utest_case memory_tests[];
extern const struct utest_case misc_tests[];

/* ---- helpers (helpers.c) ---- */
extern pid_t utest_self; /* pid of the running test's own process */

const char *utest_signal_name(int sig);
void utest_describe_status(int status, char *buf, size_t len);
pid_t fork_child(int (*body)(void));
int wait_for(pid_t pid);
int run_child(int (*body)(void));
int exec_uchild(char *const argv[], char *const envp[]);
unsigned long uptime_ticks(void);
bool wait_until(bool (*cond)(void), unsigned ticks);
void burn_cpu(unsigned ticks);
void sleep_forever(void);

#endif
