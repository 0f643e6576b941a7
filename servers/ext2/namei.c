// SPDX-License-Identifier: BSD-2-Clause
/*
 * Names: ext2_lookup, ext2_create, ext2_mknod, ext2_mkdir, ext2_unlink,
 * ext2_rmdir, ext2_link, ext2_symlink, ext2_readlink.  Each checks the
 * name and the directory first; a failure after the new inode was taken
 * gives it back, so a refused call leaves the file system as it was.
 * Rename lives in rename.c.
 */
#include <axo/errno.h>
#include <axo/fmt.h>

#include "ext2_priv.h"

/*
 * Check a single path component: 1..255 bytes, no '/'; with !dots "."
 * and ".." are refused too.  Its length into *len.
 */
int ext2_name_check(const char *name, bool dots, size_t *len)
{
	size_t n = 0;

	while (n <= EXT2_NAME_LEN && name[n] != '\0') {
		if (name[n] == '/')
			return -EINVAL;
		n++;
	}
	if (n == 0)
		return -ENOENT;
	if (n > EXT2_NAME_LEN)
		return -ENAMETOOLONG;
	if (!dots && (strcmp(name, ".") == 0 || strcmp(name, "..") == 0))
		return -EINVAL;
	*len = n;
	return OK;
}

/* Read directory inode ino: -ENOTDIR if it is not one, -ENOENT if dead. */
int ext2_dir_get(struct ext2_fs *fs, uint32_t ino, struct ext2_node *dir)
{
	int r = ext2_iget(fs, ino, dir);

	if (r != OK)
		return r;
	if (dir->d.i_links_count == 0)
		return -ENOENT;
	return ext2_is_dir(dir) ? OK : -ENOTDIR;
}

/* Inode of name in directory dir into *ino; -ENOENT, -ENOTDIR. */
int ext2_lookup(struct ext2_fs *fs, uint32_t dir, const char *name,
		uint32_t *ino)
{
	struct ext2_node d;
	size_t len;
	int r = ext2_name_check(name, true, &len);

	if (r == OK)
		r = ext2_dir_get(fs, dir, &d);
	return r == OK ? ext2_dir_find(fs, &d, name, len, ino, NULL) : r;
}

/* Check that name may be added to directory ino: loads it into *d. */
static int new_name(struct ext2_fs *fs, uint32_t ino, const char *name,
		    struct ext2_node *d, size_t *len)
{
	uint32_t other;
	int r = ext2_name_check(name, false, len);

	if (r == OK)
		r = ext2_dir_get(fs, ino, d);
	if (r != OK)
		return r;
	r = ext2_dir_find(fs, d, name, *len, &other, NULL);
	if (r == OK)
		return -EEXIST;
	return r == -ENOENT ? OK : r;
}

/*
 * Make a new inode of the given mode in dir under name; fill calls back
 * to give it contents before it is linked in.  The new inode number
 * into *ino.
 */
static int make_node(struct ext2_fs *fs, uint32_t dir, const char *name,
		     uint32_t mode, uint32_t uid, uint32_t gid,
		     int (*fill)(struct ext2_fs *, struct ext2_node *,
				 const void *),
		     const void *arg, uint32_t *ino)
{
	struct ext2_node d, n;
	bool isdir = (mode & EXT2_S_IFMT) == EXT2_S_IFDIR;
	size_t len;
	int r = new_name(fs, dir, name, &d, &len);

	if (r != OK)
		return r;
	if (isdir && d.d.i_links_count >= EXT2_LINK_MAX)
		return -EMLINK;
	r = ext2_ialloc(fs, dir, isdir, &n.ino);
	if (r != OK)
		return r;
	r = ext2_inew(fs, n.ino, mode, uid, gid, &n);
	if (r != OK) {
		ext2_ifree(fs, n.ino, isdir);
		return r;
	}
	if (fill)
		r = fill(fs, &n, arg);
	if (r == OK)
		r = ext2_iput(fs, &n);
	if (r == OK)
		r = ext2_dir_add(fs, &d, name, len, n.ino, ext2_ftype(mode));
	if (r != OK) {
		n.d.i_links_count = 0;
		ext2_idrop(fs, &n);
		return r;
	}
	if (isdir) {
		d.d.i_links_count++;
		r = ext2_iput(fs, &d);
	}
	*ino = n.ino;
	return r;
}

/* A mode for the call: its type must be one of types (or 0 for none). */
static bool mode_ok(uint32_t mode, uint32_t type)
{
	return (mode & ~(uint32_t)(EXT2_S_IFMT | EXT2_S_PERM)) == 0 &&
	       (mode & EXT2_S_IFMT) == type;
}

