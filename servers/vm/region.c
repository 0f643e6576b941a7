// SPDX-License-Identifier: BSD-2-Clause
/*
 * Regions of every address space, and the pure decisions about them:
 * where a heap may grow, where an anonymous mapping goes, what an unmap
 * takes away, when a fault below the stack grows it.  The callers do the
 * kernel work (frames and mappings) between a check and its commit, so
 * every check here changes nothing.
 */
#include "region.h"

struct vmproc vmprocs[NR_PROCS];

void vmprocs_init(void)
{
	for (int i = 0; i < NR_PROCS; i++)
		vmproc_reset(&vmprocs[i], NONE);
}

/* The slot record e names, whatever its generation; NULL if e is no slot. */
struct vmproc *vmproc_of_slot(endpoint_t e)
{
	int slot = ENDPOINT_P(e);

	if (e == ANY || e == NONE || e == SELF || slot < 0 || slot >= NR_PROCS)
		return NULL;
	return &vmprocs[slot];
}

/* The live record of exactly endpoint e, or NULL (unknown or stale). */
struct vmproc *vmproc_get(endpoint_t e)
{
	struct vmproc *vp = vmproc_of_slot(e);

	return vp != NULL && vp->endpt != NONE && vp->endpt == e ? vp : NULL;
}

/* Empty vp and give it to e (NONE: free the slot). */
void vmproc_reset(struct vmproc *vp, endpoint_t e)
{
	vp->endpt = e;
	vp->brk = 0;
	for (int i = 0; i < VM_NR_REGIONS; i++)
		vp->reg[i] = (struct region){ 0, 0, RK_NONE, 0 };
}

/* Swap the memory of two slots; each keeps its own endpoint. */
void vmproc_swap(struct vmproc *a, struct vmproc *b)
{
	struct vmproc t = *a;
	endpoint_t ea = a->endpt, eb = b->endpt;

	*a = *b;
	*b = t;
	a->endpt = ea;
	b->endpt = eb;
}

unsigned vmprocs_in_use(void)
{
	unsigned n = 0;

	for (int i = 0; i < NR_PROCS; i++)
		n += vmprocs[i].endpt != NONE;
	return n;
}

/* A new region; NULL when the table is full.  The caller checked overlaps. */
struct region *region_add(struct vmproc *vp, vir_bytes start, vir_bytes end,
			  int kind, int flags)
{
	for (int i = 0; i < VM_NR_REGIONS; i++) {
		struct region *r = &vp->reg[i];
		if (r->kind != RK_NONE)
			continue;
		*r = (struct region){ start, end, (uint8_t)kind,
				      (uint8_t)flags };
		return r;
	}
	return NULL;
}

struct region *region_find(struct vmproc *vp, vir_bytes va)
{
	for (int i = 0; i < VM_NR_REGIONS; i++) {
		struct region *r = &vp->reg[i];
		if (r->kind != RK_NONE && va >= r->start && va < r->end)
			return r;
	}
	return NULL;
}

struct region *region_of_kind(struct vmproc *vp, int kind)
{
	for (int i = 0; i < VM_NR_REGIONS; i++)
		if (vp->reg[i].kind == kind)
			return &vp->reg[i];
	return NULL;
}

/* Does any region meet [start, end)? */
bool region_overlaps(const struct vmproc *vp, vir_bytes start, vir_bytes end)
{
	for (int i = 0; i < VM_NR_REGIONS; i++) {
		const struct region *r = &vp->reg[i];
		if (r->kind != RK_NONE && r->start < end && start < r->end)
			return true;
	}
	return false;
}

int regions_free(const struct vmproc *vp)
{
	int n = 0;

	for (int i = 0; i < VM_NR_REGIONS; i++)
		n += vp->reg[i].kind == RK_NONE;
	return n;
}

/*
 * May the break move to new_brk?  It stays within [heap start,
 * VM_MMAP_TOP) and may only grow into pages no other region holds.
 * OK with *new_end the heap region's new end; -EINVAL, -ENOMEM.
 */
int heap_check(struct vmproc *vp, vir_bytes new_brk, vir_bytes *new_end)
{
	struct region *h = region_of_kind(vp, RK_HEAP);

	if (h == NULL)
		return -ENOMEM;
	if (new_brk < h->start)
		return -EINVAL;
	if (new_brk > VM_MMAP_TOP)
		return -ENOMEM;
	vir_bytes end = page_up(new_brk);
	if (end > h->end && region_overlaps(vp, h->end, end))
		return -ENOMEM;
	*new_end = end;
	return OK;
}

