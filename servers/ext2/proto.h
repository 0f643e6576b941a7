/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Pure conversions between the ext2 core and the VFS<->FS protocol,
 * kept apart from the IPC so host tests can check them: the length and
 * termination checks of names VFS passes, packing directory entries into
 * struct vfs_dirent records, and filling struct vfs_stat, vfs_statvfs
 * and fs_node from the core's figures.
 */
#ifndef AXO_EXT2_PROTO_H
#define AXO_EXT2_PROTO_H

#include <axo/msg_fs.h>
#include <axo/msg_vfs.h>

#include "ext2.h"

/*
 * Whether len is an acceptable name length from VFS: at least one
 * character and its NUL, at most VFS_NAME_MAX characters and the NUL.
 */
bool proto_name_len_ok(uint32_t len);

/*
 * Whether name[0..len) is one NUL-terminated string of len - 1 characters
 * (no NUL inside).  len must have passed proto_name_len_ok().
 */
bool proto_name_terminated(const char *name, uint32_t len);

/* The record length of a vfs_dirent with a name of namelen characters. */
size_t proto_dirent_reclen(size_t namelen);

/*
 * Pack d into buf as one vfs_dirent record if it fits in cap bytes;
 * its record length, or 0 if it does not fit (buf unchanged).
 */
size_t proto_dirent_pack(const struct ext2_dirent *d, uint8_t *buf, size_t cap);

/* The VFS_DT_* of an EXT2_FT_* file type. */
uint8_t proto_dtype(uint8_t ft);

/* Fill *out from st; dev is the device the file system lives on. */
void proto_stat(const struct ext2_stat *st, uint32_t dev, struct vfs_stat *out);

/* Fill *out from st; flags are the VFS_MNT_* the mount had. */
void proto_statvfs(const struct ext2_statfs *st, uint32_t flags,
		   struct vfs_statvfs *out);

/* Fill the reply's *node from st (the position fields stay). */
void proto_node(const struct ext2_stat *st, struct fs_node *node);

#endif
