// SPDX-License-Identifier: BSD-2-Clause
/* sys_getinfo: copy a kernel table (GET_*) into buf. */
#include "syslib.h"

int sys_getinfo(int request, void *buf, size_t size, endpoint_t e)
{
	message m = { .m_type = SYS_GETINFO };

	m.sys_getinfo =
		(struct sys_getinfo_msg){ request, (vir_bytes)buf, size, e };
	return kernel_call(&m);
}