/* Create an empty regular file; mode holds permission bits only. */
int ext2_create(struct ext2_fs *fs, uint32_t dir, const char *name,
		uint32_t mode, uint32_t uid, uint32_t gid, uint32_t *ino)
{
	if (!mode_ok(mode, 0))
		return -EINVAL;
	return make_node(fs, dir, name, EXT2_S_IFREG | mode, uid, gid, NULL,
			 NULL, ino);
}

static int fill_rdev(struct ext2_fs *fs, struct ext2_node *n, const void *arg)
{
	uint32_t rdev = *(const uint32_t *)arg;

	(void)fs;
	if (rdev < 0x10000)
		n->d.i_block[0] = rdev; /* the old 8:8 form */
	else
		n->d.i_block[1] = rdev;
	return OK;
}

/*
 * Create a node of any type but a directory or symlink (regular file,
 * character or block device with number rdev, FIFO, socket).
 */
int ext2_mknod(struct ext2_fs *fs, uint32_t dir, const char *name,
	       uint32_t mode, uint32_t rdev, uint32_t uid, uint32_t gid,
	       uint32_t *ino)
{
	uint32_t t = mode & EXT2_S_IFMT;

	if (t == 0 || t == EXT2_S_IFDIR || t == EXT2_S_IFLNK ||
	    ext2_ftype(mode) == EXT2_FT_UNKNOWN || !mode_ok(mode, t))
		return -EINVAL;
	if (t != EXT2_S_IFCHR && t != EXT2_S_IFBLK)
		rdev = 0;
	return make_node(fs, dir, name, mode, uid, gid, fill_rdev, &rdev, ino);
}

static int fill_dir(struct ext2_fs *fs, struct ext2_node *n, const void *arg)
{
	n->d.i_links_count = 2;
	return ext2_dir_init(fs, n, *(const uint32_t *)arg);
}

/* Make a directory holding "." and ".."; the parent gains a link. */
int ext2_mkdir(struct ext2_fs *fs, uint32_t dir, const char *name,
	       uint32_t mode, uint32_t uid, uint32_t gid, uint32_t *ino)
{
	if (!mode_ok(mode, 0))
		return -EINVAL;
	return make_node(fs, dir, name, EXT2_S_IFDIR | mode, uid, gid, fill_dir,
			 &dir, ino);
}

/*
 * Drop one link of n (already unnamed), freeing it at zero unless a
 * client still uses it (fs->busy): then it stays, linkless, until
 * ext2_release().
 */
int ext2_drop_link(struct ext2_fs *fs, struct ext2_node *n)
{
	if (n->d.i_links_count > 0)
		n->d.i_links_count--;
	if (n->d.i_links_count == 0 && (fs->busy == NULL || !fs->busy(n->ino)))
		return ext2_idrop(fs, n);
	n->d.i_ctime = ext2_now(fs);
	return ext2_iput(fs, n);
}

/*
 * Whether n may still be used: it has links, or it lost its last one
 * while a client used it and has not been released (dtime still 0).
 */
bool ext2_live(struct ext2_fs *fs, const struct ext2_node *n)
{
	if (n->d.i_links_count > 0)
		return true;
	return n->d.i_dtime == 0 && n->d.i_mode != 0 && fs->busy != NULL &&
	       fs->busy(n->ino);
}

/* Tell the core which inodes a client still uses (NULL: none). */
void ext2_set_busy(struct ext2_fs *fs, bool (*busy)(uint32_t ino))
{
	fs->busy = busy;
}

/*
 * The last user of ino has gone: free it if it lost its last link while
 * in use.  OK (also when it still has links or was freed already), -EINVAL
 * for a number out of range, -EIO.
 */
int ext2_release(struct ext2_fs *fs, uint32_t ino)
{
	struct ext2_node n;
	int r;

	if (ino != EXT2_ROOT_INO && ino < fs->sb.s_first_ino)
		return -EINVAL;
	if ((r = ext2_iget(fs, ino, &n)) != OK)
		return r;
	if (n.d.i_links_count != 0 || n.d.i_dtime != 0 || n.d.i_mode == 0)
		return OK;
	return ext2_idrop(fs, &n);
}

/*
 * The entry name of directory dir: the directory in *d, the named inode
 * in *n and the entry's place in *loc.
 */
static int find_named(struct ext2_fs *fs, uint32_t dir, const char *name,
		      struct ext2_node *d, struct ext2_node *n,
		      struct ext2_dirloc *loc)
{
	size_t len;
	int r = ext2_name_check(name, false, &len);

	if (r == OK)
		r = ext2_dir_get(fs, dir, d);
	if (r == OK)
		r = ext2_dir_find(fs, d, name, len, &n->ino, loc);
	if (r == OK)
		r = ext2_iget(fs, n->ino, n);
	return r;
}

