// SPDX-License-Identifier: BSD-2-Clause
/*
 * Host tests of the ext2 core's name calls against images made by
 * mke2fs: big directories, mkdir/rmdir, rename of files and directories,
 * hard links, fast and slow symlinks, device nodes, getdents, and mounts
 * refused for features we do not implement.  Every test that changes an
 * image ends with a clean `e2fsck -fn`.
 */
// UNIT_SOURCES: servers/ext2/alloc.c servers/ext2/bmap.c servers/ext2/cache.c
// UNIT_SOURCES: servers/ext2/dir.c servers/ext2/file.c servers/ext2/inode.c
// UNIT_SOURCES: servers/ext2/namei.c servers/ext2/rename.c servers/ext2/super.c
#define _DEFAULT_SOURCE

#include "ext2_img.h"

/* Link count of ino, or -1. */
static long nlink_of(struct img *im, uint32_t ino)
{
	struct ext2_stat st;

	return ext2_stat(im->fs, ino, &st) == OK ? (long)st.nlink : -1;
}

/* The inode "name" in dir names, or 0. */
static uint32_t ino_of(struct img *im, uint32_t dir, const char *name)
{
	uint32_t ino = 0;

	return ext2_lookup(im->fs, dir, name, &ino) == OK ? ino : 0;
}

/* Count the entries of dir through getdents, a few at a time. */
static long count_entries(struct img *im, uint32_t dir)
{
	struct ext2_dirent d[7];
	uint64_t cookie = 0;
	long n, total = 0;

	while ((n = ext2_getdents(im->fs, dir, &cookie, d, 7)) > 0)
		total += n;
	return n < 0 ? n : total;
}

static void ext2_directory_grows_then_unlink_half_and_recreate(void)
{
	struct ext2_stat st;
	struct img im;
	uint32_t ino = 0;
	int fails = 0;

	expect_true("image made", img_setup(&im, "-b 1024", "4M"));
	for (int i = 0; i < 300; i++)
		fails += ext2_create(im.fs, EXT2_ROOT_INO,
				     unit_fmt("file-with-a-longish-name-%03d",
					      i),
				     0644, 0, 0, &ino) != OK;
	expect_eq_int("creates failed", 0, fails);
	expect_eq_int("stat root", OK, ext2_stat(im.fs, EXT2_ROOT_INO, &st));
	expect_true("root grew past one block", st.size > 1024);
	expect_eq_int("entries", 300 + 3, count_entries(&im, EXT2_ROOT_INO));
	for (int i = 0; i < 300; i += 2)
		fails += ext2_unlink(im.fs, EXT2_ROOT_INO,
				     unit_fmt("file-with-a-longish-name-%03d",
					      i)) != OK;
	expect_eq_int("unlinks failed", 0, fails);
	expect_eq_int("entries after unlink", 150 + 3,
		      count_entries(&im, EXT2_ROOT_INO));
	expect_eq_int("unlinked name is gone", 0,
		      ino_of(&im, EXT2_ROOT_INO,
			     "file-with-a-longish-name-100"));
	expect_ne_int("kept name is there", 0,
		      ino_of(&im, EXT2_ROOT_INO,
			     "file-with-a-longish-name-101"));
	for (int i = 0; i < 300; i += 2)
		fails += ext2_create(im.fs, EXT2_ROOT_INO, unit_fmt("new%d", i),
				     0644, 0, 0, &ino) != OK;
	expect_eq_int("re-creates failed", 0, fails);
	expect_eq_int("create of an existing name", -EEXIST,
		      ext2_create(im.fs, EXT2_ROOT_INO, "new0", 0644, 0, 0,
				  &ino));
	expect_eq_int("entries at the end", 300 + 3,
		      count_entries(&im, EXT2_ROOT_INO));
	img_finish(&im);
}

