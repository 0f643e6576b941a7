// SPDX-License-Identifier: BSD-2-Clause
/*
 * Bad input: each call must fail with a clear error and change nothing.
 * Every test runs in a fresh empty directory (runner.c).
 */
#include "fstest.h"

#include <sys/statvfs.h>
#include <axo/dmap.h>
#include <axo/endpoint.h>
#include <axo/ipc.h>

/* libc's raw request helper (lib/libc/libc_priv.h): reply type or -E*. */
int libc_call(endpoint_t dst, int type, message *m);

#define FILL_CHUNK (64 * 1024)

static void read_of_a_directory_is_eisdir(void)
{
	char buf[16];

	expect_ok(mkdir("d", 0755));
	int fd = open("d", O_RDONLY);
	expect_ok(fd);
	expect_errno(EISDIR, read(fd, buf, sizeof(buf)));
	expect_ok(close(fd));
	expect_errno(EISDIR, open("d", O_WRONLY));
	expect_errno(EISDIR, open("d", O_RDWR));
}

static void write_on_rdonly_fd_is_ebadf(void)
{
	put_file("f", "keep");
	int fd = open("f", O_RDONLY);
	expect_ok(fd);
	expect_errno(EBADF, write(fd, "xx", 2));
	expect_ok(close(fd));
	fd = open("f", O_WRONLY);
	expect_ok(fd);
	char c;
	expect_errno(EBADF, read(fd, &c, 1));
	expect_ok(close(fd));
	EXPECT_FILE("f", "keep");
}

static void path_longer_than_path_max_is_enametoolong(void)
{
	static char path[VFS_PATH_MAX + 16];

	for (size_t i = 0; i + 2 < sizeof(path); i += 2)
		memcpy(path + i, "a/", 2);
	path[sizeof(path) - 2] = 'z';
	path[sizeof(path) - 1] = '\0';
	expect_errno(ENAMETOOLONG, open(path, O_WRONLY | O_CREAT, 0644));
	expect_errno(ENAMETOOLONG, mkdir(path, 0755));
	struct stat st;
	expect_errno(ENAMETOOLONG, stat(path, &st));
	EXPECT_MISSING("a");
}

