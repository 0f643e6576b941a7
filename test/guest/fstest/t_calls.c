// SPDX-License-Identifier: BSD-2-Clause
/*
 * The other file calls: stat/fstat, rename, link/unlink counts,
 * symlink/readlink, truncate/ftruncate, getcwd/chdir, directory listing
 * (opendir/readdir over getdents), umask, chmod, access and utime.
 */
#include "fstest.h"

#include <dirent.h>
#include <sys/statvfs.h>
#include <utime.h>

static void stat_and_fstat_give_sizes_and_types(void)
{
	struct stat st, fst;

	put_file("f", "twelve bytes");
	expect_ok(mkdir("d", 0755));
	expect_ok(stat("f", &st));
	expect_true(S_ISREG(st.st_mode));
	expect_eq(12, st.st_size);
	expect_eq(1, st.st_nlink);
	int fd = open("f", O_RDONLY);
	expect_ok(fd);
	expect_ok(fstat(fd, &fst));
	expect_eq(st.st_ino, fst.st_ino);
	expect_eq(st.st_dev, fst.st_dev);
	expect_eq(12, fst.st_size);
	expect_ok(close(fd));
	expect_ok(stat("d", &st));
	expect_true(S_ISDIR(st.st_mode));
	expect_eq(2, st.st_nlink);
	expect_ok(stat("/dev/null", &st));
	expect_true(S_ISCHR(st.st_mode));
	expect_ok(stat("/dev/c0d0", &st));
	expect_true(S_ISBLK(st.st_mode));
	int p[2];
	expect_ok(pipe(p));
	expect_ok(fstat(p[0], &st));
	expect_true(S_ISFIFO(st.st_mode));
}

static void rename_moves_a_file_and_replaces_the_target(void)
{
	struct stat st1, st2;

	put_file("a", "first");
	put_file("b", "second");
	expect_ok(mkdir("d", 0755));
	expect_ok(stat("a", &st1));
	expect_ok(rename("a", "d/c"));
	EXPECT_MISSING("a");
	EXPECT_FILE("d/c", "first");
	expect_ok(stat("d/c", &st2));
	expect_eq(st1.st_ino, st2.st_ino);
	expect_ok(rename("b", "d/c")); /* replaces */
	EXPECT_FILE("d/c", "second");
	EXPECT_MISSING("b");
	expect_ok(mkdir("d2", 0755));
	expect_ok(rename("d", "d2/moved")); /* a directory, with .. fixed */
	EXPECT_FILE("d2/moved/c", "second");
	expect_ok(stat("d2/moved/..", &st1));
	expect_ok(stat("d2", &st2));
	expect_eq(st2.st_ino, st1.st_ino);
	expect_eq(3, st2.st_nlink);
}

static void link_and_unlink_keep_the_link_count(void)
{
	struct stat st;

	put_file("a", "shared");
	expect_ok(link("a", "b"));
	expect_ok(stat("a", &st));
	expect_eq(2, st.st_nlink);
	EXPECT_FILE("b", "shared");
	expect_errno(EEXIST, link("a", "b"));
	expect_ok(unlink("a"));
	expect_ok(stat("b", &st));
	expect_eq(1, st.st_nlink);
	EXPECT_FILE("b", "shared");
	expect_ok(unlink("b"));
	EXPECT_MISSING("b");
	expect_ok(mkdir("d", 0755));
	errno = 0;
	expect_eq(-1, link("d", "d2")); /* no hard links to directories */
	expect_true(errno == EPERM || errno == EISDIR);
}

/*
 * An open file outlives its last name: it stays readable until closed,
 * and its blocks come back after (the ext2 server keeps VFS's
 * references, servers/ext2/refs.c).
 */
static void open_file_outlives_its_last_name(void)
{
	static char big[20000];
	char buf[8] = { 0 };
	struct statvfs before, after;
	struct stat st;

	expect_ok(statvfs(".", &before));
	put_file("f", "shared");
	int fd = open("f", O_RDWR);
	expect_ok(fd);
	expect_ok(unlink("f"));
	EXPECT_MISSING("f");
	ssize_t n = read(fd, buf, sizeof(buf) - 1);
	expect_eq(6, n);
	expect_true(strcmp(buf, "shared") == 0);
	memset(big, 'b', sizeof(big));
	expect_eq(sizeof(big), write(fd, big, sizeof(big)));
	expect_ok(fstat(fd, &st));
	expect_eq(0, st.st_nlink);
	expect_eq(6 + sizeof(big), st.st_size);
	expect_ok(close(fd));
	expect_ok(statvfs(".", &after));
	expect_eq(before.f_bfree, after.f_bfree);
	expect_eq(before.f_ffree, after.f_ffree);
}

