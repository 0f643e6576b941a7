/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The ext2 on-disk format (revision 1, as written by mke2fs): superblock,
 * group descriptor, inode and directory entry layouts, with static asserts
 * on their sizes, and the constants the server needs.  All fields are
 * little-endian, which is also the byte order of i386 and of the host the
 * unit tests run on, so the structures are used in place.
 */
#ifndef AXO_EXT2_FS_H
#define AXO_EXT2_FS_H

#include <stdint.h>

#define EXT2_SUPER_OFFSET	 1024 /* byte offset of the primary superblock */
#define EXT2_SUPER_SIZE		 1024
#define EXT2_MAGIC		 0xEF53
#define EXT2_ROOT_INO		 2
#define EXT2_GOOD_OLD_FIRST_INO	 11
#define EXT2_GOOD_OLD_INODE_SIZE 128
#define EXT2_NDIR_BLOCKS	 12 /* direct pointers in i_block */
#define EXT2_IND_BLOCK		 12
#define EXT2_DIND_BLOCK		 13
#define EXT2_TIND_BLOCK		 14
#define EXT2_N_BLOCKS		 15
#define EXT2_NAME_LEN		 255
#define EXT2_LINK_MAX		 65000
#define EXT2_FAST_SYMLINK_MAX	 59 /* longest target kept inside i_block */
#define EXT2_VALID_FS		 1  /* s_state: cleanly unmounted */

/* Feature bits we implement; any other incompat/ro_compat bit refuses. */
#define EXT2_FEATURE_INCOMPAT_FILETYPE	    0x0002
#define EXT2_FEATURE_RO_COMPAT_SPARSE_SUPER 0x0001
#define EXT2_FEATURE_RO_COMPAT_LARGE_FILE   0x0002
#define EXT2_INCOMPAT_SUPPORTED		    EXT2_FEATURE_INCOMPAT_FILETYPE
#define EXT2_RO_COMPAT_SUPPORTED \
	(EXT2_FEATURE_RO_COMPAT_SPARSE_SUPER | \
	 EXT2_FEATURE_RO_COMPAT_LARGE_FILE)

/* i_flags */
#define EXT2_INDEX_FL 0x00001000 /* hashed directory (dir_index) */

/* i_mode file types and permission bits. */
#define EXT2_S_IFMT   0170000
#define EXT2_S_IFSOCK 0140000
#define EXT2_S_IFLNK  0120000
#define EXT2_S_IFREG  0100000
#define EXT2_S_IFBLK  0060000
#define EXT2_S_IFDIR  0040000
#define EXT2_S_IFCHR  0020000
#define EXT2_S_IFIFO  0010000
#define EXT2_S_PERM   07777

/* Directory entry file_type values (feature filetype). */
#define EXT2_FT_UNKNOWN	 0
#define EXT2_FT_REG_FILE 1
#define EXT2_FT_DIR	 2
#define EXT2_FT_CHRDEV	 3
#define EXT2_FT_BLKDEV	 4
#define EXT2_FT_FIFO	 5
#define EXT2_FT_SOCK	 6
#define EXT2_FT_SYMLINK	 7

struct ext2_super {
	uint32_t s_inodes_count;
	uint32_t s_blocks_count;
	uint32_t s_r_blocks_count;
	uint32_t s_free_blocks_count;
	uint32_t s_free_inodes_count;
	uint32_t s_first_data_block;
	uint32_t s_log_block_size;
	uint32_t s_log_frag_size;
	uint32_t s_blocks_per_group;
	uint32_t s_frags_per_group;
	uint32_t s_inodes_per_group;
	uint32_t s_mtime;
	uint32_t s_wtime;
	uint16_t s_mnt_count;
	int16_t s_max_mnt_count;
	uint16_t s_magic;
	uint16_t s_state;
	uint16_t s_errors;
	uint16_t s_minor_rev_level;
	uint32_t s_lastcheck;
	uint32_t s_checkinterval;
	uint32_t s_creator_os;
	uint32_t s_rev_level;
	uint16_t s_def_resuid;
	uint16_t s_def_resgid;
	/* Revision 1 (dynamic) fields. */
	uint32_t s_first_ino;
	uint16_t s_inode_size;
	uint16_t s_block_group_nr;
	uint32_t s_feature_compat;
	uint32_t s_feature_incompat;
	uint32_t s_feature_ro_compat;
	uint8_t s_uuid[16];
	char s_volume_name[16];
	char s_last_mounted[64];
	uint32_t s_algorithm_usage_bitmap;
	uint8_t s_prealloc_blocks;
	uint8_t s_prealloc_dir_blocks;
	uint16_t s_padding1;
	uint8_t s_journal_uuid[16];
	uint32_t s_journal_inum;
	uint32_t s_journal_dev;
	uint32_t s_last_orphan;
	uint8_t s_rest[EXT2_SUPER_SIZE - 236]; /* kept as read */
};
_Static_assert(sizeof(struct ext2_super) == EXT2_SUPER_SIZE,
	       "ext2 superblock is 1024 bytes");

struct ext2_group {
	uint32_t bg_block_bitmap;
	uint32_t bg_inode_bitmap;
	uint32_t bg_inode_table;
	uint16_t bg_free_blocks_count;
	uint16_t bg_free_inodes_count;
	uint16_t bg_used_dirs_count;
	uint16_t bg_flags;
	uint32_t bg_reserved[3];
};
_Static_assert(sizeof(struct ext2_group) == 32,
	       "ext2 group descriptor is 32 bytes");

struct ext2_inode {
	uint16_t i_mode;
	uint16_t i_uid;
	uint32_t i_size;
	uint32_t i_atime;
	uint32_t i_ctime;
	uint32_t i_mtime;
	uint32_t i_dtime;
	uint16_t i_gid;
	uint16_t i_links_count;
	uint32_t i_blocks; /* 512-byte sectors, metadata blocks included */
	uint32_t i_flags;
	uint32_t i_osd1;
	uint32_t i_block[EXT2_N_BLOCKS];
	uint32_t i_generation;
	uint32_t i_file_acl;
	uint32_t i_size_high; /* i_dir_acl for directories */
	uint32_t i_faddr;
	uint16_t i_blocks_high;
	uint16_t i_file_acl_high;
	uint16_t i_uid_high;
	uint16_t i_gid_high;
	uint16_t i_checksum_lo;
	uint16_t i_reserved;
};
_Static_assert(sizeof(struct ext2_inode) == EXT2_GOOD_OLD_INODE_SIZE,
	       "ext2 inode is 128 bytes");

/* Directory entry header; the name follows, not NUL-terminated. */
struct ext2_dirent_hdr {
	uint32_t inode;
	uint16_t rec_len;
	uint8_t name_len;
	uint8_t file_type;
};
_Static_assert(sizeof(struct ext2_dirent_hdr) == 8,
	       "ext2 directory entry header is 8 bytes");

/* Bytes a directory entry with a name of len bytes needs. */
#define EXT2_DIRENT_SIZE(len) ((8u + (unsigned)(len) + 3u) & ~3u)

/* Extended-attribute block header: magic, then the reference count. */
#define EXT2_XATTR_MAGIC 0xEA020000

#endif