static void component_longer_than_name_max_is_enametoolong(void)
{
	char name[VFS_NAME_MAX + 2];

	memset(name, 'n', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0'; /* NAME_MAX + 1 characters */
	expect_errno(ENAMETOOLONG, open(name, O_WRONLY | O_CREAT, 0644));
	expect_errno(ENAMETOOLONG, mkdir(name, 0755));
	name[VFS_NAME_MAX] = '\0'; /* exactly NAME_MAX: allowed */
	int fd = open(name, O_WRONLY | O_CREAT, 0644);
	expect_ok(fd);
	expect_ok(close(fd));
	expect_ok(unlink(name));
}

static void open_until_emfile_then_close_all_and_open_again(void)
{
	int fds[VFS_OPEN_MAX + 1], n = 0;

	for (;;) {
		errno = 0;
		int fd = open("/dev/null", O_RDONLY);
		if (fd < 0)
			break;
		if (n == VFS_OPEN_MAX + 1)
			case_fail_msg(__LINE__, "more than %d descriptors open",
				      VFS_OPEN_MAX);
		fds[n++] = fd;
	}
	expect_eq(EMFILE, errno);
	expect_true(n >= VFS_OPEN_MAX - 3);
	expect_errno(EMFILE, dup(0));
	expect_errno(EMFILE, open("new", O_WRONLY | O_CREAT, 0644));
	EXPECT_MISSING("new");
	for (int i = 0; i < n; i++)
		expect_ok(close(fds[i]));
	int fd = open("/dev/null", O_RDONLY);
	expect_ok(fd);
	expect_eq(fds[0], fd);
}

/*
 * Fill the disk with 64 KiB writes until one fails with ENOSPC; the
 * file's size is what was written; after deleting it, writing works
 * and the free-block count is what it was.
 */
static void full_disk_is_enospc_and_recovers(void)
{
	static char buf[FILL_CHUNK];
	struct statvfs before, after;
	off_t total = 0;
	ssize_t w;

	memset(buf, 0xa5, sizeof(buf));
	expect_ok(statvfs(".", &before));
	int fd = open("fill", O_WRONLY | O_CREAT, 0644);
	expect_ok(fd);
	for (;;) {
		errno = 0;
		w = write(fd, buf, sizeof(buf));
		if (w <= 0)
			break;
		total += w;
	}
	expect_eq(-1, w);
	expect_eq(ENOSPC, errno);
	expect_true(total > 16 * 1024 * 1024);
	expect_errno(ENOSPC, write(fd, buf, 1024));
	expect_ok(close(fd));
	expect_eq(total, FILE_SIZE("fill"));
	expect_ok(unlink("fill"));
	put_file("after", "works");
	EXPECT_FILE("after", "works");
	expect_ok(unlink("after"));
	expect_ok(statvfs(".", &after));
	expect_eq(before.f_bfree, after.f_bfree);
}

static void open_missing_file_is_enoent(void)
{
	expect_errno(ENOENT, open("missing", O_RDONLY));
	expect_errno(ENOENT, open("nodir/file", O_WRONLY | O_CREAT, 0644));
	EXPECT_MISSING("nodir");
}

static void mkdir_existing_name_is_eexist(void)
{
	put_file("f", "x");
	expect_ok(mkdir("d", 0755));
	expect_errno(EEXIST, mkdir("d", 0755));
	expect_errno(EEXIST, mkdir("f", 0755));
	EXPECT_FILE("f", "x");
}

static void rmdir_non_empty_dir_is_enotempty(void)
{
	expect_ok(mkdir("d", 0755));
	put_file("d/f", "in");
	expect_errno(ENOTEMPTY, rmdir("d"));
	EXPECT_FILE("d/f", "in");
}

static void unlink_of_a_directory_is_eisdir_or_eperm(void)
{
	struct stat st;

	expect_ok(mkdir("d", 0755));
	errno = 0;
	expect_eq(-1, unlink("d"));
	expect_true(errno == EISDIR || errno == EPERM);
	expect_ok(stat("d", &st));
	expect_true(S_ISDIR(st.st_mode));
}

static void rename_dir_into_itself_is_einval(void)
{
	expect_ok(mkdir("d", 0755));
	expect_ok(mkdir("d/sub", 0755));
	expect_errno(EINVAL, rename("d", "d/sub/d"));
	expect_errno(EINVAL, rename("d", "d/x"));
	struct stat st;
	expect_ok(stat("d/sub", &st));
	EXPECT_MISSING("d/x");
}

static void o_creat_o_excl_on_existing_is_eexist(void)
{
	put_file("f", "old");
	expect_errno(EEXIST, open("f", O_WRONLY | O_CREAT | O_EXCL, 0644));
	expect_errno(EEXIST,
		     open("f", O_WRONLY | O_CREAT | O_EXCL | O_TRUNC, 0644));
	EXPECT_FILE("f", "old");
}

static void lseek_to_negative_offset_is_einval(void)
{
	put_file("f", "0123456789");
	int fd = open("f", O_RDONLY);
	expect_ok(fd);
	expect_eq(4, lseek(fd, 4, SEEK_SET));
	expect_errno(EINVAL, lseek(fd, -1, SEEK_SET));
	expect_errno(EINVAL, lseek(fd, -5, SEEK_CUR));
	expect_errno(EINVAL, lseek(fd, -11, SEEK_END));
	expect_errno(EINVAL, lseek(fd, 0, 42));
	expect_eq(4, lseek(fd, 0, SEEK_CUR));
	char c;
	expect_eq(1, read(fd, &c, 1));
	expect_eq('4', c);
}

static void bad_fd_is_ebadf(void)
{
	char c;
	struct stat st;
	const int bad[] = { -1, VFS_OPEN_MAX, 1000 };

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		expect_errno(EBADF, read(bad[i], &c, 1));
		expect_errno(EBADF, write(bad[i], "x", 1));
		expect_errno(EBADF, close(bad[i]));
		expect_errno(EBADF, fstat(bad[i], &st));
		expect_errno(EBADF, lseek(bad[i], 0, SEEK_SET));
		expect_errno(EBADF, dup(bad[i]));
		expect_errno(EBADF, ftruncate(bad[i], 0));
	}
	int fd = open("/dev/null", O_RDONLY);
	expect_ok(fd);
	expect_ok(close(fd));
	expect_errno(EBADF, read(fd, &c, 1)); /* closed */
	expect_errno(EBADF, close(fd));
	expect_errno(EBADF, dup2(fd, 20));
}