static void ext2_mkdir_rmdir_and_link_counts(void)
{
	struct img im;
	uint32_t d = 0, sub = 0, f = 0;

	expect_true("image made", img_setup(&im, "-b 1024", "4M"));
	expect_eq_int("mkdir d", OK,
		      ext2_mkdir(im.fs, EXT2_ROOT_INO, "d", 0755, 0, 0, &d));
	expect_eq_int("root links", 4, nlink_of(&im, EXT2_ROOT_INO));
	expect_eq_int("d links", 2, nlink_of(&im, d));
	expect_eq_int("d/. is d", d, ino_of(&im, d, "."));
	expect_eq_int("d/.. is root", EXT2_ROOT_INO, ino_of(&im, d, ".."));
	expect_eq_int("mkdir d/sub", OK,
		      ext2_mkdir(im.fs, d, "sub", 0700, 0, 0, &sub));
	expect_eq_int("d links with a subdir", 3, nlink_of(&im, d));
	expect_eq_int("create d/f", OK,
		      ext2_create(im.fs, d, "f", 0644, 0, 0, &f));
	expect_eq_int("rmdir of a non-empty dir", -ENOTEMPTY,
		      ext2_rmdir(im.fs, EXT2_ROOT_INO, "d"));
	expect_eq_int("rmdir of a file", -ENOTDIR, ext2_rmdir(im.fs, d, "f"));
	expect_eq_int("unlink of a dir", -EISDIR,
		      ext2_unlink(im.fs, EXT2_ROOT_INO, "d"));
	expect_eq_int("rmdir of .", -EINVAL, ext2_rmdir(im.fs, d, "."));
	expect_eq_int("rmdir d/sub", OK, ext2_rmdir(im.fs, d, "sub"));
	expect_eq_int("d links after rmdir", 2, nlink_of(&im, d));
	expect_eq_int("unlink d/f", OK, ext2_unlink(im.fs, d, "f"));
	expect_eq_int("rmdir d", OK, ext2_rmdir(im.fs, EXT2_ROOT_INO, "d"));
	expect_eq_int("root links at the end", 3, nlink_of(&im, EXT2_ROOT_INO));
	expect_eq_int("stat of the freed dir", -1, nlink_of(&im, d));
	img_finish(&im);
}

static void ext2_rename_file_and_directory_across_directories(void)
{
	struct img im;
	uint32_t a = 0, b = 0, sub = 0, f = 0, g = 0;

	expect_true("image made", img_setup(&im, "-b 1024", "4M"));
	expect_eq_int("mkdir a", OK,
		      ext2_mkdir(im.fs, EXT2_ROOT_INO, "a", 0755, 0, 0, &a));
	expect_eq_int("mkdir b", OK,
		      ext2_mkdir(im.fs, EXT2_ROOT_INO, "b", 0755, 0, 0, &b));
	expect_eq_int("mkdir a/sub", OK,
		      ext2_mkdir(im.fs, a, "sub", 0755, 0, 0, &sub));
	expect_eq_int("create a/f", OK,
		      ext2_create(im.fs, a, "f", 0644, 0, 0, &f));
	expect_eq_int("create b/g", OK,
		      ext2_create(im.fs, b, "g", 0644, 0, 0, &g));
	expect_eq_int("rename a/f to b/f2", OK,
		      ext2_rename(im.fs, a, "f", b, "f2"));
	expect_eq_int("a/f gone", 0, ino_of(&im, a, "f"));
	expect_eq_int("b/f2 is f", f, ino_of(&im, b, "f2"));
	expect_eq_int("rename b/f2 over b/g", OK,
		      ext2_rename(im.fs, b, "f2", b, "g"));
	expect_eq_int("b/g is f", f, ino_of(&im, b, "g"));
	expect_eq_int("old g freed", -1, nlink_of(&im, g));
	expect_eq_int("rename a dir into itself", -EINVAL,
		      ext2_rename(im.fs, EXT2_ROOT_INO, "a", sub, "x"));
	expect_eq_int("rename a dir over a file", -ENOTDIR,
		      ext2_rename(im.fs, a, "sub", b, "g"));
	expect_eq_int("rename a/sub to b/sub", OK,
		      ext2_rename(im.fs, a, "sub", b, "sub"));
	expect_eq_int("sub/.. is b", b, ino_of(&im, sub, ".."));
	expect_eq_int("a links", 2, nlink_of(&im, a));
	expect_eq_int("b links", 3, nlink_of(&im, b));
	expect_eq_int("rename a over non-empty b", -ENOTEMPTY,
		      ext2_rename(im.fs, b, "sub", EXT2_ROOT_INO, "b"));
	expect_eq_int("rename b/sub over empty a", OK,
		      ext2_rename(im.fs, b, "sub", EXT2_ROOT_INO, "a"));
	expect_eq_int("a is sub now", sub, ino_of(&im, EXT2_ROOT_INO, "a"));
	expect_eq_int("b links after", 2, nlink_of(&im, b));
	/* ".", "..", lost+found, a (was sub) and b */
	expect_eq_int("root links after", 5, nlink_of(&im, EXT2_ROOT_INO));
	expect_eq_int("sub/.. is root", EXT2_ROOT_INO, ino_of(&im, sub, ".."));
	expect_eq_int("rename within a dir", OK,
		      ext2_rename(im.fs, EXT2_ROOT_INO, "a", EXT2_ROOT_INO,
				  "renamed-directory"));
	expect_eq_int("renamed", sub,
		      ino_of(&im, EXT2_ROOT_INO, "renamed-directory"));
	img_finish(&im);
}

