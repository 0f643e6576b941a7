// SPDX-License-Identifier: BSD-2-Clause
/*
 * The ext2 server (a boot module of the ktest image) on the file system
 * that tools/mk-test-disk.py puts on the ata driver's disk: ktest plays
 * VFS, which the server allows because the ktest image has no VFS and
 * ktest is the root process that started it (servers/ext2/main.c).  The
 * tests run in order on one mount: READSUPER first, UNMOUNT last.  The
 * boot disk is a snapshot, so nothing lasts past the run; the host test
 * test_ext2_proto.c checks the same sequence of changes with e2fsck.
 */
#include <axo/dmap.h>
#include <axo/msg_fs.h>
#include <axo/msg_vfs.h>

#include "ktest.h"

#define ROOT_INO 2
#define HELLO	 "hello from the ext2 test disk\n" /* mk-test-disk.py */
#define BIG	 3000				   /* bytes of new.txt */

static uint8_t data[BIG], back[BIG];
static uint8_t dents[512];
static uint32_t hello_ino, new_ino, sub_ino;

static endpoint_t ext2_ep(void)
{
	return driver_ep("ext2");
}

/* Send one FS request as VFS would; the reply's m_type (or IPC error). */
static int fs_call(message *m)
{
	int r = ipc_sendrec(ext2_ep(), m);

	return r != OK ? r : m->m_type;
}

/* A request naming dir/name, the name through a grant of len bytes. */
static int fs_named(int type, uint32_t dir, const char *name, uint32_t len,
		    struct fs_rq extra, message *m)
{
	cp_grant_id_t g =
		cpf_grant_direct(ext2_ep(), (vir_bytes)name, len, CPF_READ);

	*m = (message){ .m_type = type, .fs_rq = extra };
	m->fs_rq.dir = dir;
	m->fs_rq.name = g;
	m->fs_rq.name_len = len;
	int r = fs_call(m);
	cpf_revoke(g);
	return r;
}

/* LOOKUP of dir/name; the inode or the error. */
static long lookup(uint32_t dir, const char *name)
{
	message m;
	int r = fs_named(FS_LOOKUP, dir, name, (uint32_t)strlen(name) + 1,
			 (struct fs_rq){ 0 }, &m);

	return r != OK ? r : (long)m.fs_node.ino;
}

/* READ, WRITE or GETDENTS of count bytes at pos through a grant. */
static int fs_io(int type, uint32_t ino, uint32_t pos, void *buf,
		 uint32_t count, uint32_t *newpos)
{
	int access = type == FS_WRITE ? CPF_READ : CPF_WRITE;
	cp_grant_id_t g =
		cpf_grant_direct(ext2_ep(), (vir_bytes)buf, count, access);
	message m = { .m_type = type,
		      .fs_rq = { .ino = ino,
				 .grant = g,
				 .count = count,
				 .pos_lo = pos } };
	int r = fs_call(&m);

	cpf_revoke(g);
	if (newpos != NULL)
		*newpos = m.fs_node.pos_lo;
	return r;
}

/* STAT of ino into *st; OK or the error. */
static int fs_stat(uint32_t ino, struct vfs_stat *st)
{
	cp_grant_id_t g = cpf_grant_direct(ext2_ep(), (vir_bytes)st,
					   sizeof(*st), CPF_WRITE);
	message m = { .m_type = FS_STAT,
		      .fs_rq = {
			      .ino = ino, .grant = g, .count = sizeof(*st) } };
	int r = fs_call(&m);

	cpf_revoke(g);
	return r;
}

static void ext2_readsuper_mounts_the_test_disk(void)
{
	message m = { .m_type = FS_READSUPER,
		      .fs_readsuper = { .driver = driver_ep("ata"),
					.dev = VFS_MAKEDEV(ATA_MAJOR, 0) } };

	expect_ne(NONE, ext2_ep());
	expect_eq(OK, fs_call(&m));
	expect_eq(ROOT_INO, m.fs_node.ino);
	expect_eq(VFS_S_IFDIR, m.fs_node.mode & VFS_S_IFMT);
	m = (message){ .m_type = FS_READSUPER,
		       .fs_readsuper = { .driver = driver_ep("ata") } };
	expect_eq(-EBUSY, fs_call(&m));
}

static void ext2_lookup_finds_hello_txt(void)
{
	message m;

	expect_eq(OK, fs_named(FS_LOOKUP, ROOT_INO, "hello.txt", 10,
			       (struct fs_rq){ 0 }, &m));
	hello_ino = m.fs_node.ino;
	expect_eq(VFS_S_IFREG, m.fs_node.mode & VFS_S_IFMT);
	expect_eq(sizeof(HELLO) - 1, m.fs_node.size_lo);
	expect_eq(1, m.fs_node.nlink);
	expect_eq(-ENOENT, lookup(ROOT_INO, "no-such-file"));
	expect_eq(-ENOTDIR, lookup(hello_ino, "x"));
}

