// SPDX-License-Identifier: BSD-2-Clause
/*
 * Directory blocks: a directory is a file of blocks, each filled with
 * variable-length entries whose rec_len chains exactly to the block's
 * end.  Interface: ext2_dir_find, ext2_dir_add (uses the slack after an
 * entry, splitting its record, or appends a block), ext2_dir_remove
 * (merges the record into its predecessor, or frees the first one of a
 * block by zeroing its inode), ext2_dir_retarget, ext2_dir_empty,
 * ext2_dir_init ("." and ".." of a new directory) and the public
 * ext2_getdents.  A hashed (dir_index) directory is treated as a linear
 * one and loses its index flag when changed, as the format allows.
 */
#include <axo/errno.h>
#include <axo/fmt.h>

#include "ext2_priv.h"

/* What a walk over the entries looks at; the visitor may stop it. */
struct dir_walk {
	struct ext2_buf *buf; /* the block being walked, held */
	uint64_t lblk;
	uint32_t off;  /* of the current entry */
	uint32_t prev; /* of the one before it in the block, or UINT32_MAX */
	struct ext2_dirent_hdr hdr;
	const char *name; /* not NUL-terminated; hdr.name_len bytes */
};

/* Returns 0 to go on, 1 to stop (the walk returns OK), <0 an error. */
typedef int (*dir_visit)(struct ext2_fs *fs, struct dir_walk *w, void *arg);

/* Check one entry header against the block; -EIO if it is corrupt. */
static int dir_check(const struct ext2_fs *fs, uint32_t off,
		     const struct ext2_dirent_hdr *h)
{
	if (h->rec_len < 8 || h->rec_len % 4 != 0 ||
	    off + h->rec_len > fs->block_size ||
	    (h->inode != 0 && EXT2_DIRENT_SIZE(h->name_len) > h->rec_len))
		return -EIO;
	return OK;
}

/* Walk the entries of one block; see dir_walk_all. */
static int dir_walk_block(struct ext2_fs *fs, struct dir_walk *w,
			  uint64_t start, dir_visit visit, void *arg)
{
	w->prev = UINT32_MAX;
	for (w->off = 0; w->off < fs->block_size; w->off += w->hdr.rec_len) {
		int r;

		memcpy(&w->hdr, w->buf->data + w->off, sizeof(w->hdr));
		r = dir_check(fs, w->off, &w->hdr);
		if (r != OK)
			return r;
		w->name = (const char *)w->buf->data + w->off + 8;
		if (w->lblk * fs->block_size + w->off >= start) {
			r = visit(fs, w, arg);
			if (r != 0)
				return r;
		}
		w->prev = w->off;
	}
	return 0;
}

/*
 * Call visit on every entry (free ones included) at byte position start
 * and later.  Returns OK when the visitor stopped the walk, -ENOENT when
 * it ran to the end, or the first error.
 */
static int dir_walk_all(struct ext2_fs *fs, struct ext2_node *dir,
			uint64_t start, dir_visit visit, void *arg)
{
	uint64_t nblk = ext2_isize(dir) / fs->block_size;
	struct dir_walk w;

	for (w.lblk = start / fs->block_size; w.lblk < nblk; w.lblk++) {
		uint32_t pblk;
		int r = ext2_bmap(fs, dir, w.lblk, false, &pblk);

		if (r == OK && pblk == 0)
			r = -EIO; /* directories have no holes */
		if (r == OK)
			r = ext2_bget(fs, pblk, false, &w.buf);
		if (r != OK)
			return r;
		r = dir_walk_block(fs, &w, start, visit, arg);
		ext2_bput(w.buf);
		if (r < 0)
			return r;
		if (r > 0)
			return OK;
	}
	return -ENOENT;
}

struct find_arg {
	const char *name;
	size_t len;
	uint32_t ino;
	struct ext2_dirloc loc;
};

static int find_visit(struct ext2_fs *fs, struct dir_walk *w, void *arg)
{
	struct find_arg *a = arg;

	(void)fs;
	if (w->hdr.inode == 0 || w->hdr.name_len != a->len ||
	    memcmp(w->name, a->name, a->len) != 0)
		return 0;
	a->ino = w->hdr.inode;
	a->loc.lblk = w->lblk;
	a->loc.off = w->off;
	a->loc.prev = w->prev;
	return 1;
}

/*
 * Find name (len bytes) in dir: its inode into *ino and, if loc is not
 * NULL, where the entry is.  -ENOENT if absent.
 */
int ext2_dir_find(struct ext2_fs *fs, struct ext2_node *dir, const char *name,
		  size_t len, uint32_t *ino, struct ext2_dirloc *loc)
{
	struct find_arg a = { .name = name, .len = len };
	int r = dir_walk_all(fs, dir, 0, find_visit, &a);

	if (r != OK)
		return r;
	*ino = a.ino;
	if (loc)
		*loc = a.loc;
	return OK;
}