/* A bad buffer gets EFAULT, changes nothing, and VFS carries on. */
static void bad_buffer_pointer_is_efault(void)
{
	void *bad = (void *)1;

	put_file("f", "abc");
	int fd = open("f", O_RDWR);
	expect_ok(fd);
	expect_errno(EFAULT, read(fd, bad, 3));
	expect_errno(EFAULT, write(fd, bad, 3));
	expect_errno(EFAULT, write(fd, (void *)0xfffff000u, 16));
	expect_eq(0, lseek(fd, 0, SEEK_CUR));
	expect_ok(close(fd));
	EXPECT_FILE("f", "abc");
	expect_ok(symlink("f", "l"));
	expect_errno(EFAULT, readlink("l", bad, 8));
	expect_true(getcwd(bad, 64) == NULL);
	expect_eq(EFAULT, errno);
	int p[2];
	expect_ok(pipe(p));
	expect_errno(EFAULT, write(p[1], bad, 4));
	expect_ok(write(p[1], "ok", 2));
	expect_errno(EFAULT, read(p[0], bad, 2));
	char buf[4] = { 0 };
	expect_eq(2, read(p[0], buf, 2));
	expect_true(strcmp(buf, "ok") == 0);
	EXPECT_FILE("f", "abc"); /* VFS still serves */
}

/* Only RS maps drivers: an unmap from us is refused and /dev/hello stays. */
static void mapdriver_from_a_user_process_is_eperm(void)
{
	message m = { 0 };
	char buf[32] = { 0 };

	m.vfs_mapdriver.major = HELLO_MAJOR; /* empty label: unmap */
	expect_eq(-EPERM, libc_call(VFS_PROC_NR, VFS_MAPDRIVER, &m));
	int fd = open("/dev/hello", O_RDONLY);
	expect_ok(fd);
	expect_eq(14, (int)read(fd, buf, sizeof(buf)));
	expect_eq(0, strcmp(buf, "Hello, World!\n"));
	expect_ok(close(fd));
}

const struct test_case error_tests[] = {
	{ "read_of_a_directory_is_eisdir", read_of_a_directory_is_eisdir },
	{ "write_on_rdonly_fd_is_ebadf", write_on_rdonly_fd_is_ebadf },
	{ "path_longer_than_path_max_is_enametoolong",
	  path_longer_than_path_max_is_enametoolong },
	{ "component_longer_than_name_max_is_enametoolong",
	  component_longer_than_name_max_is_enametoolong },
	{ "open_until_emfile_then_close_all_and_open_again",
	  open_until_emfile_then_close_all_and_open_again },
	{ "full_disk_is_enospc_and_recovers",
	  full_disk_is_enospc_and_recovers },
	{ "open_missing_file_is_enoent", open_missing_file_is_enoent },
	{ "mkdir_existing_name_is_eexist", mkdir_existing_name_is_eexist },
	{ "rmdir_non_empty_dir_is_enotempty",
	  rmdir_non_empty_dir_is_enotempty },
	{ "unlink_of_a_directory_is_eisdir_or_eperm",
	  unlink_of_a_directory_is_eisdir_or_eperm },
	{ "rename_dir_into_itself_is_einval",
	  rename_dir_into_itself_is_einval },
	{ "o_creat_o_excl_on_existing_is_eexist",
	  o_creat_o_excl_on_existing_is_eexist },
	{ "lseek_to_negative_offset_is_einval",
	  lseek_to_negative_offset_is_einval },
	{ "bad_fd_is_ebadf", bad_fd_is_ebadf },
	{ "bad_buffer_pointer_is_efault", bad_buffer_pointer_is_efault },
	{ "mapdriver_from_a_user_process_is_eperm",
	  mapdriver_from_a_user_process_is_eperm },
	{ NULL, NULL },
};
