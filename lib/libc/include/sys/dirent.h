/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Directory streams for newlib's <dirent.h>, which includes this file
 * for the types: DIR reads VFS_GETDENTS records (<axo/msg_vfs.h>) into a
 * buffer and hands them out one struct dirent at a time.
 */
#ifndef _SYS_DIRENT_H
#define _SYS_DIRENT_H

#include <sys/types.h>

#define DT_UNKNOWN 0
#define DT_FIFO	   1
#define DT_CHR	   2
#define DT_DIR	   4
#define DT_BLK	   6
#define DT_REG	   8
#define DT_LNK	   10

struct dirent {
	ino_t d_ino;
	unsigned char d_type; /* DT_* */
	char d_name[256];
};

#define DIR_BUF_SIZE 1024

typedef struct {
	int fd;
	int pos, len; /* the unread records are buf[pos..len) */
	struct dirent ent;
	_Alignas(4) char buf[DIR_BUF_SIZE];
} DIR;

#endif