struct add_arg {
	const char *name;
	size_t len;
	uint32_t ino;
	uint8_t ftype;
};

/* Write an entry header and name at off in a held buffer. */
static void dir_put(struct ext2_buf *b, uint32_t off, uint32_t ino,
		    uint32_t rec_len, const char *name, size_t len,
		    uint8_t ftype)
{
	struct ext2_dirent_hdr h = {
		.inode = ino,
		.rec_len = (uint16_t)rec_len,
		.name_len = (uint8_t)len,
		.file_type = ftype,
	};

	memcpy(b->data + off, &h, sizeof(h));
	memcpy(b->data + off + 8, name, len);
	ext2_bdirty(b);
}

static int add_visit(struct ext2_fs *fs, struct dir_walk *w, void *arg)
{
	struct add_arg *a = arg;
	uint32_t need = EXT2_DIRENT_SIZE(a->len), used, rec = w->hdr.rec_len;

	(void)fs;
	if (w->hdr.inode == 0 && rec >= need) {
		dir_put(w->buf, w->off, a->ino, rec, a->name, a->len, a->ftype);
		return 1;
	}
	used = EXT2_DIRENT_SIZE(w->hdr.name_len);
	if (w->hdr.inode == 0 || rec < used + need)
		return 0;
	w->hdr.rec_len = (uint16_t)used; /* split: the slack goes to us */
	memcpy(w->buf->data + w->off, &w->hdr, sizeof(w->hdr));
	dir_put(w->buf, w->off + used, a->ino, rec - used, a->name, a->len,
		a->ftype);
	return 1;
}

/* Append a block to dir holding the one entry of a. */
static int dir_append(struct ext2_fs *fs, struct ext2_node *dir,
		      const struct add_arg *a)
{
	uint64_t lblk = ext2_isize(dir) / fs->block_size;
	struct ext2_buf *b;
	uint32_t pblk;
	int r = ext2_bmap(fs, dir, lblk, true, &pblk);

	if (r != OK) {
		/* Drop a half-made path; dir in memory then matches the disk. */
		if (ext2_trunc_blocks(fs, dir, lblk) == OK)
			ext2_iput(fs, dir);
		return r;
	}
	r = ext2_bget(fs, pblk, true, &b);
	if (r != OK)
		return r;
	dir_put(b, 0, a->ino, fs->block_size, a->name, a->len, a->ftype);
	ext2_bput(b);
	ext2_set_isize(fs, dir, (lblk + 1) * fs->block_size);
	return OK;
}

/*
 * Add the entry name -> ino (file type ftype) to dir, which must not
 * hold name already.  Updates dir's mtime/ctime and writes it back.
 * -ENOSPC if the directory needs a block and none is free.
 */
int ext2_dir_add(struct ext2_fs *fs, struct ext2_node *dir, const char *name,
		 size_t len, uint32_t ino, uint8_t ftype)
{
	struct add_arg a = {
		.name = name,
		.len = len,
		.ino = ino,
		.ftype = fs->filetype ? ftype : EXT2_FT_UNKNOWN,
	};
	int r = dir_walk_all(fs, dir, 0, add_visit, &a);

	if (r == -ENOENT)
		r = dir_append(fs, dir, &a);
	if (r != OK)
		return r;
	dir->d.i_flags &= ~(uint32_t)EXT2_INDEX_FL;
	dir->d.i_mtime = dir->d.i_ctime = ext2_now(fs);
	return ext2_iput(fs, dir);
}

/* Hold the block of dir that loc points into. */
static int loc_get(struct ext2_fs *fs, struct ext2_node *dir,
		   const struct ext2_dirloc *loc, struct ext2_buf **b)
{
	uint32_t pblk;
	int r = ext2_bmap(fs, dir, loc->lblk, false, &pblk);

	if (r == OK && pblk == 0)
		r = -EIO;
	return r == OK ? ext2_bget(fs, pblk, false, b) : r;
}

/*
 * Remove the entry at loc (from ext2_dir_find): merged into the previous
 * record, or, first in its block, marked free.  Writes dir back.
 */
