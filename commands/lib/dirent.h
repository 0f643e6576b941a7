/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Directory reading for the commands (ls, rm -r).  On the host this is
 * the system's <dirent.h>.  On Axolotl, newlib's i686-elf build has no
 * usable <dirent.h> (its <sys/dirent.h> is an #error), so this declares
 * the small part the commands use, opendir/readdir/closedir, which the C
 * library (lib/libc, over getdents) is to provide.
 */
#ifndef COMMANDS_DIRENT_H
#define COMMANDS_DIRENT_H

#if defined(__linux__)
#include <dirent.h>
#else
#include <limits.h>
#include <sys/types.h>

struct dirent {
	ino_t d_ino;
	char d_name[NAME_MAX + 1];
};

typedef struct axo_dir DIR; /* opaque: the C library's */

DIR *opendir(const char *path);
struct dirent *readdir(DIR *dir);
int closedir(DIR *dir);
#endif

#endif
