/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * newlib's <sys/stat.h> plus what its generic build leaves undeclared
 * but our C library provides (vfs.c).
 */
#ifndef AXO_LIBC_SYS_STAT_H
#define AXO_LIBC_SYS_STAT_H

#include_next <sys/stat.h>

int lstat(const char *__restrict path, struct stat *__restrict st);

#endif
