// SPDX-License-Identifier: BSD-2-Clause
/*
 * Pure conversions between the ext2 core and the VFS<->FS protocol (see
 * proto.h): name checks, vfs_dirent packing, stat, statvfs and fs_node.
 * No IPC here, so the host tests compile this file as it is.
 */
#include <axo/fmt.h>

#include "proto.h"

bool proto_name_len_ok(uint32_t len)
{
	return len >= 2 && len <= VFS_NAME_MAX + 1;
}

bool proto_name_terminated(const char *name, uint32_t len)
{
	if (name[len - 1] != '\0')
		return false;
	for (uint32_t i = 0; i + 1 < len; i++)
		if (name[i] == '\0')
			return false;
	return true;
}

size_t proto_dirent_reclen(size_t namelen)
{
	return (sizeof(struct vfs_dirent) + namelen + 1 + 3) & ~(size_t)3;
}

uint8_t proto_dtype(uint8_t ft)
{
	switch (ft) {
	case EXT2_FT_REG_FILE:
		return VFS_DT_REG;
	case EXT2_FT_DIR:
		return VFS_DT_DIR;
	case EXT2_FT_CHRDEV:
		return VFS_DT_CHR;
	case EXT2_FT_BLKDEV:
		return VFS_DT_BLK;
	case EXT2_FT_FIFO:
		return VFS_DT_FIFO;
	case EXT2_FT_SYMLINK:
		return VFS_DT_LNK;
	default:
		return VFS_DT_UNKNOWN; /* sockets too: VFS has no type */
	}
}

size_t proto_dirent_pack(const struct ext2_dirent *d, uint8_t *buf, size_t cap)
{
	size_t reclen = proto_dirent_reclen(d->name_len);
	struct vfs_dirent hdr = {
		.ino = d->ino,
		.reclen = (uint16_t)reclen,
		.type = proto_dtype(d->type),
		.namelen = d->name_len,
	};

	if (reclen > cap)
		return 0;
	memset(buf, 0, reclen); /* the padding too: no stale bytes to VFS */
	memcpy(buf, &hdr, sizeof(hdr));
	memcpy(buf + sizeof(hdr), d->name, d->name_len);
	return reclen;
}

void proto_stat(const struct ext2_stat *st, uint32_t dev, struct vfs_stat *out)
{
	*out = (struct vfs_stat){
		.dev = dev,
		.ino = st->ino,
		.mode = st->mode,
		.nlink = st->nlink,
		.uid = (int32_t)st->uid,
		.gid = (int32_t)st->gid,
		.rdev = st->rdev,
		.size_lo = (uint32_t)st->size,
		.size_hi = (uint32_t)(st->size >> 32),
		.atime = st->atime,
		.mtime = st->mtime,
		.ctime = st->ctime,
		.blksize = st->blksize,
		.blocks = st->blocks > UINT32_MAX ? UINT32_MAX :
						    (uint32_t)st->blocks,
	};
}

void proto_statvfs(const struct ext2_statfs *st, uint32_t flags,
		   struct vfs_statvfs *out)
{
	*out = (struct vfs_statvfs){
		.bsize = st->bsize,
		.blocks = st->blocks,
		.bfree = st->bfree,
		.files = st->files,
		.ffree = st->ffree,
		.namemax = st->namemax,
		.flags = flags,
	};
	memcpy(out->fstype, "ext2", sizeof("ext2"));
}

void proto_node(const struct ext2_stat *st, struct fs_node *node)
{
	node->ino = st->ino;
	node->mode = st->mode;
	node->size_lo = (uint32_t)st->size;
	node->size_hi = (uint32_t)(st->size >> 32);
	node->uid = (int32_t)st->uid;
	node->gid = (int32_t)st->gid;
	node->rdev = st->rdev;
	node->nlink = st->nlink;
}
