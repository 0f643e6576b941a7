// SPDX-License-Identifier: BSD-2-Clause
/*
 * Host tests of the ext2 server's pure protocol code (servers/ext2/
 * proto.c): name length and termination checks, vfs_dirent packing,
 * stat/statvfs conversion; and of ext2_ino_check, the guard against
 * inode numbers the server never handed out.  The last test runs the
 * sequence of the guest test t_ext2.c on an image and checks it with
 * `e2fsck -fn`.
 */
// UNIT_SOURCES: servers/ext2/alloc.c servers/ext2/bmap.c servers/ext2/cache.c
// UNIT_SOURCES: servers/ext2/dir.c servers/ext2/file.c servers/ext2/inode.c
// UNIT_SOURCES: servers/ext2/namei.c servers/ext2/rename.c servers/ext2/super.c
// UNIT_SOURCES: servers/ext2/proto.c
#define _DEFAULT_SOURCE

#include "ext2_img.h"
#include "../../servers/ext2/proto.h"

static void proto_name_lengths_from_2_to_name_max_plus_1_are_ok(void)
{
	expect_false("0", proto_name_len_ok(0));
	expect_false("1 (only the NUL)", proto_name_len_ok(1));
	expect_true("2", proto_name_len_ok(2));
	expect_true("VFS_NAME_MAX + 1", proto_name_len_ok(VFS_NAME_MAX + 1));
	expect_false("VFS_NAME_MAX + 2", proto_name_len_ok(VFS_NAME_MAX + 2));
	expect_false("huge", proto_name_len_ok(0xffffffffu));
}

static void proto_name_must_end_in_its_only_nul(void)
{
	expect_true("abc", proto_name_terminated("abc", 4));
	expect_false("no NUL at the end", proto_name_terminated("abcd", 4));
	expect_false("NUL inside", proto_name_terminated("ab\0d", 5));
	expect_true("one char", proto_name_terminated("x", 2));
}

static void proto_dirent_records_are_4_aligned_and_nul_terminated(void)
{
	struct ext2_dirent d = { .ino = 12,
				 .type = EXT2_FT_DIR,
				 .name_len = 3 };
	uint8_t buf[64];
	struct vfs_dirent hdr;

	memcpy(d.name, "abc", 4);
	memset(buf, 0xee, sizeof(buf));
	expect_eq_size("reclen of 3 chars", 12, proto_dirent_reclen(3));
	expect_eq_size("reclen of 4 chars", 16, proto_dirent_reclen(4));
	expect_eq_size("reclen of 255 chars", 264, proto_dirent_reclen(255));
	expect_eq_size("packed", 12, proto_dirent_pack(&d, buf, sizeof(buf)));
	memcpy(&hdr, buf, sizeof(hdr));
	expect_eq_u32("ino", 12, hdr.ino);
	expect_eq_int("reclen", 12, hdr.reclen);
	expect_eq_int("type", VFS_DT_DIR, hdr.type);
	expect_eq_int("namelen", 3, hdr.namelen);
	expect_str_eq("name", "abc", (const char *)buf + sizeof(hdr));
	expect_eq_int("byte after the record untouched", 0xee, buf[12]);
}

static void proto_dirent_that_does_not_fit_leaves_buffer_alone(void)
{
	struct ext2_dirent d = { .ino = 5, .type = EXT2_FT_REG_FILE };
	uint8_t buf[16];

	d.name_len = 8;
	memcpy(d.name, "longname", 9);
	memset(buf, 0xee, sizeof(buf));
	expect_eq_size("needs 20", 20, proto_dirent_reclen(8));
	expect_eq_size("no room", 0, proto_dirent_pack(&d, buf, sizeof(buf)));
	expect_eq_int("buffer unchanged", 0xee, buf[0]);
}

static void proto_dtype_maps_every_ext2_type(void)
{
	expect_eq_int("reg", VFS_DT_REG, proto_dtype(EXT2_FT_REG_FILE));
	expect_eq_int("dir", VFS_DT_DIR, proto_dtype(EXT2_FT_DIR));
	expect_eq_int("chr", VFS_DT_CHR, proto_dtype(EXT2_FT_CHRDEV));
	expect_eq_int("blk", VFS_DT_BLK, proto_dtype(EXT2_FT_BLKDEV));
	expect_eq_int("fifo", VFS_DT_FIFO, proto_dtype(EXT2_FT_FIFO));
	expect_eq_int("lnk", VFS_DT_LNK, proto_dtype(EXT2_FT_SYMLINK));
	expect_eq_int("sock", VFS_DT_UNKNOWN, proto_dtype(EXT2_FT_SOCK));
	expect_eq_int("bogus", VFS_DT_UNKNOWN, proto_dtype(200));
}

