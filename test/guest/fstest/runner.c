// SPDX-License-Identifier: BSD-2-Clause
/*
 * The fstest main program and its file helpers.  The tables run through
 * the shared runner (../casefork.c, one process per test), each test in
 * a fresh empty directory FSTEST_DIR/t made before it.
 */
#include "fstest.h"

#include <dirent.h>

#define TEST_DIR FSTEST_DIR "/t"

static int fresh_test_dir(const char *name);
static void enter_test_dir(void);

static struct case_run run = { .timeout_s = FSTEST_TIMEOUT,
			       .setup = fresh_test_dir,
			       .child_setup = enter_test_dir };

/* ---- helpers ---- */

/* Create (or truncate) path holding exactly text. */
void put_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	size_t len = strlen(text);

	if (fd < 0)
		case_fail_msg(__LINE__, "open(%s): errno %d (%s)", path, errno,
			      strerror(errno));
	ssize_t n = write(fd, text, len);
	if (n != (ssize_t)len)
		case_fail_msg(__LINE__, "write(%s): %d of %u bytes, errno %d",
			      path, (int)n, (unsigned)len, errno);
	if (close(fd) != 0)
		case_fail_msg(__LINE__, "close(%s): errno %d", path, errno);
}

/* Fail at line unless path holds exactly text. */
void expect_file(int line, const char *path, const char *text)
{
	char buf[256];
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		case_fail_msg(line, "open(%s): errno %d (%s)", path, errno,
			      strerror(errno));
	ssize_t n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n < 0)
		case_fail_msg(line, "read(%s): errno %d", path, errno);
	buf[n] = '\0';
	if (strcmp(buf, text) != 0)
		case_fail_msg(line, "%s holds \"%s\", expected \"%s\"", path,
			      buf, text);
}

/* Fail at line unless path does not exist (lstat says ENOENT). */
void expect_missing(int line, const char *path)
{
	struct stat st;

	errno = 0;
	if (lstat(path, &st) == 0 || errno != ENOENT)
		case_fail_msg(line,
			      "%s exists (lstat errno %d), expected ENOENT",
			      path, errno);
}

/* The size of path; fails at line if stat does. */
off_t file_size(int line, const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0)
		case_fail_msg(line, "stat(%s): errno %d (%s)", path, errno,
			      strerror(errno));
	return st.st_size;
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

/* Before each test: an empty TEST_DIR; -1 (and a FAIL line) if not. */
static int fresh_test_dir(const char *name)
{
	if (remove_tree(TEST_DIR) == 0 && mkdir(TEST_DIR, 0755) == 0)
		return 0;
	printf("FAIL %s: cannot make a fresh %s: errno %d (%s)\n", name,
	       TEST_DIR, errno, strerror(errno));
	return -1;
}

static void enter_test_dir(void)
{
	if (chdir(TEST_DIR) != 0)
		case_fail_msg(__LINE__, "chdir(%s): errno %d", TEST_DIR, errno);
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
	case_run_table(&run, workload_tests);
	case_run_table(&run, error_tests);
	case_run_table(&run, pipe_tests);
	case_run_table(&run, call_tests);
	if (remove_tree(FSTEST_DIR) != 0) {
		printf("FAIL fstest_cleanup_removes_scratch_dir: errno %d\n",
		       errno);
		run.failed++;
	}
	printf("fstest: %u passed, %u failed, %u skipped\n", run.passed,
	       run.failed, run.skipped);
	fflush(stdout);
	return run.failed ? 1 : 0;
}
