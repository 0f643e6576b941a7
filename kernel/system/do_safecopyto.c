// SPDX-License-Identifier: BSD-2-Clause
/* sys_safecopyto: copy into a granted range of another process. */
#include "../kernel.h"
#include "../grant.h"

int do_safecopyto(struct proc *caller, message *m)
{
	struct sys_safecopy_msg *c = &m->sys_safecopy;
	struct proc *owner;
	vir_bytes addr;
	int r;

	r = grant_verify(c->granter, caller->endpoint, c->grant, c->offset,
			 c->bytes, CPF_WRITE, &owner, &addr);
	if (r != OK)
		return r;
	return umem_copy(caller, c->address, owner, addr, c->bytes);
}
