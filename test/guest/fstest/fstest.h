/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fstest: the file-system suite of the running system, a newlib program
 * on the root disk (/test/fstest) run from the shell.  It checks VFS, the
 * ext2 server and the ATA driver from the outside: a bulk workload, the
 * errors of bad input, pipes and dup, and the other file calls.
 *
 * A test is a function in a table (workload.c, t_errors.c, t_pipes.c,
 * t_calls.c).  The shared runner (../casefork.h) forks one process per
 * test, which runs in a fresh directory under FSTEST_DIR, so a crash or
 * a leaked descriptor stays inside it; expect_*() and case_skip() work as
 * casefork.h describes.  The verdict line is
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

#include "../casefork.h"

#define FSTEST_DIR     "/tmp/fstest"
#define FSTEST_TIMEOUT 600 /* seconds: a test still running dies */

/* ---- assertions: expect_eq, expect_true, expect_errno and ... ---- */
/* `call` must succeed: return >= 0; errno is shown if it does not. */
#define expect_ok(call) \
	do { \
		errno = 0; \
		long long r_ = (long long)(call); \
		if (r_ < 0) \
			case_fail_msg(__LINE__, "%s = %lld, errno %d (%s)", \
				      #call, r_, errno, strerror(errno)); \
	} while (0)

/* ---- test tables ---- */
extern const struct test_case workload_tests[];
extern const struct test_case error_tests[];
extern const struct test_case pipe_tests[];
extern const struct test_case call_tests[];

/* ---- helpers (runner.c) ---- */
void put_file(const char *path, const char *text);
void expect_file(int line, const char *path, const char *text);
void expect_missing(int line, const char *path);
off_t file_size(int line, const char *path);

#define EXPECT_FILE(path, text) expect_file(__LINE__, (path), (text))
#define EXPECT_MISSING(path)	expect_missing(__LINE__, (path))
#define FILE_SIZE(path)		file_size(__LINE__, (path))

#endif