static void ext2_read_returns_the_file_bytes(void)
{
	char buf[64] = { 0 };
	uint32_t pos = 0;

	expect_eq(sizeof(HELLO) - 1,
		  fs_io(FS_READ, hello_ino, 0, buf, sizeof(buf), &pos));
	expect_eq(0, strcmp(buf, HELLO));
	expect_eq(sizeof(HELLO) - 1, pos);
	expect_eq(0, fs_io(FS_READ, hello_ino, pos, buf, sizeof(buf), &pos));
	expect_eq(5, fs_io(FS_READ, hello_ino, 6, buf, 5, &pos));
	expect_eq(0, memcmp(buf, "from ", 5));
	expect_eq(11, pos);
}

static void ext2_create_write_and_read_back(void)
{
	struct fs_rq rq = { .mode = 0640, .uid = 5, .gid = 6 };
	struct vfs_stat st;
	uint32_t pos = 0;
	message m;

	for (size_t i = 0; i < BIG; i++)
		data[i] = (uint8_t)(i * 7 + 3);
	expect_eq(OK, fs_named(FS_CREATE, ROOT_INO, "new.txt", 8, rq, &m));
	new_ino = m.fs_node.ino;
	expect_eq(VFS_S_IFREG | 0640, m.fs_node.mode);
	expect_eq(5, m.fs_node.uid);
	expect_eq(0, m.fs_node.size_lo);
	expect_eq(-EEXIST, fs_named(FS_CREATE, ROOT_INO, "new.txt", 8, rq, &m));
	expect_eq(BIG, fs_io(FS_WRITE, new_ino, 0, data, BIG, &pos));
	expect_eq(BIG, pos);
	expect_eq(BIG, fs_io(FS_READ, new_ino, 0, back, BIG, &pos));
	expect_eq(0, memcmp(data, back, BIG));
	expect_eq(OK, fs_stat(new_ino, &st));
	expect_eq(BIG, st.size_lo);
	expect_eq(new_ino, st.ino);
	expect_eq(6, st.gid);
	expect_eq(VFS_MAKEDEV(ATA_MAJOR, 0), st.dev);
}

static void ext2_mkdir_makes_a_directory(void)
{
	struct fs_rq rq = { .mode = 0755 };
	message m;

	expect_eq(OK, fs_named(FS_MKDIR, ROOT_INO, "sub", 4, rq, &m));
	sub_ino = m.fs_node.ino;
	expect_eq(VFS_S_IFDIR | 0755, m.fs_node.mode);
	expect_eq(2, m.fs_node.nlink);
	expect_eq(sub_ino, lookup(ROOT_INO, "sub"));
	expect_eq(ROOT_INO, lookup(sub_ino, ".."));
}

/* Whether the records in dents[0..n) are well formed; names seen. */
static unsigned check_dents(uint32_t n, bool *saw_new, bool *saw_sub)
{
	unsigned count = 0;

	for (uint32_t off = 0; off + sizeof(struct vfs_dirent) <= n;) {
		struct vfs_dirent d;
		memcpy(&d, dents + off, sizeof(d));
		const char *name = (const char *)dents + off + sizeof(d);
		if (d.reclen % 4 != 0 || off + d.reclen > n ||
		    name[d.namelen] != '\0' || strlen(name) != d.namelen)
			return 0;
		*saw_new |= strcmp(name, "new.txt") == 0 && d.ino == new_ino &&
			    d.type == VFS_DT_REG;
		*saw_sub |= strcmp(name, "sub") == 0 && d.type == VFS_DT_DIR;
		off += d.reclen;
		count++;
	}
	return count;
}

static void ext2_getdents_lists_the_root_in_small_pieces(void)
{
	bool saw_new = false, saw_sub = false;
	uint32_t pos = 0, got_pos = 0;
	unsigned total = 0;
	int n;

	/* 40 bytes: two short records at most per call. */
	while ((n = fs_io(FS_GETDENTS, ROOT_INO, pos, dents, 40, &got_pos)) >
	       0) {
		total += check_dents((uint32_t)n, &saw_new, &saw_sub);
		expect_true(got_pos > pos);
		pos = got_pos;
	}
	expect_eq(0, n);
	/* . .. lost+found dir hello.txt new.txt sub */
	expect_eq(7, total);
	expect_true(saw_new);
	expect_true(saw_sub);
	expect_eq(-EINVAL, fs_io(FS_GETDENTS, ROOT_INO, 0, dents, 8, NULL));
}

static void ext2_unlink_removes_the_file_at_the_last_putnode(void)
{
	struct vfs_stat st;
	message m;

	expect_eq(OK, fs_named(FS_UNLINK, ROOT_INO, "new.txt", 8,
			       (struct fs_rq){ 0 }, &m));
	expect_eq(-ENOENT, lookup(ROOT_INO, "new.txt"));
	/* Kept, linkless, while we (as VFS) hold CREATE's reference... */
	expect_eq(OK, fs_stat(new_ino, &st));
	expect_eq(0, st.nlink);
	m = (message){ .m_type = FS_PUTNODE,
		       .fs_rq = { .ino = new_ino, .pos_lo = 1 } };
	expect_eq(OK, fs_call(&m));
	expect_eq(-ENOENT, fs_stat(new_ino, &st)); /* ...freed at the last */
	expect_eq(-ENOTEMPTY, fs_named(FS_RMDIR, ROOT_INO, "dir", 4,
				       (struct fs_rq){ 0 }, &m));
}

