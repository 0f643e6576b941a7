// SPDX-License-Identifier: BSD-2-Clause
/*
 * Page faults.  The kernel stops a faulting process and notifies VM from
 * HARDWARE; VM takes the faults one by one (VMCTL_GET_PAGEFAULT until it
 * reports none).  A missing page inside a region gets a zeroed frame; a
 * fault in [VM_STACK_LIMIT, stack start) grows the stack down to it;
 * anything else (a protection violation, an address in no region, no
 * memory left) is SIGSEGV for the process, which its signal manager
 * handles.  Either way the process is resumed: a signalled one stays
 * stopped by its signal until the manager acts.
 */
#include "vm.h"

#define PF_PRESENT 0x1 /* x86 error code: the page was there */
#define PF_WRITE   0x2 /* x86 error code: a write */

/* Map what the fault at va needs: OK, -EFAULT (bad access), -ENOMEM. */
static int fix_fault(struct vmproc *vp, vir_bytes va, uint32_t err)
{
	vir_bytes page = page_down(va);
	struct region *r = region_find(vp, va), *stack;
	int s;

	if (err & PF_PRESENT)
		return -EFAULT;
	if (r != NULL) {
		bool w = (r->flags & RF_WRITE) != 0;
		if (r->kind == RK_FILES || ((err & PF_WRITE) && !w))
			return -EFAULT;
		return page_zero(vp->endpt, page, w);
	}
	if ((s = stack_grow_check(vp, va, &stack)) != OK)
		return s;
	if ((s = page_zero(vp->endpt, page, true)) == OK)
		stack->start = page;
	return s;
}

/* Handle every fault the kernel has for VM now. */
void handle_page_faults(void)
{
	for (;;) {
		struct sys_vmctl_msg v = { .request = VMCTL_GET_PAGEFAULT };
		if (sys_vmctl(&v) != OK || v.endpt == NONE)
			return;
		struct vmproc *vp = vmproc_get(v.endpt);
		int r = vp != NULL ? fix_fault(vp, v.vaddr, v.err) : -ESRCH;
		if (r == OK) {
			struct sys_vmctl_msg res = { .request = VMCTL_RESUME,
						     .endpt = v.endpt };
			sys_vmctl(&res);
			continue;
		}
		if (r != -EFAULT)
			printf("vm: fault of %d at 0x%x: %d, signalled\n",
			       v.endpt, v.vaddr, r);
		/*
		 * The signal keeps the process stopped until its manager has
		 * dealt with it: killed it, or sent it into a handler.
		 */
		sys_kill(v.endpt, SIGSEGV);
		struct sys_vmctl_msg res = { .request = VMCTL_RESUME,
					     .endpt = v.endpt };
		sys_vmctl(&res);
	}
}
