// SPDX-License-Identifier: BSD-2-Clause
/*
 * Frames in address spaces: the kernel calls behind VM's bookkeeping.
 * The kernel's page tables say which frame backs a page (pt_lookup); the
 * counts in alloc.c say who else holds it.  Every function here keeps the
 * two in step: a frame is counted once per mapping.
 */
#include "vm.h"

static uint8_t zero_page[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

static int vmctl(int request, endpoint_t e, vir_bytes va, phys_bytes pa,
		 vir_bytes len, uint32_t flags, struct sys_vmctl_msg *out)
{
	struct sys_vmctl_msg v = { .request = request,
				   .endpt = e,
				   .vaddr = va,
				   .paddr = pa,
				   .len = len,
				   .flags = flags };
	int r = sys_vmctl(&v);

	if (out != NULL)
		*out = v;
	return r;
}

/* The frame at page va of e: OK, or -EFAULT when nothing is mapped. */
int pt_lookup(endpoint_t e, vir_bytes va, phys_bytes *pa, bool *writable)
{
	struct sys_vmctl_msg v;
	int r = vmctl(VMCTL_LOOKUP, e, page_down(va), 0, 0, 0, &v);

	if (r != OK)
		return r;
	*pa = page_down(v.paddr);
	if (writable != NULL)
		*writable = (v.flags & VMF_WRITE) != 0;
	return OK;
}

int pt_map(endpoint_t e, vir_bytes va, phys_bytes pa, vir_bytes len, bool write)
{
	return vmctl(VMCTL_MAP, e, va, pa, len, write ? VMF_WRITE : 0, NULL);
}

int pt_unmap(endpoint_t e, vir_bytes va, vir_bytes len)
{
	return vmctl(VMCTL_UNMAP, e, va, 0, len, 0, NULL);
}

int pt_clear(endpoint_t e)
{
	return vmctl(VMCTL_CLEAR_AS, e, 0, 0, 0, 0, NULL);
}

/*
 * A fresh frame at page va of e, mapped writable; zeroed if zero (else
 * the caller fills all of it).  -ENOMEM when no frame (or page table) is
 * left; nothing changes then.
 */
int page_new(endpoint_t e, vir_bytes va, bool zero)
{
	phys_bytes pa = frame_alloc();
	int r;

	if (pa == 0)
		return -ENOMEM;
	if ((r = pt_map(e, va, pa, PAGE_SIZE, true)) == OK && zero)
		r = sys_vircopy(SELF, (vir_bytes)zero_page, e, va, PAGE_SIZE);
	if (r != OK) {
		pt_unmap(e, va, PAGE_SIZE);
		frame_unref(pa);
	}
	return r;
}

/* Make the mapped page va of e read-only. */
int page_protect(endpoint_t e, vir_bytes va)
{
	phys_bytes pa;
	int r = pt_lookup(e, va, &pa, NULL);

	return r == OK ? pt_map(e, va, pa, PAGE_SIZE, false) : r;
}

/* A fresh zeroed frame at page va of e, writable if write; as page_new(). */
int page_zero(endpoint_t e, vir_bytes va, bool write)
{
	int r = page_new(e, va, true);

	if (r == OK && !write && (r = page_protect(e, va)) != OK)
		range_free(e, va, va + PAGE_SIZE, true);
	return r;
}

/* Zeroed frames for every page of [start, end); all or none (-ENOMEM). */
int range_zero(endpoint_t e, vir_bytes start, vir_bytes end, bool write)
{
	for (vir_bytes va = start; va < end; va += PAGE_SIZE) {
		int r = page_zero(e, va, write);
		if (r != OK) {
			range_free(e, start, va, true);
			return r;
		}
	}
	return OK;
}

/*
 * Drop every frame mapped in [start, end) of e (one count each); unmap
 * them too if unmap (not needed when the whole space is cleared next).
 */
void range_free(endpoint_t e, vir_bytes start, vir_bytes end, bool unmap)
{
	for (vir_bytes va = start; va < end; va += PAGE_SIZE) {
		phys_bytes pa;
		if (pt_lookup(e, va, &pa, NULL) != OK)
			continue;
		if (frame_unref(pa) != OK)
			printf("vm: %d: frame 0x%x at 0x%x was not counted\n",
			       e, pa, va);
		if (unmap)
			pt_unmap(e, va, PAGE_SIZE);
	}
}

/* Free all memory of vp, clear its address space, forget the slot. */
void vmproc_free_all(struct vmproc *vp)
{
	for (int i = 0; i < VM_NR_REGIONS; i++) {
		const struct region *r = &vp->reg[i];
		if (r->kind != RK_NONE)
			range_free(vp->endpt, r->start, r->end, false);
	}
	pt_clear(vp->endpt);
	vmproc_reset(vp, NONE);
}
