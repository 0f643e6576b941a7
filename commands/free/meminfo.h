/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What free shows, in KiB: meminfo_axo.c asks VM (VM_INFO);
 * meminfo_host.c gives fixed figures for the host tests.
 */
#ifndef CMD_FREE_MEMINFO_H
#define CMD_FREE_MEMINFO_H

struct meminfo {
	unsigned long total_kib; /* memory VM manages */
	unsigned long free_kib;
	unsigned long boot_kib;	  /* held by boot images and boot files */
	unsigned long ptpool_kib; /* free in the kernel's page-table pool */
	unsigned spaces;	  /* address spaces */
};

/* Fill *m; 0, or -1 with errno. */
int meminfo_read(struct meminfo *m);

#endif
