// SPDX-License-Identifier: BSD-2-Clause
/* sys_vmctl: memory-manager requests; output fields come back in *v. */
#include "syslib.h"

int sys_vmctl(struct sys_vmctl_msg *v)
{
	message m = { .m_type = SYS_VMCTL };

	m.sys_vmctl = *v;
	int r = kernel_call(&m);
	*v = m.sys_vmctl;
	return r;
}
