/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * <sys/stat.h> for the commands, plus lstat(), which newlib's i686-elf
 * headers leave undeclared although the Axolotl C library (lib/libc)
 * provides it.  A second, identical declaration is harmless once the
 * library's headers declare it too.
 */
#ifndef COMMANDS_STAT_H
#define COMMANDS_STAT_H

#include <sys/stat.h>

#if !defined(__linux__)
int lstat(const char *restrict path, struct stat *restrict buf);
#endif

#endif
