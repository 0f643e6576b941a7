/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Pure helpers of VFS, kept free of IPC so the host unit tests build
 * them: path components (pathname.c), permission bits, descriptor and
 * select bitmaps (bits.c).
 */
#ifndef VFS_PATHNAME_H
#define VFS_PATHNAME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PATH_COMP_MAX 255

/*
 * The next component of *p into comp (NUL-terminated), skipping slashes
 * before it; *p moves past it.  Returns its length, 0 at the end of the
 * path, or -ENAMETOOLONG (comp then holds nothing useful).
 */
int path_next(const char **p, char comp[PATH_COMP_MAX + 1]);
/* Is nothing but slashes left in p? */
bool path_at_end(const char *p);
/* Does the non-empty path end in '/' after a component ("a/", not "/")? */
bool path_trailing_slash(const char *path);

/* Permission request bits, as in access(): read 4, write 2, execute 1. */
#define PERM_R 4
#define PERM_W 2
#define PERM_X 1

/*
 * May a process with effective ids euid/egid do `want` to a file with
 * this mode and owner?  Root may do anything, except execute a
 * non-directory without any execute bit.
 */
bool perm_permits(uint32_t mode, int32_t fuid, int32_t fgid, int32_t euid,
		  int32_t egid, int want);

/* The lowest index >= from whose entry of used[0..n) is NULL, or -1. */
int slot_lowest_free(void *const *used, int n, int from);
/* Bits set in a, b and c together. */
int bits_count3(uint32_t a, uint32_t b, uint32_t c);
/* The mask of descriptors below nfds (nfds clamped to 0..32). */
uint32_t bits_below(int nfds);

#endif
