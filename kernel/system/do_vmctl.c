// SPDX-License-Identifier: BSD-2-Clause
/*
 * sys_vmctl: what a user-space memory manager needs from the kernel: map
 * and unmap pages in any address space, look a mapping up, drop a whole
 * user address space, and take and resume page faults.  A page fault stops
 * the process (RTS_PAGEFAULT) and notifies VM from HARDWARE; VM fetches it
 * with GET_PAGEFAULT, fixes the mapping and RESUMEs, or kills the process.
 *
 * All of that belongs to VM (and the root process, which plays VM in the
 * kernel test image).  Any other holder of SYS_VMCTL — a driver doing DMA
 * — may only look up its own pages (the physical addresses it gives the
 * device) and drop its own mappings, which harms nobody else.
 */
#include "../kernel.h"

static bool range_ok(vir_bytes va, phys_bytes pa, vir_bytes len)
{
	return len > 0 && (len & (PAGE_SIZE - 1)) == 0 &&
	       (va & (PAGE_SIZE - 1)) == 0 && (pa & (PAGE_SIZE - 1)) == 0 &&
	       va >= USER_BASE && va + len > va && pa + len > pa;
}

/* Validate every page, then map; only -ENOMEM (no page table) can leave a prefix. */
static int vm_map(struct proc *p, struct sys_vmctl_msg *v)
{
	if (!range_ok(v->vaddr, v->paddr, v->len))
		return -EINVAL;
	for (vir_bytes off = 0; off < v->len; off += PAGE_SIZE)
		if (!as_frame_mappable(v->paddr + off))
			return -EPERM;
	for (vir_bytes off = 0; off < v->len; off += PAGE_SIZE) {
		int r = as_map(p, v->vaddr + off, v->paddr + off, v->flags);
		if (r != OK)
			return r;
	}
	return OK;
}

static int vm_unmap(struct proc *p, struct sys_vmctl_msg *v)
{
	if (!range_ok(v->vaddr, 0, v->len))
		return -EINVAL;
	for (vir_bytes off = 0; off < v->len; off += PAGE_SIZE)
		as_unmap(p, v->vaddr + off);
	return OK;
}

static int get_pagefault(struct sys_vmctl_msg *v)
{
	for (struct proc *p = BEG_USER_PROC; p < END_PROC; p++) {
		if (!(p->rts_flags & RTS_PAGEFAULT) ||
		    (p->misc_flags & MF_PF_REPORTED))
			continue;
		p->misc_flags |= MF_PF_REPORTED;
		v->endpt = p->endpoint;
		v->vaddr = p->pf_addr;
		v->err = p->pf_err;
		return OK;
	}
	v->endpt = NONE;
	return OK;
}

/* May caller make request on p's address space? */
static bool vmctl_allowed(const struct proc *caller, const struct proc *p,
			  int request)
{
	if (caller->priv->flags & (VM_SYS_PROC | ROOT_SYS_PROC))
		return true;
	return (request == VMCTL_LOOKUP || request == VMCTL_UNMAP) &&
	       p == caller;
}

int do_vmctl(struct proc *caller, message *m)
{
	struct sys_vmctl_msg *v = &m->sys_vmctl;
	struct proc *p;
	int r;

	if (v->request == VMCTL_GET_PAGEFAULT)
		return vmctl_allowed(caller, caller, v->request) ?
			       get_pagefault(v) :
			       -EPERM;
	if ((r = endpoint_lookup_self(caller, v->endpt, &p)) != OK)
		return r;
	if (is_task(p) || !vmctl_allowed(caller, p, v->request))
		return -EPERM;
	switch (v->request) {
	case VMCTL_MAP:
		return vm_map(p, v);
	case VMCTL_UNMAP:
		return vm_unmap(p, v);
	case VMCTL_LOOKUP:
		return as_lookup(p, v->vaddr, &v->paddr, &v->flags);
	case VMCTL_CLEAR_AS:
		as_clear_user(p);
		return OK;
	case VMCTL_RESUME:
		if (!(p->rts_flags & RTS_PAGEFAULT))
			return -EINVAL;
		p->misc_flags &= ~MF_PF_REPORTED;
		rts_unset(p, RTS_PAGEFAULT);
		return OK;
	default:
		return -EINVAL;
	}
}