int ext2_dir_remove(struct ext2_fs *fs, struct ext2_node *dir,
		    const struct ext2_dirloc *loc)
{
	struct ext2_dirent_hdr h, p;
	struct ext2_buf *b;
	int r = loc_get(fs, dir, loc, &b);

	if (r != OK)
		return r;
	memcpy(&h, b->data + loc->off, sizeof(h));
	if (loc->prev == UINT32_MAX) {
		h.inode = 0;
		memcpy(b->data + loc->off, &h, sizeof(h));
	} else {
		memcpy(&p, b->data + loc->prev, sizeof(p));
		p.rec_len = (uint16_t)(p.rec_len + h.rec_len);
		memcpy(b->data + loc->prev, &p, sizeof(p));
	}
	ext2_bdirty(b);
	ext2_bput(b);
	dir->d.i_flags &= ~(uint32_t)EXT2_INDEX_FL;
	dir->d.i_mtime = dir->d.i_ctime = ext2_now(fs);
	return ext2_iput(fs, dir);
}

/* Point the entry at loc to another inode (rename over, ".." moves). */
int ext2_dir_retarget(struct ext2_fs *fs, struct ext2_node *dir,
		      const struct ext2_dirloc *loc, uint32_t ino,
		      uint8_t ftype)
{
	struct ext2_dirent_hdr h;
	struct ext2_buf *b;
	int r = loc_get(fs, dir, loc, &b);

	if (r != OK)
		return r;
	memcpy(&h, b->data + loc->off, sizeof(h));
	h.inode = ino;
	h.file_type = fs->filetype ? ftype : EXT2_FT_UNKNOWN;
	memcpy(b->data + loc->off, &h, sizeof(h));
	ext2_bdirty(b);
	ext2_bput(b);
	dir->d.i_mtime = dir->d.i_ctime = ext2_now(fs);
	return ext2_iput(fs, dir);
}

static int empty_visit(struct ext2_fs *fs, struct dir_walk *w, void *arg)
{
	(void)fs;
	(void)arg;
	if (w->hdr.inode == 0)
		return 0;
	if (w->hdr.name_len == 1 && w->name[0] == '.')
		return 0;
	if (w->hdr.name_len == 2 && w->name[0] == '.' && w->name[1] == '.')
		return 0;
	return 1;
}

/* OK if dir holds nothing but "." and "..", else -ENOTEMPTY. */
int ext2_dir_empty(struct ext2_fs *fs, struct ext2_node *dir)
{
	int r = dir_walk_all(fs, dir, 0, empty_visit, NULL);

	if (r == OK)
		return -ENOTEMPTY;
	return r == -ENOENT ? OK : r;
}

/* Give the new directory dir its first block with "." and "..". */
int ext2_dir_init(struct ext2_fs *fs, struct ext2_node *dir, uint32_t parent)
{
	uint8_t ft = fs->filetype ? EXT2_FT_DIR : EXT2_FT_UNKNOWN;
	struct ext2_buf *b;
	uint32_t pblk;
	int r = ext2_bmap(fs, dir, 0, true, &pblk);

	if (r != OK)
		return r;
	r = ext2_bget(fs, pblk, true, &b);
	if (r != OK)
		return r;
	dir_put(b, 0, dir->ino, 12, ".", 1, ft);
	dir_put(b, 12, parent, fs->block_size - 12, "..", 2, ft);
	ext2_bput(b);
	ext2_set_isize(fs, dir, fs->block_size);
	return OK;
}

struct dents_arg {
	struct ext2_dirent *out;
	size_t max, count;
	uint64_t next; /* cookie after the last entry returned */
};

static int dents_visit(struct ext2_fs *fs, struct dir_walk *w, void *arg)
{
	struct dents_arg *a = arg;
	struct ext2_dirent *d;

	if (a->count == a->max)
		return 1;
	a->next = w->lblk * fs->block_size + w->off + w->hdr.rec_len;
	if (w->hdr.inode == 0)
		return 0;
	d = &a->out[a->count++];
	d->ino = w->hdr.inode;
	d->type = fs->filetype ? w->hdr.file_type : EXT2_FT_UNKNOWN;
	d->name_len = w->hdr.name_len;
	memcpy(d->name, w->name, w->hdr.name_len);
	d->name[w->hdr.name_len] = '\0';
	return 0;
}

/*
 * Read up to max entries of directory dir from position *cookie (0 at
 * the start) and advance the cookie past them.  Returns the number of
 * entries, 0 at the end; -ENOTDIR, -EIO.
 */
long ext2_getdents(struct ext2_fs *fs, uint32_t dir, uint64_t *cookie,
		   struct ext2_dirent *out, size_t max)
{
	struct dents_arg a = { .out = out, .max = max, .next = *cookie };
	struct ext2_node n;
	int r = ext2_iget(fs, dir, &n);

	if (r != OK)
		return r;
	if (!ext2_is_dir(&n))
		return -ENOTDIR;
	if (max == 0)
		return 0;
	r = dir_walk_all(fs, &n, *cookie, dents_visit, &a);
	if (r != OK && r != -ENOENT)
		return r;
	*cookie = a.next;
	return (long)a.count;
}
