// SPDX-License-Identifier: BSD-2-Clause
/*
 * ext2_rename: move a name, possibly over an existing one and possibly
 * into another directory.  A directory that changes parent gets its ".."
 * repointed and the two parents' link counts follow; moving a directory
 * into itself or below itself is refused.  All checks come first; the
 * new name is made (or the old target retargeted) before the old name is
 * removed, so a full disk refuses the call without losing the file.
 */
#include <axo/errno.h>

#include "ext2_priv.h"

/* -EINVAL if directory dir is moved (or at) under directory target. */
static int check_not_below(struct ext2_fs *fs, uint32_t dir, uint32_t target)
{
	uint32_t cur = target;

	for (uint32_t depth = 0; cur != EXT2_ROOT_INO; depth++) {
		struct ext2_node n;
		uint32_t up;
		int r;

		if (cur == dir)
			return -EINVAL;
		if (depth > fs->sb.s_inodes_count)
			return -EIO; /* a loop of ".." entries */
		r = ext2_dir_get(fs, cur, &n);
		if (r == OK)
			r = ext2_dir_find(fs, &n, "..", 2, &up, NULL);
		if (r != OK)
			return r == -ENOENT ? -EIO : r;
		cur = up;
	}
	return dir == EXT2_ROOT_INO ? -EINVAL : OK;
}

/* Everything rename works on. */
struct rename_op {
	struct ext2_node sdir, ddir, src, dst;
	struct ext2_dirloc sloc, dloc;
	size_t slen, dlen;
	bool has_dst;
	bool src_dir;
};

/* Check whether the existing target may be replaced by the source. */
static int check_target(struct ext2_fs *fs, struct rename_op *op)
{
	bool dst_dir;
	int r = ext2_iget(fs, op->dst.ino, &op->dst);

	if (r != OK)
		return r;
	dst_dir = ext2_is_dir(&op->dst);
	if (op->src_dir && !dst_dir)
		return -ENOTDIR;
	if (!op->src_dir && dst_dir)
		return -EISDIR;
	return dst_dir ? ext2_dir_empty(fs, &op->dst) : OK;
}

/* Load and check both names and directories. */
static int rename_prepare(struct ext2_fs *fs, struct rename_op *op,
			  uint32_t sdir, const char *sname, uint32_t ddir,
			  const char *dname)
{
	int r = ext2_name_check(sname, false, &op->slen);

	if (r == OK)
		r = ext2_name_check(dname, false, &op->dlen);
	if (r == OK)
		r = ext2_dir_get(fs, sdir, &op->sdir);
	if (r == OK)
		r = ext2_dir_get(fs, ddir, &op->ddir);
	if (r == OK)
		r = ext2_dir_find(fs, &op->sdir, sname, op->slen, &op->src.ino,
				  &op->sloc);
	if (r == OK)
		r = ext2_iget(fs, op->src.ino, &op->src);
	if (r != OK)
		return r;
	op->src_dir = ext2_is_dir(&op->src);
	if (op->src_dir && sdir != ddir) {
		r = check_not_below(fs, op->src.ino, ddir);
		if (r == OK && op->ddir.d.i_links_count >= EXT2_LINK_MAX)
			r = -EMLINK;
		if (r != OK)
			return r;
	}
	r = ext2_dir_find(fs, &op->ddir, dname, op->dlen, &op->dst.ino,
			  &op->dloc);
	op->has_dst = r == OK;
	if (r == -ENOENT)
		return OK;
	if (r != OK || op->dst.ino == op->src.ino)
		return r;
	return check_target(fs, op);
}

/* Re-read a directory node that another step may have written. */
static int reload(struct ext2_fs *fs, struct ext2_node *n)
{
	return ext2_iget(fs, n->ino, n);
}

/* Move the directory src's ".." from sdir to ddir, fixing link counts. */
static int move_dotdot(struct ext2_fs *fs, struct rename_op *op)
{
	struct ext2_dirloc loc;
	uint32_t up;
	int r = ext2_dir_find(fs, &op->src, "..", 2, &up, &loc);

	if (r == OK)
		r = ext2_dir_retarget(fs, &op->src, &loc, op->ddir.ino,
				      EXT2_FT_DIR);
	if (r == OK)
		r = reload(fs, &op->sdir);
	if (r != OK)
		return r;
	if (op->sdir.d.i_links_count > 2)
		op->sdir.d.i_links_count--;
	r = ext2_iput(fs, &op->sdir);
	if (r == OK)
		r = reload(fs, &op->ddir);
	if (r != OK)
		return r;
	op->ddir.d.i_links_count++; /* a replaced directory's goes later */
	return ext2_iput(fs, &op->ddir);
}

/*
 * Rename sdir/sname to ddir/dname.  An existing dname is replaced if
 * compatible (file over file, directory over empty directory).  -EINVAL
 * for moving a directory into itself, -ENOTEMPTY, -EISDIR, -ENOTDIR,
 * -ENOSPC; renaming a name onto another link of the same inode does
 * nothing.
 */
int ext2_rename(struct ext2_fs *fs, uint32_t sdir, const char *sname,
		uint32_t ddir, const char *dname)
{
	struct rename_op op = { 0 };
	uint8_t ft;
	int r = rename_prepare(fs, &op, sdir, sname, ddir, dname);

	if (r != OK || (op.has_dst && op.dst.ino == op.src.ino))
		return r;
	ft = ext2_ftype(op.src.d.i_mode);
	if (op.has_dst)
		r = ext2_dir_retarget(fs, &op.ddir, &op.dloc, op.src.ino, ft);
	else
		r = ext2_dir_add(fs, &op.ddir, dname, op.dlen, op.src.ino, ft);
	if (r == OK && sdir == ddir)
		r = reload(fs, &op.sdir);
	if (r == OK && sdir == ddir && !op.has_dst) /* the add may have */
		r = ext2_dir_find(fs, &op.sdir, sname, op.slen, &op.src.ino,
				  &op.sloc); /* split the source's record */
	if (r == OK)
		r = ext2_dir_remove(fs, &op.sdir, &op.sloc);
	if (r == OK && op.src_dir && sdir != ddir)
		r = move_dotdot(fs, &op);
	if (r == OK && op.has_dst && ext2_is_dir(&op.dst)) {
		op.dst.d.i_links_count = 0;
		r = ext2_idrop(fs, &op.dst);
		if (r == OK && sdir == ddir)
			r = reload(fs, &op.ddir);
		if (r == OK && op.ddir.d.i_links_count > 2) {
			op.ddir.d.i_links_count--; /* dst's ".." is gone */
			r = ext2_iput(fs, &op.ddir);
		}
	} else if (r == OK && op.has_dst) {
		r = ext2_drop_link(fs, &op.dst);
	}
	if (r == OK) {
		op.src.d.i_ctime = ext2_now(fs);
		r = ext2_iput(fs, &op.src);
	}
	return r;
}
