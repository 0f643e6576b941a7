/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Private to the ext2 core: the mounted file system, the block cache, the
 * allocators, inode access, block mapping and directory primitives that
 * the public calls of ext2.h are built from.
 */
#ifndef AXO_EXT2_PRIV_H
#define AXO_EXT2_PRIV_H

#include "ext2.h"

#define EXT2_NBUF      64    /* blocks in the write-back cache */
#define EXT2_MAX_BLOCK 4096  /* the largest block size we mount */
#define EXT2_MIN_BLOCK 1024  /* the smallest */
#define EXT2_RUN_BYTES 32768 /* the longest run the cache writes at once */
#define EXT2_GD_BYTES  8192  /* group descriptors: 256 groups */

struct ext2_buf {
	uint32_t blk;
	bool valid;
	bool dirty;
	unsigned int refs;
	uint64_t used; /* LRU stamp */
	uint8_t *data;
};

struct ext2_fs {
	struct ext2_dev dev;
	struct ext2_super sb;
	struct ext2_group *gd;
	uint32_t ngroups;
	uint32_t gd_blocks; /* blocks the descriptor table occupies */
	uint32_t block_size;
	uint32_t inode_size;
	uint32_t apb;		    /* block pointers per indirect block */
	bool filetype;		    /* directory entries carry file types */
	uint64_t clock;		    /* cache LRU clock */
	bool (*busy)(uint32_t ino); /* a client uses ino (ext2_set_busy) */
	struct ext2_buf buf[EXT2_NBUF];
};

/* An inode being worked on: its number and a copy of its first 128 bytes. */
struct ext2_node {
	uint32_t ino;
	struct ext2_inode d;
};

/* cache.c */
int ext2_bget(struct ext2_fs *fs, uint32_t blk, bool fresh,
	      struct ext2_buf **out);
void ext2_bput(struct ext2_buf *b);
void ext2_bdirty(struct ext2_buf *b);
int ext2_cache_flush(struct ext2_fs *fs);
void ext2_cache_forget(struct ext2_fs *fs, uint32_t blk);
bool ext2_cached(struct ext2_fs *fs, uint32_t blk);

/* balloc.c and ialloc.c */
int ext2_balloc(struct ext2_fs *fs, uint32_t goal, uint32_t *blk);
int ext2_bfree(struct ext2_fs *fs, uint32_t blk);
int ext2_ialloc(struct ext2_fs *fs, uint32_t near, bool dir, uint32_t *ino);
int ext2_ifree(struct ext2_fs *fs, uint32_t ino, bool dir);

/* inode.c */
uint32_t ext2_now(struct ext2_fs *fs);
int ext2_iget(struct ext2_fs *fs, uint32_t ino, struct ext2_node *n);
int ext2_iput(struct ext2_fs *fs, const struct ext2_node *n);
int ext2_inew(struct ext2_fs *fs, uint32_t ino, uint32_t mode, uint32_t uid,
	      uint32_t gid, struct ext2_node *n);
int ext2_idrop(struct ext2_fs *fs, struct ext2_node *n);
uint64_t ext2_isize(const struct ext2_node *n);
void ext2_set_isize(struct ext2_fs *fs, struct ext2_node *n, uint64_t size);
bool ext2_is_dir(const struct ext2_node *n);
bool ext2_live(struct ext2_fs *fs, const struct ext2_node *n);
bool ext2_fast_symlink(const struct ext2_fs *fs, const struct ext2_node *n);
uint8_t ext2_ftype(uint32_t mode);

/* bmap.c */
int ext2_bmap(struct ext2_fs *fs, struct ext2_node *n, uint64_t lblk,
	      bool alloc, uint32_t *pblk);
int ext2_trunc_blocks(struct ext2_fs *fs, struct ext2_node *n, uint64_t keep);
uint64_t ext2_max_blocks(const struct ext2_fs *fs);

/* dir.c: where an entry sits, for removing or retargeting it. */
struct ext2_dirloc {
	uint64_t lblk;
	uint32_t off;
	uint32_t prev; /* offset of the previous entry, or UINT32_MAX */
};
int ext2_dir_find(struct ext2_fs *fs, struct ext2_node *dir, const char *name,
		  size_t len, uint32_t *ino, struct ext2_dirloc *loc);
int ext2_dir_add(struct ext2_fs *fs, struct ext2_node *dir, const char *name,
		 size_t len, uint32_t ino, uint8_t ftype);
int ext2_dir_remove(struct ext2_fs *fs, struct ext2_node *dir,
		    const struct ext2_dirloc *loc);
int ext2_dir_retarget(struct ext2_fs *fs, struct ext2_node *dir,
		      const struct ext2_dirloc *loc, uint32_t ino,
		      uint8_t ftype);
int ext2_dir_empty(struct ext2_fs *fs, struct ext2_node *dir);
int ext2_dir_init(struct ext2_fs *fs, struct ext2_node *dir, uint32_t parent);

/* namei.c, shared with rename.c */
int ext2_name_check(const char *name, bool dots, size_t *len);
int ext2_dir_get(struct ext2_fs *fs, uint32_t ino, struct ext2_node *dir);
int ext2_drop_link(struct ext2_fs *fs, struct ext2_node *n);

#endif