static void proto_stat_and_statvfs_carry_every_field(void)
{
	struct ext2_stat st = { .ino = 7,
				.mode = 0100644,
				.nlink = 2,
				.uid = 10,
				.gid = 20,
				.rdev = 0,
				.size = 0x100000005ull,
				.blocks = 16,
				.blksize = 1024,
				.atime = 1,
				.mtime = 2,
				.ctime = 3 };
	struct ext2_statfs fs = { .bsize = 1024,
				  .blocks = 100,
				  .bfree = 50,
				  .bavail = 45,
				  .files = 32,
				  .ffree = 20,
				  .namemax = 255 };
	struct vfs_statvfs sv;
	struct vfs_stat vs;
	struct fs_node node = { .pos_lo = 77 };

	proto_stat(&st, 0x301, &vs);
	expect_eq_u32("dev", 0x301, vs.dev);
	expect_eq_u32("size_lo", 5, vs.size_lo);
	expect_eq_u32("size_hi", 1, vs.size_hi);
	expect_eq_u32("mode", 0100644, vs.mode);
	expect_eq_int("uid", 10, vs.uid);
	expect_eq_u32("mtime", 2, vs.mtime);
	expect_eq_u32("blocks", 16, vs.blocks);
	proto_statvfs(&fs, VFS_MNT_RDONLY, &sv);
	expect_str_eq("fstype", "ext2", sv.fstype);
	expect_eq_u32("bfree", 50, sv.bfree);
	expect_eq_u32("flags", VFS_MNT_RDONLY, sv.flags);
	proto_node(&st, &node);
	expect_eq_u32("node ino", 7, node.ino);
	expect_eq_u32("node nlink", 2, node.nlink);
	expect_eq_u32("node pos untouched", 77, node.pos_lo);
}

static void ext2_ino_check_refuses_forged_and_free_inodes(void)
{
	struct img im;
	uint32_t ino = 0;

	expect_true("image made", img_setup(&im, "-b 1024", "1M"));
	expect_eq_int("root", OK, ext2_ino_check(im.fs, EXT2_ROOT_INO));
	expect_eq_int("0", -EINVAL, ext2_ino_check(im.fs, 0));
	expect_eq_int("reserved 7", -EINVAL, ext2_ino_check(im.fs, 7));
	expect_eq_int("past the end", -EINVAL,
		      ext2_ino_check(im.fs, 0x7fffffffu));
	expect_eq_int("free inode", -ENOENT, ext2_ino_check(im.fs, 20));
	expect_eq_int("create", OK,
		      ext2_create(im.fs, EXT2_ROOT_INO, "f", 0644, 0, 0, &ino));
	expect_eq_int("created inode", OK, ext2_ino_check(im.fs, ino));
	expect_eq_int("unlink", OK, ext2_unlink(im.fs, EXT2_ROOT_INO, "f"));
	expect_eq_int("unlinked inode", -ENOENT, ext2_ino_check(im.fs, ino));
	img_finish(&im);
}

/* Pack all of dir through a small buffer as the server does; entries. */
static long packed_entries(struct img *im, uint32_t dir, bool *saw_new)
{
	struct ext2_dirent d;
	uint8_t buf[40];
	uint64_t cookie = 0, next;
	long total = 0;

	for (;;) {
		next = cookie;
		long n = ext2_getdents(im->fs, dir, &next, &d, 1);
		if (n <= 0)
			return n < 0 ? n : total;
		if (proto_dirent_pack(&d, buf, sizeof(buf)) == 0)
			return -1;
		if (strcmp((char *)buf + sizeof(struct vfs_dirent), "new") == 0)
			*saw_new = true;
		cookie = next;
		total++;
	}
}

static void ext2_server_sequence_leaves_a_clean_image(void)
{
	static const char hello[] = "hello from the test disk\n";
	char buf[64] = { 0 };
	struct img im;
	uint32_t ino = 0, dir = 0, f = 0;
	bool saw_new = false;

	expect_true("begin", img_begin(&im));
	expect_true("stage",
		    img_stage_file(&im, "hello.txt", hello, sizeof(hello) - 1));
	expect_true("mkfs", img_mkfs(&im, "-b 1024 -I 128", "2M"));
	expect_eq_int("mount", OK, img_mount(&im));
	expect_eq_int("lookup", OK,
		      ext2_lookup(im.fs, EXT2_ROOT_INO, "hello.txt", &f));
	expect_eq_int("read", sizeof(hello) - 1,
		      ext2_read(im.fs, f, 0, buf, sizeof(buf)));
	expect_eq_int("create", OK,
		      ext2_create(im.fs, EXT2_ROOT_INO, "new", 0644, 0, 0,
				  &ino));
	expect_eq_int("write", 5, ext2_write(im.fs, ino, 0, "12345", 5));
	expect_eq_int("mkdir", OK,
		      ext2_mkdir(im.fs, EXT2_ROOT_INO, "d", 0755, 0, 0, &dir));
	expect_eq_int("entries", 6,
		      packed_entries(&im, EXT2_ROOT_INO, &saw_new));
	expect_true("new listed", saw_new);
	expect_eq_int("unlink", OK, ext2_unlink(im.fs, EXT2_ROOT_INO, "new"));
	expect_eq_int("sync", OK, ext2_sync(im.fs));
	img_finish(&im);
}

int main(void)
{
	static const struct unit_test tests[] = {
		UNIT_TEST(proto_name_lengths_from_2_to_name_max_plus_1_are_ok),
		UNIT_TEST(proto_name_must_end_in_its_only_nul),
		UNIT_TEST(
			proto_dirent_records_are_4_aligned_and_nul_terminated),
		UNIT_TEST(proto_dirent_that_does_not_fit_leaves_buffer_alone),
		UNIT_TEST(proto_dtype_maps_every_ext2_type),
		UNIT_TEST(proto_stat_and_statvfs_carry_every_field),
		UNIT_TEST(ext2_ino_check_refuses_forged_and_free_inodes),
		UNIT_TEST(ext2_server_sequence_leaves_a_clean_image),
	};

	return unit_run(tests, UNIT_COUNT(tests));
}