static void symlink_and_readlink(void)
{
	char buf[64];
	struct stat st;

	put_file("target", "via link");
	expect_ok(symlink("target", "l"));
	ssize_t n = readlink("l", buf, sizeof(buf));
	expect_eq(6, n);
	expect_true(memcmp(buf, "target", 6) == 0);
	EXPECT_FILE("l", "via link");
	expect_ok(lstat("l", &st));
	expect_true(S_ISLNK(st.st_mode));
	expect_eq(6, st.st_size);
	expect_ok(stat("l", &st));
	expect_true(S_ISREG(st.st_mode));
	expect_errno(EINVAL, readlink("target", buf, sizeof(buf)));
	expect_errno(EEXIST, symlink("x", "l"));
	expect_ok(symlink("missing", "dangling"));
	expect_errno(ENOENT, open("dangling", O_RDONLY));
	expect_ok(unlink("l"));
	EXPECT_FILE("target", "via link");
	/* A long target lives in blocks, not in the inode. */
	char lng[200];
	memset(lng, 'x', sizeof(lng) - 1);
	lng[sizeof(lng) - 1] = '\0';
	expect_ok(symlink(lng, "long"));
	char back[256];
	expect_eq(199, readlink("long", back, sizeof(back)));
	expect_true(memcmp(back, lng, 199) == 0);
}

static void truncate_and_ftruncate_shrink_and_grow(void)
{
	char buf[16];

	put_file("f", "0123456789");
	expect_ok(truncate("f", 4));
	EXPECT_FILE("f", "0123");
	expect_ok(truncate("f", 8)); /* grows with zeros */
	expect_eq(8, FILE_SIZE("f"));
	int fd = open("f", O_RDWR);
	expect_ok(fd);
	expect_eq(8, read(fd, buf, sizeof(buf)));
	expect_true(memcmp(buf, "0123\0\0\0\0", 8) == 0);
	expect_ok(ftruncate(fd, 2));
	expect_eq(2, FILE_SIZE("f"));
	expect_ok(ftruncate(fd, 0));
	expect_eq(0, FILE_SIZE("f"));
	expect_ok(close(fd));
	expect_errno(EINVAL, truncate("f", -1));
	fd = open("f", O_RDONLY);
	expect_ok(fd);
	errno = 0;
	expect_eq(-1, ftruncate(fd, 1)); /* not open for writing */
	expect_true(errno == EBADF || errno == EINVAL);
	expect_ok(close(fd));
	expect_ok(mkdir("d", 0755));
	expect_errno(EISDIR, truncate("d", 0));
	expect_eq(0, FILE_SIZE("f"));
}

static void getcwd_follows_chdir(void)
{
	char buf[VFS_PATH_MAX];

	expect_true(getcwd(buf, sizeof(buf)) != NULL);
	expect_true(strcmp(buf, FSTEST_DIR "/t") == 0);
	expect_ok(mkdir("a", 0755));
	expect_ok(mkdir("a/b", 0755));
	expect_ok(chdir("a/b"));
	expect_true(getcwd(buf, sizeof(buf)) != NULL);
	if (strcmp(buf, FSTEST_DIR "/t/a/b") != 0)
		case_fail_msg(__LINE__, "getcwd: %s", buf);
	expect_ok(chdir(".."));
	expect_true(getcwd(buf, sizeof(buf)) != NULL);
	expect_true(strcmp(buf, FSTEST_DIR "/t/a") == 0);
	put_file("here", "a");
	EXPECT_FILE(FSTEST_DIR "/t/a/here", "a");
	expect_true(getcwd(buf, 4) == NULL);
	expect_eq(ERANGE, errno);
	expect_errno(ENOENT, chdir("nope"));
	expect_errno(ENOTDIR, chdir("here"));
	expect_ok(chdir("/"));
	expect_true(getcwd(buf, sizeof(buf)) != NULL);
	expect_true(strcmp(buf, "/") == 0);
}

static void readdir_lists_exactly_what_was_created(void)
{
	static const char *names[] = { "alpha", "beta", "gamma", "sub" };
	bool seen[4] = { false };
	int dots = 0, others = 0;
	struct dirent *e;

	put_file("alpha", "");
	put_file("beta", "");
	put_file("gamma", "");
	expect_ok(mkdir("sub", 0755));
	put_file("gone", "");
	expect_ok(unlink("gone"));
	DIR *d = opendir(".");
	expect_true(d != NULL);
	while ((e = readdir(d)) != NULL) {
		bool known = false;
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			dots++, known = true;
		for (int i = 0; i < 4; i++)
			if (strcmp(e->d_name, names[i]) == 0) {
				expect_true(!seen[i]);
				seen[i] = known = true;
			}
		if (!known) {
			printf("  unexpected entry \"%s\"\n", e->d_name);
			others++;
		}
	}
	expect_ok(closedir(d));
	expect_eq(2, dots);
	expect_eq(0, others);
	for (int i = 0; i < 4; i++)
		if (!seen[i])
			case_fail_msg(__LINE__, "%s not listed", names[i]);
	expect_true(opendir("alpha") == NULL);
	expect_eq(ENOTDIR, errno);
}

