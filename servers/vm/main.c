// SPDX-License-Identifier: BSD-2-Clause
/*
 * VM main loop and the per-process requests.  VM starts through SEF; its
 * fresh init learns memory and the boot image (boot.c).  Requests are
 * dispatched through a table and answered with a non-blocking send, the
 * status in m_type; page faults arrive as notifications from HARDWARE.
 * Every handler checks its caller and all input before changing anything.
 */
#include "vm.h"

endpoint_t vm_self = NONE;

typedef int (*vm_handler_t)(endpoint_t caller, message *m);

/* VM_BRK (any process, for itself): move the break; reply the break. */
static int do_brk(endpoint_t caller, message *m)
{
	struct vmproc *vp = vmproc_get(caller);
	vir_bytes end;
	int r;

	if (vp == NULL)
		return -ESRCH;
	if (m->vm_brk.addr == 0) {
		m->vm_brk.brk = vp->brk;
		return OK;
	}
	if ((r = heap_check(vp, m->vm_brk.addr, &end)) != OK)
		return r;
	struct region *h = region_of_kind(vp, RK_HEAP);
	if (end > h->end && (r = range_zero(caller, h->end, end, true)) != OK)
		return r;
	if (end < h->end)
		range_free(caller, end, h->end, true);
	h->end = end;
	vp->brk = m->vm_brk.addr;
	m->vm_brk.brk = vp->brk;
	return OK;
}

/* VM_MMAP (any process, for itself): anonymous memory, zeroed, eager. */
static int do_mmap(endpoint_t caller, message *m)
{
	struct vm_mmap_msg *x = &m->vm_mmap;
	struct vmproc *vp = vmproc_get(caller);
	const uint32_t known = VM_MAP_PRIVATE | VM_MAP_FIXED | VM_MAP_ANON;
	vir_bytes addr;
	int r;

	if (vp == NULL)
		return -ESRCH;
	if (!(x->flags & VM_MAP_ANON) || (x->flags & ~known) ||
	    (x->prot &
	     ~(uint32_t)(VM_PROT_READ | VM_PROT_WRITE | VM_PROT_EXEC)))
		return -EINVAL;
	if ((r = mmap_place(vp, x->addr, x->len, x->flags & VM_MAP_FIXED,
			    &addr)) != OK)
		return r;
	vir_bytes end = addr + page_up(x->len);
	bool w = (x->prot & VM_PROT_WRITE) != 0;
	if ((r = range_zero(caller, addr, end, w)) != OK)
		return r;
	region_add(vp, addr, end, RK_MMAP, w ? RF_WRITE : 0);
	x->result = addr;
	return OK;
}

/* VM_MUNMAP (any process, for itself): drop pages of anonymous mappings. */
static int do_munmap(endpoint_t caller, message *m)
{
	struct vmproc *vp = vmproc_get(caller);
	vir_bytes addr = m->vm_munmap.addr, len = m->vm_munmap.len;
	int r;

	if (vp == NULL)
		return -ESRCH;
	if (len == 0 || len > UINT32_MAX - PAGE_SIZE + 1 ||
	    addr > UINT32_MAX - page_up(len))
		return -EINVAL;
	vir_bytes end = addr + page_up(len);
	if ((r = munmap_check(vp, addr, end)) != OK)
		return r;
	range_free(caller, addr, end, true);
	munmap_regions(vp, addr, end);
	return OK;
}

/* VM_INFO (anyone): the memory report behind the leak checks. */
static int do_info(endpoint_t caller, message *m)
{
	struct vm_info_msg *i = &m->vm_info;
	struct kinfo ki;
	int r;

	(void)caller;
	if ((r = sys_getinfo(GET_KINFO, &ki, sizeof(ki), NONE)) != OK)
		return r;
	i->total_pages = frames_total();
	i->free_pages = frames_free();
	i->boot_pages = frames_boot();
	i->kernel_pages_free = ki.kernel_pages_free;
	i->nr_procs = vmprocs_in_use();
	return OK;
}

static const vm_handler_t handlers[] = {
	[VM_FORK - VM_RQ_BASE] = do_fork,
	[VM_EXEC - VM_RQ_BASE] = do_exec,
	[VM_EXIT - VM_RQ_BASE] = do_exit,
	[VM_BRK - VM_RQ_BASE] = do_brk,
	[VM_MMAP - VM_RQ_BASE] = do_mmap,
	[VM_MUNMAP - VM_RQ_BASE] = do_munmap,
	[VM_INFO - VM_RQ_BASE] = do_info,
	[VM_UPDATE - VM_RQ_BASE] = do_update,
	[VM_BOOT_FILE - VM_RQ_BASE] = do_boot_file,
	[VM_EXEC_FILE - VM_RQ_BASE] = do_exec_file,
};
#define NR_HANDLERS (sizeof(handlers) / sizeof(handlers[0]))
_Static_assert(NR_HANDLERS == VM_NR_CALLS, "a VM call without a handler");

static int init_fresh(int type, const struct sef_init_info *info)
{
	(void)type;
	(void)info;
	vm_self = sys_self();
	int r = boot_init();
	if (r != OK)
		printf("vm: init failed: %d\n", r);
	return r;
}

int main(void);
int main(void)
{
	message m;
	uint32_t status;

	sef_setcb_init_fresh(init_fresh);
	sef_setcb_init_restart(vm_init_restart);
	sef_setcb_init_lu(vm_init_lu);
	sef_startup();
	for (;;) {
		if (sef_receive_status(ANY, &m, &status) != OK)
			continue;
		if (is_ipc_notify(status)) {
			if (m.m_source == HARDWARE)
				handle_page_faults();
			continue;
		}
		uint32_t nr = (uint32_t)m.m_type - VM_RQ_BASE;
		endpoint_t caller = m.m_source;
		int r = nr < NR_HANDLERS && handlers[nr] != NULL ?
				handlers[nr](caller, &m) :
				-ENOSYS;
		if (r == -EDONTREPLY)
			continue; /* the handler answered already */
		m.m_type = r;
		ipc_sendnb(caller, &m);
	}
}
