// SPDX-License-Identifier: BSD-2-Clause
/*
 * Requests that name a directory entry: FS_LOOKUP, FS_CREATE, FS_MKDIR,
 * FS_MKNOD, FS_UNLINK, FS_RMDIR, FS_RENAME, FS_LINK, FS_SYMLINK.  Names
 * come through VFS's grants; each is checked for length and termination
 * before anything changes, and every inode number is checked with
 * ext2_ino_check before the core sees it.
 */
#include "fs.h"

/*
 * Copy the name of len bytes (its NUL included) through grant g of the
 * caller into name.  -ENAMETOOLONG, -EINVAL for a bad length or a name
 * that is not one NUL-terminated string, or the copy's error.
 */
int fs_get_name(endpoint_t caller, cp_grant_id_t g, uint32_t len,
		char name[VFS_NAME_MAX + 1])
{
	int r;

	if (len > VFS_NAME_MAX + 1)
		return -ENAMETOOLONG;
	if (!proto_name_len_ok(len))
		return -EINVAL;
	if ((r = sys_safecopyfrom(caller, g, 0, name, len)) != OK)
		return r;
	return proto_name_terminated(name, len) ? OK : -EINVAL;
}

/* Fill m's fs_node with inode ino, a reference for VFS; OK or -E*. */
int fs_reply_node(uint32_t ino, message *m)
{
	struct ext2_stat st;
	int r = ext2_stat(fs_mounted, ino, &st);

	if (r != OK)
		return r;
	m->fs_node = (struct fs_node){ 0 };
	proto_node(&st, &m->fs_node);
	refs_get(ino); /* VFS now holds one more */
	return OK;
}

/* Check the directory and read the name of a request. */
static int dir_and_name(endpoint_t caller, const struct fs_rq *rq,
			char name[VFS_NAME_MAX + 1])
{
	int r = ext2_ino_check(fs_mounted, rq->dir);

	if (r != OK)
		return r;
	return fs_get_name(caller, rq->name, rq->name_len, name);
}

int do_lookup(endpoint_t caller, message *m)
{
	const struct fs_rq rq = m->fs_rq;
	char name[VFS_NAME_MAX + 1];
	uint32_t ino;
	int r;

	if ((r = dir_and_name(caller, &rq, name)) != OK ||
	    (r = ext2_lookup(fs_mounted, rq.dir, name, &ino)) != OK)
		return r;
	return fs_reply_node(ino, m);
}

/*
 * The permission bits of a CREATE or MKDIR request; its mode may carry
 * the file type too, but only the one the call makes.  -EINVAL else.
 */
static int new_perm(const struct fs_rq *rq, uint32_t type, uint32_t *perm)
{
	uint32_t t = rq->mode & EXT2_S_IFMT;

	if ((t != 0 && t != type) || (rq->mode & ~(EXT2_S_IFMT | 07777)))
		return -EINVAL;
	*perm = rq->mode & 07777;
	return OK;
}

int do_create(endpoint_t caller, message *m)
{
	const struct fs_rq rq = m->fs_rq;
	char name[VFS_NAME_MAX + 1];
	uint32_t ino, perm;
	int r;

	if ((r = new_perm(&rq, EXT2_S_IFREG, &perm)) != OK ||
	    (r = dir_and_name(caller, &rq, name)) != OK ||
	    (r = ext2_create(fs_mounted, rq.dir, name, perm, (uint32_t)rq.uid,
			     (uint32_t)rq.gid, &ino)) != OK)
		return r;
	return fs_reply_node(ino, m);
}

int do_mkdir(endpoint_t caller, message *m)
{
	const struct fs_rq rq = m->fs_rq;
	char name[VFS_NAME_MAX + 1];
	uint32_t ino, perm;
	int r;

	if ((r = new_perm(&rq, EXT2_S_IFDIR, &perm)) != OK ||
	    (r = dir_and_name(caller, &rq, name)) != OK ||
	    (r = ext2_mkdir(fs_mounted, rq.dir, name, perm, (uint32_t)rq.uid,
			    (uint32_t)rq.gid, &ino)) != OK)
		return r;
	return fs_reply_node(ino, m);
}

/* MKNOD: the type comes from the request's mode (the core checks it). */
int do_mknod(endpoint_t caller, message *m)
{
	const struct fs_rq rq = m->fs_rq;
	char name[VFS_NAME_MAX + 1];
	uint32_t ino;
	int r;

	if ((r = dir_and_name(caller, &rq, name)) != OK ||
	    (r = ext2_mknod(fs_mounted, rq.dir, name, rq.mode, rq.rdev,
			    (uint32_t)rq.uid, (uint32_t)rq.gid, &ino)) != OK)
		return r;
	return fs_reply_node(ino, m);
}

int do_unlink(endpoint_t caller, message *m)
{
	const struct fs_rq rq = m->fs_rq;
	char name[VFS_NAME_MAX + 1];
	int r = dir_and_name(caller, &rq, name);

	return r != OK ? r : ext2_unlink(fs_mounted, rq.dir, name);
}

int do_rmdir(endpoint_t caller, message *m)
{
	const struct fs_rq rq = m->fs_rq;
	char name[VFS_NAME_MAX + 1];
	int r = dir_and_name(caller, &rq, name);

	return r != OK ? r : ext2_rmdir(fs_mounted, rq.dir, name);
}

/* RENAME: dir/name becomes ino/name2 (ino is the new directory). */
int do_rename(endpoint_t caller, message *m)
{
	const struct fs_rq rq = m->fs_rq;
	char name[VFS_NAME_MAX + 1], name2[VFS_NAME_MAX + 1];
	int r;

	if ((r = dir_and_name(caller, &rq, name)) != OK ||
	    (r = ext2_ino_check(fs_mounted, rq.ino)) != OK ||
	    (r = fs_get_name(caller, rq.name2, rq.name2_len, name2)) != OK)
		return r;
	return ext2_rename(fs_mounted, rq.dir, name, rq.ino, name2);
}

/* LINK: a new entry dir/name for the existing inode ino. */
int do_link(endpoint_t caller, message *m)
{
	const struct fs_rq rq = m->fs_rq;
	char name[VFS_NAME_MAX + 1];
	int r;

	if ((r = dir_and_name(caller, &rq, name)) != OK ||
	    (r = ext2_ino_check(fs_mounted, rq.ino)) != OK)
		return r;
	return ext2_link(fs_mounted, rq.ino, rq.dir, name);
}

/* SYMLINK: dir/name pointing to the target in name2 (up to a path). */
int do_symlink(endpoint_t caller, message *m)
{
	static char target[VFS_PATH_MAX];
	const struct fs_rq rq = m->fs_rq;
	char name[VFS_NAME_MAX + 1];
	uint32_t ino;
	int r;

	if ((r = dir_and_name(caller, &rq, name)) != OK)
		return r;
	if (rq.name2_len < 2 || rq.name2_len > VFS_PATH_MAX)
		return rq.name2_len > VFS_PATH_MAX ? -ENAMETOOLONG : -EINVAL;
	if ((r = sys_safecopyfrom(caller, rq.name2, 0, target, rq.name2_len)) !=
	    OK)
		return r;
	if (!proto_name_terminated(target, rq.name2_len))
		return -EINVAL;
	return ext2_symlink(fs_mounted, rq.dir, name, target, (uint32_t)rq.uid,
			    (uint32_t)rq.gid, &ino);
}
