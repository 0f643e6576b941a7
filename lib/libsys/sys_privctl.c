// SPDX-License-Identifier: BSD-2-Clause
/* sys_privctl: privilege requests (SYS_PRIV_*); arg is a pointer or an IRQ. */
#include "syslib.h"

int sys_privctl(endpoint_t e, int request, vir_bytes arg)
{
	message m = { .m_type = SYS_PRIVCTL };

	m.sys_privctl.endpt = e;
	m.sys_privctl.request = request;
	m.sys_privctl.arg = arg;
	return kernel_call(&m);
}
