// SPDX-License-Identifier: BSD-2-Clause
/* sys_devio: one port access; *value is written for output, read for input. */
#include "syslib.h"

int sys_devio(int request, uint32_t port, uint32_t *value)
{
	message m = { .m_type = SYS_DEVIO };

	m.sys_devio = (struct sys_devio_msg){ request, port, *value };
	int r = kernel_call(&m);
	if (r == OK)
		*value = m.sys_devio.value;
	return r;
}
