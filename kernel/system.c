// SPDX-License-Identifier: BSD-2-Clause
/*
 * Kernel-call dispatch.  A kernel call traps through KERNEL_CALL_VECTOR
 * with eax pointing at a message in the caller.  The message is copied in,
 * its source forced to the caller, the call number and the caller's
 * kernel-call mask checked, and the handler do_<call>() run.  The handler's
 * status goes back in m_type (and eax) together with any output fields,
 * unless it returns -EDONTREPLY (the caller was stopped or destroyed).
 */
#include "kernel.h"

typedef int (*kcall_handler_t)(struct proc *caller, message *m);

static const kcall_handler_t call_vec[NR_SYS_CALLS] = {
#define KCALL_ENTRY(name, off, fn) [off] = do_##fn,
	KCALL_LIST(KCALL_ENTRY)
#undef KCALL_ENTRY
};

void kernel_call(struct proc *caller)
{
	vir_bytes addr = caller->regs.eax;
	message m;
	int r;

	if (umem_msg_read(caller, addr, &m) != OK) {
		caller->regs.eax = (uint32_t)-EFAULT;
		return;
	}
	m.m_source = caller->endpoint;
	uint32_t nr = (uint32_t)m.m_type - KERNEL_CALL;
	if (nr >= NR_SYS_CALLS || call_vec[nr] == NULL)
		r = -EBADREQUEST;
	else if (!priv_mask_test(caller->priv->k_call_mask, nr))
		r = -ECALLDENIED;
	else
		r = call_vec[nr](caller, &m);
	if (r == -EDONTREPLY)
		return;
	m.m_type = r;
	m.m_source = SYSTEM;
	umem_msg_write(caller, addr, &m);
	caller->regs.eax = (uint32_t)r;
}
