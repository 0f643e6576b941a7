// SPDX-License-Identifier: BSD-2-Clause
/* sys_safecopyfrom: copy from a granted range of another process. */
#include "../kernel.h"
#include "../grant.h"

int do_safecopyfrom(struct proc *caller, message *m)
{
	struct sys_safecopy_msg *c = &m->sys_safecopy;
	struct proc *owner;
	vir_bytes addr;
	int r;

	r = grant_verify(c->granter, caller->endpoint, c->grant, c->offset,
			 c->bytes, CPF_READ, &owner, &addr);
	if (r != OK)
		return r;
	return umem_copy(owner, addr, caller, c->address, c->bytes);
}
