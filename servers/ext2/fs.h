/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The ext2 server: the state of its one mount, the block device glue
 * (bdev.c), the request handlers (ops_mount.c, ops_name.c, ops_io.c)
 * and the helpers they share.  Every handler takes the caller and its
 * message, reads the whole request before it writes the reply into the
 * same message, and returns OK, a byte count, or -E*.
 */
#ifndef AXO_EXT2_SERVER_H
#define AXO_EXT2_SERVER_H

#include <syslib.h>

#include <axo/errno.h>
#include <axo/msg_fs.h>
#include <axo/msg_vfs.h>

#include "ext2.h"
#include "proto.h"

/* The mount: NULL until FS_READSUPER succeeds. */
extern struct ext2_fs *fs_mounted;
extern uint32_t fs_dev; /* VFS_MAKEDEV of the device */
extern bool fs_rdonly;	/* mounted with FS_RDONLY */

typedef int (*fs_handler_t)(endpoint_t caller, message *m);

/* bdev.c */
int bdev_open(endpoint_t drv, int dev_minor, bool rdonly);
void bdev_close(void);
const struct ext2_dev *bdev_dev(void);

/* ops_mount.c */
int do_readsuper(endpoint_t caller, message *m);
int do_unmount(endpoint_t caller, message *m);
int do_putnode(endpoint_t caller, message *m);
int do_statvfs(endpoint_t caller, message *m);
int do_sync(endpoint_t caller, message *m);

/* refs.c */
void refs_reset(struct ext2_fs *fs);
void refs_get(uint32_t ino);
int refs_put(struct ext2_fs *fs, uint32_t ino, uint32_t count);
int refs_release_all(struct ext2_fs *fs);

/* ops_name.c */
int fs_get_name(endpoint_t caller, cp_grant_id_t g, uint32_t len,
		char name[VFS_NAME_MAX + 1]);
int fs_reply_node(uint32_t ino, message *m);
int do_lookup(endpoint_t caller, message *m);
int do_create(endpoint_t caller, message *m);
int do_mkdir(endpoint_t caller, message *m);
int do_mknod(endpoint_t caller, message *m);
int do_unlink(endpoint_t caller, message *m);
int do_rmdir(endpoint_t caller, message *m);
int do_rename(endpoint_t caller, message *m);
int do_link(endpoint_t caller, message *m);
int do_symlink(endpoint_t caller, message *m);

/* ops_io.c */
int do_rdlink(endpoint_t caller, message *m);
int do_read(endpoint_t caller, message *m);
int do_write(endpoint_t caller, message *m);
int do_getdents(endpoint_t caller, message *m);
int do_stat(endpoint_t caller, message *m);
int do_chmod(endpoint_t caller, message *m);
int do_chown(endpoint_t caller, message *m);
int do_ftrunc(endpoint_t caller, message *m);
int do_utime(endpoint_t caller, message *m);

#endif