static void ext2_hard_links_count_and_last_unlink_frees(void)
{
	struct ext2_statfs before, after;
	struct img im;
	uint32_t f = 0, d = 0;

	expect_true("image made", img_setup(&im, "-b 1024", "4M"));
	ext2_statfs(im.fs, &before);
	expect_eq_int("create", OK,
		      ext2_create(im.fs, EXT2_ROOT_INO, "f", 0644, 0, 0, &f));
	expect_eq_int("write", 5000,
		      ext2_write(im.fs, f, 0, (uint8_t[5000]){ 1 }, 5000));
	expect_eq_int("mkdir", OK,
		      ext2_mkdir(im.fs, EXT2_ROOT_INO, "d", 0755, 0, 0, &d));
	expect_eq_int("link d/l1", OK, ext2_link(im.fs, f, d, "l1"));
	expect_eq_int("link l2", OK, ext2_link(im.fs, f, EXT2_ROOT_INO, "l2"));
	expect_eq_int("links", 3, nlink_of(&im, f));
	expect_eq_int("link to a dir", -EPERM,
		      ext2_link(im.fs, d, EXT2_ROOT_INO, "dl"));
	expect_eq_int("link over a name", -EEXIST,
		      ext2_link(im.fs, f, EXT2_ROOT_INO, "d"));
	expect_eq_int("rename onto another link of itself", OK,
		      ext2_rename(im.fs, EXT2_ROOT_INO, "f", EXT2_ROOT_INO,
				  "l2"));
	expect_eq_int("links unchanged", 3, nlink_of(&im, f));
	expect_eq_int("unlink f", OK, ext2_unlink(im.fs, EXT2_ROOT_INO, "f"));
	expect_eq_int("unlink l2", OK, ext2_unlink(im.fs, EXT2_ROOT_INO, "l2"));
	expect_eq_int("links left", 1, nlink_of(&im, f));
	expect_eq_int("read via d/l1", 5000,
		      ext2_read(im.fs, ino_of(&im, d, "l1"), 0,
				(uint8_t[6000]){ 0 }, 6000));
	expect_eq_int("unlink d/l1", OK, ext2_unlink(im.fs, d, "l1"));
	expect_eq_int("rmdir", OK, ext2_rmdir(im.fs, EXT2_ROOT_INO, "d"));
	ext2_statfs(im.fs, &after);
	expect_eq_int("blocks back", before.bfree, after.bfree);
	expect_eq_int("inodes back", before.ffree, after.ffree);
	img_finish(&im);
}

static void ext2_fast_and_slow_symlinks_read_back(void)
{
	char longt[300], buf[400];
	struct ext2_stat st;
	struct img im;
	uint32_t s1 = 0, s2 = 0;

	memset(longt, 'x', sizeof(longt) - 1);
	longt[sizeof(longt) - 1] = '\0';
	memcpy(longt, "/a/long/target/", 15);
	expect_true("image made", img_setup(&im, "-b 1024", "4M"));
	expect_eq_int("fast symlink", OK,
		      ext2_symlink(im.fs, EXT2_ROOT_INO, "short", "/bin/sh", 0,
				   0, &s1));
	expect_eq_int("slow symlink", OK,
		      ext2_symlink(im.fs, EXT2_ROOT_INO, "long", longt, 0, 0,
				   &s2));
	expect_eq_int("readlink fast", 7, ext2_readlink(im.fs, s1, buf, 400));
	expect_true("fast target", memcmp(buf, "/bin/sh", 7) == 0);
	expect_eq_int("readlink slow", 299, ext2_readlink(im.fs, s2, buf, 400));
	expect_true("slow target", memcmp(buf, longt, 299) == 0);
	expect_eq_int("stat fast", OK, ext2_stat(im.fs, s1, &st));
	expect_eq_u64("fast symlink uses no blocks", 0, st.blocks);
	expect_eq_int("type", EXT2_S_IFLNK, st.mode & EXT2_S_IFMT);
	expect_eq_int("stat slow", OK, ext2_stat(im.fs, s2, &st));
	expect_eq_u64("slow symlink uses a block", 2, st.blocks);
	expect_eq_int("readlink of a file", -EINVAL,
		      ext2_readlink(im.fs, EXT2_ROOT_INO, buf, 400));
	expect_eq_int("unlink slow", OK,
		      ext2_unlink(im.fs, EXT2_ROOT_INO, "long"));
	img_finish(&im);
}

