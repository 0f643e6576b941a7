// SPDX-License-Identifier: BSD-2-Clause
/*
 * Identity state transfer: a new instance of the same program takes over
 * the whole state of its predecessor by copying the predecessor's data,
 * bss and heap over its own, through the grant 0 every instance makes at
 * init (sef_init.c).  Both run the same binary, so every address means
 * the same thing in both; only the stack is not copied, and the transfer
 * runs inside the init callback, called from sef_startup() before the
 * service's main loop, where the predecessor's stack held nothing that
 * outlives a request.
 *
 * After a crash the copied state is only trusted if the crash was a
 * controlled one (`service fi`: SEF crashed between two requests, see
 * sef.c).  A real crash may have left the tables half-updated, so the
 * restart is refused and RS says so (minix-facts §2.8; the check applies
 * to restarts only, not to live updates).
 */
#include "sef_priv.h"
#include "vm.h"

extern char __data_start[], __data_end[];

/* Copy [addr, addr + len) of old's memory to the same place in ours. */
static int copy_region(endpoint_t old, vir_bytes addr, size_t len)
{
	return sys_safecopyfrom(old, SEF_STATE_TRANSFER_GID, addr, (void *)addr,
				len);
}

/*
 * Grow our heap to the predecessor's break, so that its heap fits.  The
 * predecessor's vm_brk_now says where its break was (0: it never used
 * the heap).
 */
static int match_heap(endpoint_t old, vir_bytes *top)
{
	vir_bytes old_brk;
	int r = copy_region(old, (vir_bytes)&vm_brk_now, sizeof(vm_brk_now));

	if (r != OK)
		return r;
	old_brk = vm_brk_now; /* copy_region wrote it over ours */
	*top = (vir_bytes)__data_end;
	if (old_brk <= *top)
		return OK;
	if ((r = vm_brk(old_brk, NULL)) != OK)
		return r;
	*top = old_brk;
	return OK;
}

int sef_identity_transfer(endpoint_t old)
{
	vir_bytes top;
	int r;

	if (old == NONE)
		return -EINVAL;
	if ((r = match_heap(old, &top)) != OK)
		return r;
	if ((r = copy_region(old, (vir_bytes)__data_start,
			     top - (vir_bytes)__data_start)) != OK)
		return r;
	/* The copied tables say who registered them: register them as us. */
	if ((r = cpf_reload()) != OK)
		return r;
	sef_lu_forget();
	return asynsend_reload();
}

/*
 * The default live-update callback: a new instance of the same program
 * (`service update self`) takes its predecessor's state as it is; a new
 * program cannot know the old one's layout and needs its own callback.
 */
int sef_cb_init_lu_identity(int type, const struct sef_init_info *info)
{
	(void)type;
	if (!(info->flags & SEF_LU_SELF))
		return -ENOSYS;
	return sef_identity_transfer(info->old_endpoint);
}

/*
 * The restart callback of services whose state must survive a crash
 * (DS, PM, VFS, VM): take the predecessor's state if it crashed on
 * request; otherwise refuse with -EGENERIC, which RS reports.
 */
int sef_cb_init_restart_stateful(int type, const struct sef_init_info *info)
{
	(void)type;
	int r = sef_identity_transfer(info->old_endpoint);

	if (r != OK)
		return r;
	if (!sef_self.controlled_crash)
		return -EGENERIC;
	sef_self.controlled_crash = false;
	return OK;
}
