/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * utest: the user-space test suite, an ordinary newlib program that
 * checks the process world (PM, VM, libc) from the outside.
 *
 * A test is a function in a table (t_proc.c, t_signal.c, t_memory.c,
 * t_misc.c).  The shared runner (../casefork.h) forks one process per
 * test, so a crash or a leak stays inside it; expect_*() work as it
 * describes.  runner.c adds the leak check and powers the machine off.
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

#include "../casefork.h"

#define UCHILD_PATH	"/boot/uchild"
#define UTEST_TIMEOUT_S 60 /* a test still running after this dies */
#define UTEST_HZ	CLOCKS_PER_SEC /* times() ticks per second (libc: ms) */

/* ---- assertions: expect_eq, expect_true, expect_errno and ... ---- */
_Noreturn void utest_fail_status(int line, const char *what,
				 const char *expected, int status);

#define expect_ne(unexpected, got) \
	do { \
		long long e_ = (long long)(unexpected), g_ = (long long)(got); \
		if (e_ == g_) \
			case_fail_msg(__LINE__, "%s must differ from %s", \
				      #got, #unexpected); \
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
extern const struct test_case proc_tests[];
extern const struct test_case signal_tests[];
extern const struct test_case memory_tests[];
extern const struct test_case misc_tests[];

/* ---- helpers (helpers.c) ---- */
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
