// SPDX-License-Identifier: BSD-2-Clause
/*
 * The fstest runner: one child process per test, each in a fresh empty
 * directory FSTEST_DIR/t that is removed after it.
 *
 * For each test in the tables the runner forks; the child arms an alarm
 * (a hung test dies of SIGALRM), changes into the test directory, runs
 * the test and exits 0.  A failed expectation prints "FAIL name: ..." in
 * the child and exits FSTEST_FAILED; fs_skip() prints "SKIP name: ..."
 * and exits FSTEST_SKIPPED; any other end is reported here by name.
 * stdout is flushed before every fork and by a child before it exits.
 */
#include "fstest.h"

#include <dirent.h>
#include <stdarg.h>

#define TEST_DIR FSTEST_DIR "/t"

static const char *current_test = "?";
static pid_t test_pid;
static unsigned passed, failed, skipped;

static _Noreturn void end_test(int status)
{
	fflush(stdout);
	_exit(status);
}

/* "FAIL name: " in the test process, an indented line in its children. */
static void fail_prefix(void)
{
	if (getpid() == test_pid)
		printf("FAIL %s: ", current_test);
	else
		printf("  %s, in child %d: ", current_test, (int)getpid());
}

void fs_fail(int line, const char *what, long long expected, long long got)
{
	fail_prefix();
	printf("%s: expected %lld, got %lld (line %d)\n", what, expected, got,
	       line);
	end_test(FSTEST_FAILED);
}

void fs_fail_errno(int line, const char *what, int expected, int got)
{
	fail_prefix();
	printf("%s: expected %d (%s), got %d (%s) (line %d)\n", what, expected,
	       strerror(expected), got, strerror(got), line);
	end_test(FSTEST_FAILED);
}

void fs_fail_msg(int line, const char *fmt, ...)
{
	va_list ap;

	fail_prefix();
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf(" (line %d)\n", line);
	end_test(FSTEST_FAILED);
}

void fs_skip(const char *reason)
{
	printf("SKIP %s: %s\n", current_test, reason);
	end_test(FSTEST_SKIPPED);
}

/* ---- helpers ---- */

/* Create (or truncate) path holding exactly text. */
void put_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	size_t len = strlen(text);

	if (fd < 0)
		fs_fail_msg(__LINE__, "open(%s): errno %d (%s)", path, errno,
			    strerror(errno));
	ssize_t n = write(fd, text, len);
	if (n != (ssize_t)len)
		fs_fail_msg(__LINE__, "write(%s): %d of %u bytes, errno %d",
			    path, (int)n, (unsigned)len, errno);
	if (close(fd) != 0)
		fs_fail_msg(__LINE__, "close(%s): errno %d", path, errno);
}

/* Fail at line unless path holds exactly text. */
void expect_file(int line, const char *path, const char *text)
{
	char buf[256];
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		fs_fail_msg(line, "open(%s): errno %d (%s)", path, errno,
			    strerror(errno));
	ssize_t n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n < 0)
		fs_fail_msg(line, "read(%s): errno %d", path, errno);
	buf[n] = '\0';
	if (strcmp(buf, text) != 0)
		fs_fail_msg(line, "%s holds \"%s\", expected \"%s\"", path, buf,
			    text);
}

/* Fail at line unless path does not exist (lstat says ENOENT). */
void expect_missing(int line, const char *path)
{
	struct stat st;

	errno = 0;
	if (lstat(path, &st) == 0 || errno != ENOENT)
		fs_fail_msg(line, "%s exists (lstat errno %d), expected ENOENT",
			    path, errno);
}

/* The size of path; fails at line if stat does. */
off_t file_size(int line, const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0)
		fs_fail_msg(line, "stat(%s): errno %d (%s)", path, errno,
			    strerror(errno));
	return st.st_size;
}

/* Wait for pid, retrying on EINTR; its status, or -1. */
int wait_child(pid_t pid)
{
	int status = 0;
	pid_t got;

	do {
		got = waitpid(pid, &status, 0);
	} while (got == -1 && errno == EINTR);
	return got == pid ? status : -1;
}

/* Remove path and everything under it; 0, or -1 with errno. */
static int remove_tree(const char *path)
{
	struct stat st;
	struct dirent *e;
	char sub[VFS_PATH_MAX];

	if (lstat(path, &st) != 0)
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(st.st_mode))
		return unlink(path);
	DIR *d = opendir(path);
	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
		if (remove_tree(sub) != 0) {
			closedir(d);
			return -1;
		}
		rewinddir(d); /* the directory changed under the stream */
	}
	closedir(d);
	return rmdir(path);
}

/* ---- running ---- */

static _Noreturn void run_in_child(const struct fs_case *t)
{
	test_pid = getpid();
	alarm(FSTEST_TIMEOUT);
	if (chdir(TEST_DIR) != 0)
		fs_fail_msg(__LINE__, "chdir(%s): errno %d", TEST_DIR, errno);
	t->fn();
	end_test(0);
}

static void judge(const struct fs_case *t, pid_t pid)
{
	int status = wait_child(pid);

	if (status == -1) {
		printf("FAIL %s: waitpid(%d): errno %d (%s)\n", t->name,
		       (int)pid, errno, strerror(errno));
		failed++;
	} else if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		printf("PASS %s\n", t->name);
		passed++;
	} else if (WIFEXITED(status) && WEXITSTATUS(status) == FSTEST_SKIPPED) {
		skipped++;
	} else {
		failed++;
		if (WIFEXITED(status) && WEXITSTATUS(status) == FSTEST_FAILED)
			return; /* the test printed its own FAIL line */
		if (WIFSIGNALED(status))
			printf("FAIL %s: killed by signal %d%s\n", t->name,
			       WTERMSIG(status),
			       WTERMSIG(status) == SIGALRM ? " (timed out)" :
							     "");
		else
			printf("FAIL %s: exit status %d\n", t->name,
			       WEXITSTATUS(status));
	}
}

static void run_one(const struct fs_case *t)
{
	current_test = t->name;
	if (remove_tree(TEST_DIR) != 0 || mkdir(TEST_DIR, 0755) != 0) {
		printf("FAIL %s: cannot make a fresh %s: errno %d (%s)\n",
		       t->name, TEST_DIR, errno, strerror(errno));
		failed++;
		return;
	}
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

static void run_table(const struct fs_case *t)
{
	for (; t->name != NULL; t++)
		run_one(t);
}

int main(void)
{
	printf("fstest: file-system suite, pid %d\n", (int)getpid());
	umask(022);
	if (remove_tree(FSTEST_DIR) != 0 ||
	    (mkdir(FSTEST_DIR, 0755) != 0 && errno != EEXIST)) {
		printf("FAIL fstest_setup: %s: errno %d (%s)\n", FSTEST_DIR,
		       errno, strerror(errno));
		printf("fstest: 0 passed, 1 failed\n");
		return 1;
	}
	run_table(workload_tests);
	run_table(error_tests);
	run_table(pipe_tests);
	run_table(call_tests);
	if (remove_tree(FSTEST_DIR) != 0) {
		printf("FAIL fstest_cleanup_removes_scratch_dir: errno %d\n",
		       errno);
		failed++;
	}
	printf("fstest: %u passed, %u failed, %u skipped\n", passed, failed,
	       skipped);
	fflush(stdout);
	return failed ? 1 : 0;
}
