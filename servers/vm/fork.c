// SPDX-License-Identifier: BSD-2-Clause
/*
 * Whole address spaces: VM_FORK copies one into a new slot, VM_EXIT frees
 * one (VM_UPDATE, which swaps the records of two slots, is in recover.c).  Fork shares read-only
 * pages (one more count each) and copies writable ones into fresh frames;
 * on failure it undoes everything, so a fork either fully happens or
 * leaves no trace.
 */
#include "vm.h"

/* Give child the pages of region r of parent; the region is recorded. */
static int copy_region(endpoint_t parent, endpoint_t child,
		       const struct region *r)
{
	for (vir_bytes va = r->start; va < r->end; va += PAGE_SIZE) {
		phys_bytes pa;
		bool w;
		int s;
		if (pt_lookup(parent, va, &pa, &w) != OK)
			continue; /* not there yet: nothing to copy */
		if (w) {
			if ((s = page_new(child, va, false)) == OK)
				s = sys_vircopy(parent, va, child, va,
						PAGE_SIZE);
		} else if ((s = frame_ref(pa)) == OK &&
			   (s = pt_map(child, va, pa, PAGE_SIZE, false)) !=
				   OK) {
			frame_unref(pa);
		}
		if (s != OK)
			return s;
	}
	return OK;
}

/* PM forks anyone; RS only makes empty children of itself. */
static int fork_check(endpoint_t caller, const struct vm_fork_msg *f)
{
	bool rs_own = caller == RS_PROC_NR && f->parent == RS_PROC_NR &&
		      f->flags == VM_FORK_EMPTY;

	if (caller != PM_PROC_NR && !rs_own)
		return -EPERM;
	if (vmproc_get(f->parent) == NULL)
		return -ESRCH;
	if (f->parent == vm_self)
		return -EPERM;
	if (f->slot < -1 || f->slot >= NR_PROCS ||
	    (f->flags & ~(uint32_t)VM_FORK_EMPTY) != 0)
		return -EINVAL;
	return OK;
}

/*
 * VM_FORK (PM; RS for itself): a new slot (sys_fork) holding a copy of
 * parent's memory, or no memory at all with VM_FORK_EMPTY (RS's new
 * service instances, which VM_EXEC fills; PM_SRV_FORK or RS directly
 * for a replacement instance PM never needs to know).  Reply: child, not yet runnable.  -ENOMEM (or the kernel's
 * error) leaves no child behind.
 */
int do_fork(endpoint_t caller, message *m)
{
	struct vm_fork_msg *f = &m->vm_fork;
	endpoint_t child;
	int r;

	if ((r = fork_check(caller, f)) != OK)
		return r;
	if ((r = sys_fork(f->parent, f->slot, &child)) != OK)
		return r;
	struct vmproc *pp = vmproc_get(f->parent);
	struct vmproc *cp = vmproc_of_slot(child);
	if (cp == NULL) {
		sys_clear(child);
		return -EINVAL;
	}
	if (cp->endpt != NONE) /* its memory was never returned: lost */
		printf("vm: slot of %d reused without VM_EXIT of %d\n", child,
		       cp->endpt);
	if (f->flags & VM_FORK_EMPTY) {
		vmproc_reset(cp, child); /* an exec fills it */
		f->child = child;
		return OK;
	}
	*cp = *pp;
	cp->endpt = child;
	for (int i = 0; r == OK && i < VM_NR_REGIONS; i++)
		if (pp->reg[i].kind != RK_NONE)
			r = copy_region(f->parent, child, &pp->reg[i]);
	if (r != OK) {
		vmproc_free_all(cp);
		sys_clear(child);
		return r;
	}
	f->child = child;
	return OK;
}

/* VM_EXIT (PM or RS): free all memory of endpt and forget it. */
int do_exit(endpoint_t caller, message *m)
{
	endpoint_t e = m->vm_endpt.endpt;
	struct vmproc *vp;

	if (caller != PM_PROC_NR && caller != RS_PROC_NR)
		return -EPERM;
	if ((vp = vmproc_get(e)) == NULL)
		return -ESRCH;
	if (e == vm_self)
		return -EPERM;
	vmproc_free_all(vp);
	return OK;
}
