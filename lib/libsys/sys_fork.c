// SPDX-License-Identifier: BSD-2-Clause
/* sys_fork: copy parent into slot (-1: any); the child starts without privileges. */
#include "syslib.h"

int sys_fork(endpoint_t parent, int slot, endpoint_t *child)
{
	message m = { .m_type = SYS_FORK };

	m.sys_fork.parent = parent;
	m.sys_fork.slot = slot;
	int r = kernel_call(&m);
	if (r == OK && child != NULL)
		*child = m.sys_fork.child;
	return r;
}
