/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fstest: the file-system suite of the running system, a newlib program
 * on the root disk (/test/fstest) run from the shell.  It checks VFS, the
 * ext2 server and the ATA driver from the outside: a bulk workload, the
 * errors of bad input, pipes and dup, and the other file calls.
 *
 * A test is a function in a table (workload.c, t_errors.c, t_pipes.c,
 * t_calls.c).  The runner (runner.c) forks one process per test, inside
 * the suite's scratch directory FSTEST_DIR; the test runs there, so a
 * crash or a leaked descriptor stays inside it.  expect_*() end the test
 * process at the first failed expectation with a "FAIL name: ..." line
 * naming both values; fs_skip() ends it with "SKIP name: reason"; a test
 * that returns has passed.  The verdict line is
 * "fstest: N passed, M failed, K skipped"; the exit status is 0 only if
 * nothing failed.
 *
 * Include this header first: it selects the POSIX parts of newlib.
 */
#ifndef FSTEST_H
#define FSTEST_H

#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE 1
#endif

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <axo/msg_vfs.h>

#define FSTEST_DIR     "/tmp/fstest"
#define FSTEST_FAILED  1   /* exit status of a failed expectation */
#define FSTEST_SKIPPED 2   /* exit status of a skipped test */
#define FSTEST_TIMEOUT 600 /* seconds: a test still running dies */

/* ---- assertions (runner.c) ---- */
_Noreturn void fs_fail(int line, const char *what, long long expected,
		       long long got);
_Noreturn void fs_fail_errno(int line, const char *what, int expected, int got);
_Noreturn void fs_fail_msg(int line, const char *fmt, ...);
_Noreturn void fs_skip(const char *reason);

#define expect_eq(expected, got) \
	do { \
		long long e_ = (long long)(expected), g_ = (long long)(got); \
		if (e_ != g_) \
			fs_fail(__LINE__, #got, e_, g_); \
	} while (0)
#define expect_true(cond) \
	do { \
		if (!(cond)) \
			fs_fail_msg(__LINE__, "%s is false", #cond); \
	} while (0)
/* `call` must succeed: return >= 0; errno is shown if it does not. */
#define expect_ok(call) \
	do { \
		errno = 0; \
		long long r_ = (long long)(call); \
		if (r_ < 0) \
			fs_fail_msg(__LINE__, "%s = %lld, errno %d (%s)", \
				    #call, r_, errno, strerror(errno)); \
	} while (0)
/* `call` must fail: return -1 and set errno to `err`. */
#define expect_errno(err, call) \
	do { \
		errno = 0; \
		long long r_ = (long long)(call); \
		int en_ = errno; \
		if (r_ != -1) \
			fs_fail(__LINE__, #call, -1, r_); \
		if (en_ != (err)) \
			fs_fail_errno(__LINE__, "errno after " #call, (err), \
				      en_); \
	} while (0)

/* ---- test tables ---- */
struct fs_case {
	const char *name;
	void (*fn)(void);
};

extern const struct fs_case workload_tests[];
extern const struct fs_case error_tests[];
extern const struct fs_case pipe_tests[];
extern const struct fs_case call_tests[];

/* ---- helpers (runner.c) ---- */
void put_file(const char *path, const char *text);
void expect_file(int line, const char *path, const char *text);
void expect_missing(int line, const char *path);
off_t file_size(int line, const char *path);
int wait_child(pid_t pid);

#define EXPECT_FILE(path, text) expect_file(__LINE__, (path), (text))
#define EXPECT_MISSING(path)	expect_missing(__LINE__, (path))
#define FILE_SIZE(path)		file_size(__LINE__, (path))

#endif
