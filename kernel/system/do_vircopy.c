// SPDX-License-Identifier: BSD-2-Clause
/*
 * sys_vircopy: copy between the virtual memory of any two processes.
 * Unrestricted by grants, so only the most trusted servers hold it.
 */
#include "../kernel.h"

int do_vircopy(struct proc *caller, message *m)
{
	struct sys_vircopy_msg *c = &m->sys_vircopy;
	struct proc *src, *dst;
	int r;

	if ((r = endpoint_lookup_self(caller, c->src, &src)) != OK ||
	    (r = endpoint_lookup_self(caller, c->dst, &dst)) != OK)
		return r;
	if (is_task(src) || is_task(dst))
		return -EINVAL;
	return umem_copy(src, c->src_addr, dst, c->dst_addr, c->bytes);
}