static void ext2_device_nodes_and_attributes(void)
{
	struct ext2_stat st;
	struct img im;
	uint32_t c = 0;

	expect_true("image made", img_setup(&im, "-b 1024", "4M"));
	expect_eq_int("mknod", OK,
		      ext2_mknod(im.fs, EXT2_ROOT_INO, "tty",
				 EXT2_S_IFCHR | 0620, (4 << 8) | 64, 0, 5, &c));
	expect_eq_int("chown", OK, ext2_chown(im.fs, c, 100000, 7));
	expect_eq_int("chmod", OK, ext2_chmod(im.fs, c, 0600));
	expect_eq_int("utime", OK, ext2_utime(im.fs, c, 11, 22));
	expect_eq_int("stat", OK, ext2_stat(im.fs, c, &st));
	expect_eq_int("mode", EXT2_S_IFCHR | 0600, st.mode);
	expect_eq_int("rdev", (4 << 8) | 64, st.rdev);
	expect_eq_int("uid", 100000, st.uid);
	expect_eq_int("gid", 7, st.gid);
	expect_eq_int("mtime", 22, st.mtime);
	expect_eq_int("bad name", -EINVAL,
		      ext2_create(im.fs, EXT2_ROOT_INO, "a/b", 0644, 0, 0, &c));
	expect_eq_int("create in a non-dir", -ENOTDIR,
		      ext2_create(im.fs, c, "x", 0644, 0, 0, &c));
	img_finish(&im);
}

static void ext2_mount_refuses_unsupported_features(void)
{
	struct img im;

	expect_true("ext4 image made",
		    img_begin(&im) && img_mkfs(&im, "-b 1024 -O extent", "4M"));
	expect_eq_int("mount of an extent image", -EINVAL, img_mount(&im));
	img_end(&im);
	expect_true("image made",
		    img_begin(&im) && img_mkfs(&im, "-b 1024", "4M"));
	expect_eq_int("mount", OK, img_mount(&im));
	img_finish(&im);
}

static void ext2_large_inodes_and_hashed_staged_dir_change_cleanly(void)
{
	struct img im;
	uint32_t etc = 0, ino = 0;
	uint8_t buf[64];
	bool staged;
	int fails = 0;

	staged = img_begin(&im) && img_stage_dir(&im, "etc");
	for (int i = 0; staged && i < 200; i++)
		staged = img_stage_file(&im, unit_fmt("etc/conf%03d", i), "x",
					1);
	expect_true("staged", staged);
	expect_true("image made", img_mkfs(&im, "-b 1024 -I 256", "4M"));
	/* e2fsck -D gives the big directory a hash index (dir_index). */
	expect_true("e2fsck -fyD indexes etc",
		    img_system(unit_fmt("e2fsck -fyD %s >/dev/null 2>&1",
					im.path)) <= 1);
	expect_eq_int("mount", OK, img_mount(&im));
	etc = ino_of(&im, EXT2_ROOT_INO, "etc");
	expect_ne_int("etc found", 0, etc);
	expect_eq_int("entries in etc", 202, count_entries(&im, etc));
	for (int i = 0; i < 200; i += 3)
		fails += ext2_unlink(im.fs, etc, unit_fmt("conf%03d", i)) != OK;
	for (int i = 0; i < 100; i++)
		fails += ext2_create(im.fs, etc, unit_fmt("new%03d", i), 0644,
				     0, 0, &ino) != OK;
	expect_eq_int("changes failed", 0, fails);
	expect_eq_int("write a new file", 64,
		      ext2_write(im.fs, ino, 0, memset(buf, 'y', 64), 64));
	expect_eq_int("rename etc", OK,
		      ext2_rename(im.fs, EXT2_ROOT_INO, "etc", EXT2_ROOT_INO,
				  "etc.old"));
	expect_eq_int("read a staged file", 1,
		      ext2_read(im.fs, ino_of(&im, etc, "conf001"), 0, buf,
				sizeof(buf)));
	expect_eq_int("staged contents", 'x', buf[0]);
	img_finish(&im);
}

int main(void)
{
	static const struct unit_test tests[] = {
		UNIT_TEST(ext2_directory_grows_then_unlink_half_and_recreate),
		UNIT_TEST(ext2_mkdir_rmdir_and_link_counts),
		UNIT_TEST(ext2_rename_file_and_directory_across_directories),
		UNIT_TEST(ext2_hard_links_count_and_last_unlink_frees),
		UNIT_TEST(ext2_fast_and_slow_symlinks_read_back),
		UNIT_TEST(ext2_device_nodes_and_attributes),
		UNIT_TEST(ext2_mount_refuses_unsupported_features),
		UNIT_TEST(
			ext2_large_inodes_and_hashed_staged_dir_change_cleanly),
	};

	return unit_run(tests, UNIT_COUNT(tests));
}
