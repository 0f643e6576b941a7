// SPDX-License-Identifier: BSD-2-Clause
/*
 * free: memory in KiB as VM reports it: total, used and free, what the
 * boot images hold, the free part of the kernel's page-table pool and
 * the number of address spaces.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "meminfo.h"

int main(int argc, char **argv)
{
	struct meminfo m;
	unsigned long used;

	if (argc > 1) {
		fprintf(stderr, "free: %s: unknown argument\n", argv[1]);
		fputs("usage: free\n", stderr);
		return 2;
	}
	if (meminfo_read(&m) < 0) {
		fprintf(stderr, "free: memory report: %s\n", strerror(errno));
		return 1;
	}
	used = m.total_kib >= m.free_kib ? m.total_kib - m.free_kib : 0;
	printf("%-10s %10s %10s %10s\n", "KiB", "total", "used", "free");
	printf("%-10s %10lu %10lu %10lu\n", "Mem:", m.total_kib, used,
	       m.free_kib);
	printf("boot images: %lu KiB, page-table pool: %lu KiB free, "
	       "%u address spaces\n",
	       m.boot_kib, m.ptpool_kib, m.spaces);
	return 0;
}