/* Remove name, not a directory, from dir. -EISDIR for a directory. */
int ext2_unlink(struct ext2_fs *fs, uint32_t dir, const char *name)
{
	struct ext2_node d, n;
	struct ext2_dirloc loc;
	int r = find_named(fs, dir, name, &d, &n, &loc);

	if (r != OK)
		return r;
	if (ext2_is_dir(&n))
		return -EISDIR;
	r = ext2_dir_remove(fs, &d, &loc);
	return r == OK ? ext2_drop_link(fs, &n) : r;
}

/* Remove the empty directory name from dir.  -ENOTEMPTY, -ENOTDIR. */
int ext2_rmdir(struct ext2_fs *fs, uint32_t dir, const char *name)
{
	struct ext2_node d, n;
	struct ext2_dirloc loc;
	int r = find_named(fs, dir, name, &d, &n, &loc);

	if (r == OK && !ext2_is_dir(&n))
		r = -ENOTDIR;
	if (r == OK)
		r = ext2_dir_empty(fs, &n);
	if (r != OK)
		return r;
	r = ext2_dir_remove(fs, &d, &loc);
	if (r != OK)
		return r;
	if (d.d.i_links_count > 2)
		d.d.i_links_count--; /* its ".." is gone */
	r = ext2_iput(fs, &d);
	n.d.i_links_count = 0;
	return r == OK ? ext2_idrop(fs, &n) : r;
}

/* Give inode ino, not a directory, the further name name in dir. */
int ext2_link(struct ext2_fs *fs, uint32_t ino, uint32_t dir, const char *name)
{
	struct ext2_node d, n;
	size_t len;
	int r = ext2_iget(fs, ino, &n);

	if (r != OK)
		return r;
	if (n.d.i_links_count == 0)
		return -ENOENT;
	if (ext2_is_dir(&n))
		return -EPERM;
	if (n.d.i_links_count >= EXT2_LINK_MAX)
		return -EMLINK;
	r = new_name(fs, dir, name, &d, &len);
	if (r == OK)
		r = ext2_dir_add(fs, &d, name, len, ino,
				 ext2_ftype(n.d.i_mode));
	if (r != OK)
		return r;
	n.d.i_links_count++;
	n.d.i_ctime = ext2_now(fs);
	return ext2_iput(fs, &n);
}

static int fill_link(struct ext2_fs *fs, struct ext2_node *n, const void *arg)
{
	const char *target = arg;
	size_t len = strlen(target);
	struct ext2_buf *b;
	uint32_t pblk;
	int r;

	ext2_set_isize(fs, n, len);
	if (len <= EXT2_FAST_SYMLINK_MAX) {
		memcpy(n->d.i_block, target, len);
		return OK;
	}
	r = ext2_bmap(fs, n, 0, true, &pblk);
	if (r != OK)
		return r;
	r = ext2_bget(fs, pblk, false, &b);
	if (r != OK)
		return r;
	memcpy(b->data, target, len);
	ext2_bdirty(b);
	ext2_bput(b);
	return OK;
}

/*
 * Make a symbolic link name in dir pointing at target: inside the inode
 * when shorter than 60 bytes, else in a block of its own.
 */
int ext2_symlink(struct ext2_fs *fs, uint32_t dir, const char *name,
		 const char *target, uint32_t uid, uint32_t gid, uint32_t *ino)
{
	size_t len = strlen(target);

	if (len == 0)
		return -ENOENT;
	if (len >= fs->block_size)
		return -ENAMETOOLONG;
	return make_node(fs, dir, name, EXT2_S_IFLNK | 0777, uid, gid,
			 fill_link, target, ino);
}

/*
 * Copy the target of symlink ino into buf (n bytes at most, not
 * NUL-terminated).  Returns its length; -EINVAL if ino is no symlink.
 */
long ext2_readlink(struct ext2_fs *fs, uint32_t ino, char *buf, size_t n)
{
	struct ext2_node node;
	struct ext2_buf *b;
	uint32_t pblk;
	size_t len;
	int r = ext2_iget(fs, ino, &node);

	if (r != OK)
		return r;
	if (!ext2_live(fs, &node))
		return -ENOENT;
	if ((node.d.i_mode & EXT2_S_IFMT) != EXT2_S_IFLNK)
		return -EINVAL;
	if (ext2_isize(&node) >= fs->block_size)
		return -EIO;
	len = (size_t)ext2_isize(&node);
	if (len > n)
		len = n;
	if (ext2_fast_symlink(fs, &node)) {
		memcpy(buf, node.d.i_block, len);
		return (long)len;
	}
	r = ext2_bmap(fs, &node, 0, false, &pblk);
	if (r == OK && pblk == 0)
		r = -EIO;
	if (r == OK)
		r = ext2_bget(fs, pblk, false, &b);
	if (r != OK)
		return r;
	memcpy(buf, b->data, len);
	ext2_bput(b);
	return (long)len;
}
