// SPDX-License-Identifier: BSD-2-Clause
/*
 * df [DIR...]: for each mount of the mount table (../common/mtab.h), or
 * each given mount point, the device, the size, used and free space in
 * KiB (from statvfs) and the mount point.  Without a mount table, the
 * root alone.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/statvfs.h>

#include "../common/mtab.h"

/* blocks of frsize bytes in KiB, rounded down. */
static unsigned long long kib(unsigned long long blocks, unsigned long frsize)
{
	return blocks * frsize / 1024;
}

/* One line for device dev mounted at dir; 0, or 1 after an error line. */
static int show(const char *dev, const char *dir)
{
	struct statvfs st;
	unsigned long frsize;

	if (statvfs(dir, &st) < 0) {
		fprintf(stderr, "df: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	frsize = st.f_frsize != 0 ? st.f_frsize : st.f_bsize;
	unsigned long long total = kib(st.f_blocks, frsize);
	unsigned long long avail = kib(st.f_bfree, frsize);
	printf("%-16s %10llu %10llu %10llu %s\n", dev, total, total - avail,
	       avail, dir);
	return 0;
}

/* The device of mount point dir in e[0..n), or "-". */
static const char *device_of(const struct mtab_entry *e, int n, const char *dir)
{
	for (int i = n - 1; i >= 0; i--)
		if (strcmp(e[i].dir, dir) == 0)
			return e[i].dev;
	return "-";
}

int main(int argc, char **argv)
{
	static struct mtab_entry e[MTAB_MAX];
	int n = mtab_read(mtab_path(), e, MTAB_MAX);
	int status = 0;

	for (int i = 1; i < argc; i++)
		if (argv[i][0] == '-') {
			fprintf(stderr, "df: %s: unknown option\n", argv[i]);
			fputs("usage: df [DIR...]\n", stderr);
			return 2;
		}
	if (n <= 0) {
		n = 1;
		strcpy(e[0].dev, "-");
		strcpy(e[0].dir, "/");
	}
	printf("%-16s %10s %10s %10s %s\n", "Filesystem", "1K-blocks", "Used",
	       "Available", "Mounted on");
	if (argc > 1) {
		for (int i = 1; i < argc; i++)
			status |= show(device_of(e, n, argv[i]), argv[i]);
		return status;
	}
	for (int i = 0; i < n; i++)
		status |= show(e[i].dev, e[i].dir);
	return status;
}
