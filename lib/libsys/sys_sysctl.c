// SPDX-License-Identifier: BSD-2-Clause
/* sys_sysctl: diagnostics (print, stack trace, no-op). */
#include "syslib.h"

int sys_sysctl(int request, const void *buf, size_t size, endpoint_t e)
{
	message m = { .m_type = SYS_SYSCTL };

	m.sys_sysctl =
		(struct sys_sysctl_msg){ request, (vir_bytes)buf, size, e };
	return kernel_call(&m);
}
