// SPDX-License-Identifier: BSD-2-Clause
/*
 * Small pure decisions of VFS: permission bits, the lowest free slot of
 * a descriptor table, select bitmaps.  No IPC, so host-tested.
 */
#include "pathname.h"

#define S_IFMT_BITS 0170000
#define S_IFDIR_BIT 0040000

bool perm_permits(uint32_t mode, int32_t fuid, int32_t fgid, int32_t euid,
		  int32_t egid, int want)
{
	uint32_t bits;

	if (euid == 0) {
		if (!(want & PERM_X) || (mode & S_IFMT_BITS) == S_IFDIR_BIT)
			return true;
		return (mode & 0111) != 0;
	}
	if (euid == fuid)
		bits = (mode >> 6) & 7;
	else if (egid == fgid)
		bits = (mode >> 3) & 7;
	else
		bits = mode & 7;
	return ((uint32_t)want & ~bits) == 0;
}

int slot_lowest_free(void *const *used, int n, int from)
{
	if (from < 0)
		return -1;
	for (int i = from; i < n; i++)
		if (used[i] == NULL)
			return i;
	return -1;
}

int bits_count3(uint32_t a, uint32_t b, uint32_t c)
{
	return __builtin_popcount(a) + __builtin_popcount(b) +
	       __builtin_popcount(c);
}

uint32_t bits_below(int nfds)
{
	if (nfds <= 0)
		return 0;
	if (nfds >= 32)
		return 0xffffffffu;
	return (1u << nfds) - 1;
}
