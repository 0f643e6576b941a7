// SPDX-License-Identifier: BSD-2-Clause
/*
 * VM's own recovery and live update, and swaps it makes in the kernel for
 * a process that cannot make them itself.
 *
 * VM cannot make its own successor (it would have to serve its own
 * fork), so RS keeps a replica: an instance of VM's program made while
 * VM was alive, frozen until needed.  When VM dies, RS swaps the replica
 * into VM's slot in the kernel and sends it RS_INIT(RESTART).  The
 * replica then (1) copies the dead VM's state over its own (identity
 * transfer, sef_st.c): from now on it believes what the dead VM believed,
 * including that the replica sits in the other slot; (2) swaps its
 * records of the two slots, as VM_UPDATE would have done had VM been
 * alive, so the records follow the images; (3) maps the boot-file window
 * into its own address space and takes it over from the corpse; (4) maps
 * its whole stack, because nobody could serve a fault on VM's stack.
 * RS then removes the corpse through VM_EXIT as usual.  A live update
 * (vm_init_lu) takes the same steps from the old VM, which waits frozen
 * for RS meanwhile and is untouched if the update is rolled back.
 *
 * Nothing here may wait on VM: VM's own break stays untouched (it never
 * calls vm_brk, so the transfer never grows VM's heap).
 */
#include "vm.h"

/* Map window region w of dead into our own space and record it as ours. */
static int take_region(struct vmproc *self, struct vmproc *dead,
		       struct region *w)
{
	int r;

	for (vir_bytes va = w->start; va < w->end; va += PAGE_SIZE) {
		phys_bytes pa;
		bool writable;
		if ((r = pt_lookup(dead->endpt, va, &pa, &writable)) != OK ||
		    (r = pt_map(vm_self, va, pa, PAGE_SIZE, false)) != OK)
			return r;
	}
	if (region_add(self, w->start, w->end, RK_FILES, 0) == NULL)
		return -ENOMEM;
	w->kind = RK_NONE; /* the corpse's exit must not touch it */
	return OK;
}

/* Take over the boot-file window (a region per file) from dead. */
static int take_window(struct vmproc *self, struct vmproc *dead)
{
	int r;

	for (int i = 0; i < VM_NR_REGIONS; i++) {
		struct region *w = &dead->reg[i];
		if (w->kind == RK_FILES &&
		    (r = take_region(self, dead, w)) != OK)
			return r;
	}
	return OK;
}

/* Map all of our stack now: a fault on VM's own stack would never end. */
static int map_whole_stack(struct vmproc *self)
{
	struct region *s = region_of_kind(self, RK_STACK);
	vir_bytes low = USER_STACK_TOP - BOOT_STACK_SIZE;
	int r;

	if (s == NULL)
		return -ENOENT;
	if (s->start <= low)
		return OK;
	if ((r = range_zero(vm_self, low, s->start, true)) != OK)
		return r;
	s->start = low;
	return OK;
}

/*
 * Become the VM that sat at old's place: swap our records of the two
 * slots (the images were swapped in the kernel), take over the boot-file
 * window and map our whole stack.
 */
static int take_over(endpoint_t old)
{
	struct vmproc *self = vmproc_get(vm_self);
	struct vmproc *prev = vmproc_get(old);
	int r;

	if (self == NULL || prev == NULL || self == prev)
		return -ESRCH;
	vmproc_swap(self, prev);
	if ((r = take_window(self, prev)) != OK ||
	    (r = map_whole_stack(self)) != OK)
		printf("vm: taking over from %d failed: %d\n", old, r);
	return r;
}

/*
 * VM's restart callback: the replica takes over from the dead VM, which
 * now sits at info->old_endpoint.
 */
int vm_init_restart(int type, const struct sef_init_info *info)
{
	int r = sef_cb_init_restart_stateful(type, info);

	return r == OK ? take_over(info->old_endpoint) : r;
}

/*
 * VM's live-update callback (`service update self -label vm`): RS swapped
 * us into VM's slot in the kernel only, since the old VM, waiting for
 * RS, could not serve VM_UPDATE.  The old VM stays frozen and untouched
 * at info->old_endpoint, so a rollback finds its records as they were.
 */
int vm_init_lu(int type, const struct sef_init_info *info)
{
	int r = sef_cb_init_lu_identity(type, info);

	return r == OK ? take_over(info->old_endpoint) : r;
}

/* A root system process other than RS: a replica of RS. */
static bool is_rs_replica(endpoint_t e)
{
	struct priv_spec spec;

	return e != RS_PROC_NR &&
	       sys_getinfo(GET_PRIV, &spec, sizeof(spec), e) == OK &&
	       (spec.flags & ROOT_SYS_PROC);
}

/*
 * VM_UPDATE: swap VM's records of two slots after RS swapped them in the
 * kernel.  A replica of RS taking over from a dead RS names itself as one
 * of the two: it cannot swap itself in the kernel while it runs, so VM
 * does that too, and answers it at the endpoint it now holds.
 */
int do_update(endpoint_t caller, message *m)
{
	endpoint_t src = m->vm_update.src, dst = m->vm_update.dst;
	bool own = caller == src || caller == dst;
	struct vmproc *a, *b;
	int r;

	if (own ? !is_rs_replica(caller) : caller != RS_PROC_NR)
		return -EPERM;
	if ((a = vmproc_get(src)) == NULL || (b = vmproc_get(dst)) == NULL)
		return -ESRCH;
	if (a == b)
		return -EINVAL;
	if (src == vm_self || dst == vm_self)
		return -EPERM;
	if (own && (r = sys_update(src, dst, 0)) != OK)
		return r;
	vmproc_swap(a, b);
	if (!own)
		return OK;
	m->m_type = OK;
	ipc_sendnb(caller == src ? dst : src, m);
	return -EDONTREPLY;
}
