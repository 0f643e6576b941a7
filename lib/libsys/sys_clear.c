// SPDX-License-Identifier: BSD-2-Clause
/* sys_clear: release everything of an exited process. */
#include "syslib.h"

int sys_clear(endpoint_t e)
{
	message m = { .m_type = SYS_CLEAR };

	m.sys_endpt.endpt = e;
	return kernel_call(&m);
}
