/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Address-space bookkeeping: one struct vmproc per process slot, each a
 * small array of page-aligned regions.  Pure code (no kernel calls), so
 * the host unit tests build it as it is.
 *
 * Which frames back a region is not stored here: the kernel's page tables
 * are the record (VMCTL_LOOKUP), and the frame counts live in alloc.c.
 * A page inside a region may be absent (the stack below its initial
 * pages, say); a page outside every region is never mapped.
 */
#ifndef VM_REGION_H
#define VM_REGION_H

#include <axo/types.h>
#include <axo/config.h>
#include <axo/errno.h>
#include <axo/endpoint.h>
#include <axo/msg_vm.h>

#define VM_NR_REGIONS 24

#define RK_NONE	 0 /* unused entry */
#define RK_IMAGE 1 /* a program segment */
#define RK_HEAP	 2 /* [initial break, break rounded up) */
#define RK_STACK 3 /* grows down to VM_STACK_LIMIT */
#define RK_MMAP	 4 /* anonymous mapping */
#define RK_FILES 5 /* VM's own window onto the boot files */

#define RF_WRITE 0x1

struct region {
	vir_bytes start, end; /* page aligned, start <= end */
	uint8_t kind;	      /* RK_* */
	uint8_t flags;	      /* RF_* */
};

struct vmproc {
	endpoint_t endpt; /* NONE: the slot is unused */
	vir_bytes brk;	  /* the break as last set, bytes */
	struct region reg[VM_NR_REGIONS];
};

extern struct vmproc vmprocs[NR_PROCS];

static inline vir_bytes page_down(vir_bytes a)
{
	return a & ~(vir_bytes)(PAGE_SIZE - 1);
}

/* Round up; the caller checks a <= UINT32_MAX - PAGE_SIZE + 1 if it can wrap. */
static inline vir_bytes page_up(vir_bytes a)
{
	return (a + PAGE_SIZE - 1) & ~(vir_bytes)(PAGE_SIZE - 1);
}

void vmprocs_init(void);
struct vmproc *vmproc_get(endpoint_t e);
struct vmproc *vmproc_of_slot(endpoint_t e);
void vmproc_reset(struct vmproc *vp, endpoint_t e);
void vmproc_swap(struct vmproc *a, struct vmproc *b);
unsigned vmprocs_in_use(void);

struct region *region_add(struct vmproc *vp, vir_bytes start, vir_bytes end,
			  int kind, int flags);
struct region *region_find(struct vmproc *vp, vir_bytes va);
struct region *region_of_kind(struct vmproc *vp, int kind);
bool region_overlaps(const struct vmproc *vp, vir_bytes start, vir_bytes end);
int regions_free(const struct vmproc *vp);

int heap_check(struct vmproc *vp, vir_bytes new_brk, vir_bytes *new_end);
int mmap_place(struct vmproc *vp, vir_bytes addr, vir_bytes len, bool fixed,
	       vir_bytes *out);
int munmap_check(const struct vmproc *vp, vir_bytes start, vir_bytes end);
void munmap_regions(struct vmproc *vp, vir_bytes start, vir_bytes end);
int stack_grow_check(struct vmproc *vp, vir_bytes va, struct region **stack);

#endif
