/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * VM, the memory manager: shared declarations of its files.
 *
 *   main.c	SEF init, the receive loop, the dispatch table, brk/mmap/info
 *   alloc.c	physical frames (pure)
 *   region.c	address-space bookkeeping (pure)
 *   elf32.c	ELF reader (pure)
 *   mem.c	frames in address spaces: map, zero, copy, free
 *   boot.c	boot processes and boot files at init, VM_BOOT_FILE
 *   exec.c	VM_EXEC
 *   fork.c	VM_FORK, VM_EXIT
 *   recover.c	VM_UPDATE, and taking over from a dead VM
 *   fault.c	page faults
 *
 * VM never blocks: it sends only to the kernel (kernel calls) and
 * answers requests with a non-blocking send.
 */
#ifndef VM_VM_H
#define VM_VM_H

#include <syslib.h>
#include <sef.h>
#include <axo/msg_vm.h>
#include "alloc.h"
#include "region.h"
#include "elf32.h"

/* VM's own window onto the boot files, read-only, never unmapped. */
#define VM_FILES_BASE 0xC0000000u
#define VM_FILES_END  VM_MMAP_TOP

extern endpoint_t vm_self;

/* mem.c */
int pt_lookup(endpoint_t e, vir_bytes va, phys_bytes *pa, bool *writable);
int pt_map(endpoint_t e, vir_bytes va, phys_bytes pa, vir_bytes len,
	   bool write);
int pt_unmap(endpoint_t e, vir_bytes va, vir_bytes len);
int pt_clear(endpoint_t e);
int page_new(endpoint_t e, vir_bytes va, bool zero);
int page_protect(endpoint_t e, vir_bytes va);
int page_zero(endpoint_t e, vir_bytes va, bool write);
int range_zero(endpoint_t e, vir_bytes start, vir_bytes end, bool write);
void range_free(endpoint_t e, vir_bytes start, vir_bytes end, bool unmap);
void vmproc_free_all(struct vmproc *vp);

/* boot.c */
struct boot_file {
	char name[PROC_NAME_LEN];
	uint32_t flags;	 /* VM_BF_* */
	phys_bytes base; /* physical start */
	uint32_t size;
	vir_bytes vaddr; /* where VM sees its bytes */
};
int boot_init(void);
const struct boot_file *boot_file_by_name(const char *name);
int do_boot_file(endpoint_t caller, message *m);

/* exec.c, fork.c, fault.c */
int do_exec(endpoint_t caller, message *m);
int do_exec_file(endpoint_t caller, message *m);
int do_fork(endpoint_t caller, message *m);
int do_exit(endpoint_t caller, message *m);

/* recover.c */
int do_update(endpoint_t caller, message *m);
int vm_init_restart(int type, const struct sef_init_info *info);
int vm_init_lu(int type, const struct sef_init_info *info);
void handle_page_faults(void);

#endif