static void ext2_statvfs_reports_the_file_system(void)
{
	struct vfs_statvfs sv;
	cp_grant_id_t g = cpf_grant_direct(ext2_ep(), (vir_bytes)&sv,
					   sizeof(sv), CPF_WRITE);
	message m = { .m_type = FS_STATVFS,
		      .fs_rq = { .grant = g, .count = sizeof(sv) } };

	expect_eq(OK, fs_call(&m));
	cpf_revoke(g);
	expect_eq(0, strcmp(sv.fstype, "ext2"));
	expect_eq(1024, sv.bsize);
	expect_eq(2048, sv.blocks); /* mk-test-disk.py */
	expect_true(sv.bfree > 0 && sv.bfree < sv.blocks);
	expect_eq(255, sv.namemax);
}

static void ext2_bad_requests_get_clear_errors(void)
{
	static const char unterminated[4] = { 'a', 'b', 'c', 'd' };
	struct vfs_stat st;
	message m = { .m_type = FS_RQ_BASE + 40 };

	expect_eq(-ENOSYS, fs_call(&m));
	expect_eq(-EINVAL, fs_named(FS_LOOKUP, ROOT_INO, "x", 1,
				    (struct fs_rq){ 0 }, &m));
	expect_eq(-ENAMETOOLONG,
		  fs_named(FS_LOOKUP, ROOT_INO, (const char *)dents,
			   VFS_NAME_MAX + 2, (struct fs_rq){ 0 }, &m));
	expect_eq(-EINVAL, fs_named(FS_LOOKUP, ROOT_INO, unterminated, 4,
				    (struct fs_rq){ 0 }, &m));
	expect_eq(-EINVAL,
		  fs_named(FS_LOOKUP, 0, "x", 2, (struct fs_rq){ 0 }, &m));
	expect_eq(-EINVAL, fs_stat(0, &st));
	expect_eq(-EINVAL, fs_stat(7, &st)); /* reserved */
	expect_eq(-EINVAL, fs_stat(0x7fffffff, &st));
	expect_eq(-ENOENT, fs_stat(200, &st)); /* free */
	m = (message){ .m_type = FS_READ,
		       .fs_rq = {
			       .ino = hello_ino, .grant = 9999, .count = 10 } };
	expect_true(fs_call(&m) < 0); /* a grant that does not exist */
}

/* Child body: an FS request from somebody who is not VFS. */
static int sync_from_child(uint32_t ep)
{
	message m = { .m_type = FS_SYNC };
	int r = ipc_sendrec((endpoint_t)ep, &m);

	return r != OK ? r : m.m_type;
}

static void ext2_requests_from_others_are_refused(void)
{
	endpoint_t child;
	int result = 0;

	expect_eq(OK, spawn_sys(sync_from_child, (uint32_t)ext2_ep(), &child));
	expect_eq(OK, child_wait(child, &result));
	expect_eq(-EPERM, result);
}

static void ext2_sync_and_unmount_then_requests_fail(void)
{
	message m = { .m_type = FS_SYNC };

	expect_eq(OK, fs_call(&m));
	m = (message){ .m_type = FS_UNMOUNT };
	expect_eq(OK, fs_call(&m));
	expect_eq(-EINVAL, lookup(ROOT_INO, "hello.txt"));
	m = (message){ .m_type = FS_SYNC };
	expect_eq(-EINVAL, fs_call(&m));
}

const struct test_case ext2_tests[] = {
	{ "ext2_readsuper_mounts_the_test_disk",
	  ext2_readsuper_mounts_the_test_disk },
	{ "ext2_lookup_finds_hello_txt", ext2_lookup_finds_hello_txt },
	{ "ext2_read_returns_the_file_bytes",
	  ext2_read_returns_the_file_bytes },
	{ "ext2_create_write_and_read_back", ext2_create_write_and_read_back },
	{ "ext2_mkdir_makes_a_directory", ext2_mkdir_makes_a_directory },
	{ "ext2_getdents_lists_the_root_in_small_pieces",
	  ext2_getdents_lists_the_root_in_small_pieces },
	{ "ext2_unlink_removes_the_file_at_the_last_putnode",
	  ext2_unlink_removes_the_file_at_the_last_putnode },
	{ "ext2_statvfs_reports_the_file_system",
	  ext2_statvfs_reports_the_file_system },
	{ "ext2_bad_requests_get_clear_errors",
	  ext2_bad_requests_get_clear_errors },
	{ "ext2_requests_from_others_are_refused",
	  ext2_requests_from_others_are_refused },
	{ "ext2_sync_and_unmount_then_requests_fail",
	  ext2_sync_and_unmount_then_requests_fail },
	{ NULL, NULL },
};
