/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The mount calls of mount and umount, apart from their parsing and
 * the mount table: sysmount_axo.c makes the real calls; sysmount_host.c
 * is the stand-in of the host tests (it only checks that the mount
 * point is a directory, and mounts nothing).
 */
#ifndef CMD_SYSMOUNT_H
#define CMD_SYSMOUNT_H

#include <stdbool.h>

/* Mount dev at dir, served by type.  0, or -1 with errno. */
int sys_mount(const char *dev, const char *dir, const char *type, bool rdonly);

/* Unmount what is mounted at dir.  0, or -1 with errno. */
int sys_umount(const char *dir);

#endif