/* Is [a, a + len) inside the mmap area and free of regions? */
static bool mmap_fits(struct vmproc *vp, vir_bytes lo, vir_bytes a,
		      vir_bytes len)
{
	return (a & (PAGE_SIZE - 1)) == 0 && a >= lo && a <= VM_MMAP_TOP &&
	       VM_MMAP_TOP - a >= len && !region_overlaps(vp, a, a + len);
}

/* The highest a with [a, a + len) free in [lo, VM_MMAP_TOP), or 0. */
static vir_bytes top_down_gap(struct vmproc *vp, vir_bytes lo, vir_bytes len)
{
	vir_bytes top = VM_MMAP_TOP;

	while (top >= lo && top - lo >= len) {
		vir_bytes a = top - len;
		bool clash = false;
		for (int i = 0; i < VM_NR_REGIONS; i++) {
			const struct region *r = &vp->reg[i];
			if (r->kind == RK_NONE || r->end <= a ||
			    r->start >= top)
				continue;
			clash = true;
			if (r->start < top)
				top = r->start; /* try below this region */
		}
		if (!clash)
			return a;
	}
	return 0;
}

/*
 * Where an anonymous mapping of len bytes goes: at addr with fixed (which
 * must be free and within [heap start, VM_MMAP_TOP)), else at addr if
 * that is free there, else top-down below VM_MMAP_TOP above the heap.
 * OK with *out; -EINVAL for a bad request, -ENOMEM when nothing fits.
 */
int mmap_place(struct vmproc *vp, vir_bytes addr, vir_bytes len, bool fixed,
	       vir_bytes *out)
{
	struct region *h = region_of_kind(vp, RK_HEAP);

	if (h == NULL || len == 0 || len > VM_MMAP_TOP - USER_BASE)
		return h == NULL ? -ENOMEM : -EINVAL;
	len = page_up(len);
	if (regions_free(vp) == 0)
		return -ENOMEM;
	if (fixed) {
		if (!mmap_fits(vp, h->start, addr, len))
			return -EINVAL;
		*out = addr;
		return OK;
	}
	if (addr != 0 && mmap_fits(vp, h->end, addr, len)) {
		*out = addr;
		return OK;
	}
	vir_bytes a = top_down_gap(vp, h->end, len);
	if (a == 0)
		return -ENOMEM;
	*out = a;
	return OK;
}

/*
 * May [start, end) be unmapped?  Only anonymous mappings may be touched;
 * cutting a hole in one needs a free region entry.  OK, -EINVAL, -ENOMEM.
 */
int munmap_check(const struct vmproc *vp, vir_bytes start, vir_bytes end)
{
	bool split = false;

	if ((start & (PAGE_SIZE - 1)) != 0 || end <= start || start < USER_BASE)
		return -EINVAL;
	for (int i = 0; i < VM_NR_REGIONS; i++) {
		const struct region *r = &vp->reg[i];
		if (r->kind == RK_NONE || r->end <= start || r->start >= end)
			continue;
		if (r->kind != RK_MMAP)
			return -EINVAL;
		if (r->start < start && r->end > end)
			split = true;
	}
	return split && regions_free(vp) == 0 ? -ENOMEM : OK;
}

/* Cut [start, end) out of the mappings, after munmap_check() said OK. */
void munmap_regions(struct vmproc *vp, vir_bytes start, vir_bytes end)
{
	for (int i = 0; i < VM_NR_REGIONS; i++) {
		struct region *r = &vp->reg[i];
		if (r->kind != RK_MMAP || r->end <= start || r->start >= end)
			continue;
		if (r->start >= start && r->end <= end) {
			r->kind = RK_NONE;
		} else if (r->start < start && r->end > end) {
			vir_bytes tail = r->end;
			r->end = start;
			region_add(vp, end, tail, RK_MMAP, r->flags);
		} else if (r->start < start) {
			r->end = start;
		} else {
			r->start = end;
		}
	}
}

/*
 * A fault at va outside every region: does it grow the stack?  Yes when
 * va lies in [VM_STACK_LIMIT, stack start) and nothing else is in the
 * way; OK with *stack, else -EFAULT.
 */
int stack_grow_check(struct vmproc *vp, vir_bytes va, struct region **stack)
{
	struct region *s = region_of_kind(vp, RK_STACK);
	vir_bytes page = page_down(va);

	if (s == NULL || va < VM_STACK_LIMIT || va >= s->start ||
	    region_overlaps(vp, page, s->start))
		return -EFAULT;
	*stack = s;
	return OK;
}