static void umask_masks_new_modes(void)
{
	struct stat st;

	mode_t old = umask(077);
	expect_eq(022, old);
	expect_eq(077, umask(077));
	int fd = open("f", O_WRONLY | O_CREAT, 0666);
	expect_ok(fd);
	expect_ok(close(fd));
	expect_ok(stat("f", &st));
	expect_eq(0600, st.st_mode & 0777);
	expect_ok(mkdir("d", 0777));
	expect_ok(stat("d", &st));
	expect_eq(0700, st.st_mode & 0777);
	umask(0);
	expect_ok(mkdir("e", 0751));
	expect_ok(stat("e", &st));
	expect_eq(0751, st.st_mode & 0777);
}

static void chmod_changes_the_mode_only(void)
{
	struct stat st;

	put_file("f", "same");
	expect_ok(chmod("f", 0400));
	expect_ok(stat("f", &st));
	expect_eq(0400, st.st_mode & 07777);
	expect_true(S_ISREG(st.st_mode));
	expect_ok(chmod("f", 04755));
	expect_ok(stat("f", &st));
	expect_eq(04755, st.st_mode & 07777);
	EXPECT_FILE("f", "same");
	expect_errno(ENOENT, chmod("missing", 0644));
}

static void access_reports_existence_and_permission(void)
{
	put_file("f", "x");
	expect_ok(chmod("f", 0644));
	expect_ok(access("f", F_OK));
	expect_ok(access("f", R_OK | W_OK));
	expect_errno(ENOENT, access("missing", F_OK));
	expect_ok(access("/bin/sh", X_OK));
	expect_errno(EACCES, access("f", X_OK)); /* even root needs an x bit */
	expect_errno(EINVAL, access("f", 0x100));
}

static void utime_sets_both_times(void)
{
	struct utimbuf t = { .actime = 1000000, .modtime = 2000000 };
	struct stat st;

	put_file("f", "x");
	expect_ok(utime("f", &t));
	expect_ok(stat("f", &st));
	expect_eq(1000000, st.st_atime);
	expect_eq(2000000, st.st_mtime);
	time_t before = time(NULL);
	expect_ok(utime("f", NULL)); /* now */
	expect_ok(stat("f", &st));
	expect_true(st.st_mtime >= before && st.st_mtime <= before + 5);
	expect_errno(ENOENT, utime("missing", &t));
}

static void append_and_holes_read_back(void)
{
	put_file("f", "");
	int fd = open("f", O_WRONLY | O_APPEND);
	expect_ok(fd);
	expect_eq(2, write(fd, "ab", 2));
	expect_eq(0, lseek(fd, 0, SEEK_SET));
	expect_eq(2, write(fd, "cd", 2)); /* O_APPEND: at the end anyway */
	expect_ok(close(fd));
	EXPECT_FILE("f", "abcd");
	fd = open("f", O_RDWR);
	expect_ok(fd);
	expect_eq(10000, lseek(fd, 10000, SEEK_SET));
	expect_eq(1, write(fd, "z", 1)); /* leaves a hole */
	expect_ok(close(fd));
	expect_eq(10001, FILE_SIZE("f"));
	fd = open("f", O_RDONLY);
	char buf[16];
	expect_eq(5000, lseek(fd, 5000, SEEK_SET));
	expect_eq(16, read(fd, buf, 16));
	for (int i = 0; i < 16; i++)
		expect_eq(0, buf[i]);
	expect_ok(close(fd));
}

const struct test_case call_tests[] = {
	{ "stat_and_fstat_give_sizes_and_types",
	  stat_and_fstat_give_sizes_and_types },
	{ "rename_moves_a_file_and_replaces_the_target",
	  rename_moves_a_file_and_replaces_the_target },
	{ "link_and_unlink_keep_the_link_count",
	  link_and_unlink_keep_the_link_count },
	{ "open_file_outlives_its_last_name",
	  open_file_outlives_its_last_name },
	{ "symlink_and_readlink", symlink_and_readlink },
	{ "truncate_and_ftruncate_shrink_and_grow",
	  truncate_and_ftruncate_shrink_and_grow },
	{ "getcwd_follows_chdir", getcwd_follows_chdir },
	{ "readdir_lists_exactly_what_was_created",
	  readdir_lists_exactly_what_was_created },
	{ "umask_masks_new_modes", umask_masks_new_modes },
	{ "chmod_changes_the_mode_only", chmod_changes_the_mode_only },
	{ "access_reports_existence_and_permission",
	  access_reports_existence_and_permission },
	{ "utime_sets_both_times", utime_sets_both_times },
	{ "append_and_holes_read_back", append_and_holes_read_back },
	{ NULL, NULL },
};
