// SPDX-License-Identifier: BSD-2-Clause
/* free's figures from VM's memory report (VM_INFO); see meminfo.h. */
#include "meminfo.h"

#include <axo/libc.h>

#define PAGE_KIB 4

int meminfo_read(struct meminfo *m)
{
	struct vm_info_msg v;

	if (axo_vm_info(&v) < 0)
		return -1;
	*m = (struct meminfo){
		.total_kib = (unsigned long)v.total_pages * PAGE_KIB,
		.free_kib = (unsigned long)v.free_pages * PAGE_KIB,
		.boot_kib = (unsigned long)v.boot_pages * PAGE_KIB,
		.ptpool_kib = (unsigned long)v.kernel_pages_free * PAGE_KIB,
		.spaces = v.nr_procs,
	};
	return 0;
}
