// SPDX-License-Identifier: BSD-2-Clause
/* sys_times: uptime, TSC and (unless e is NONE) e's accounted ticks. */
#include "syslib.h"

int sys_times(endpoint_t e, struct sys_times_msg *out)
{
	message m = { .m_type = SYS_TIMES };

	m.sys_times.endpt = e;
	int r = kernel_call(&m);
	if (r == OK)
		*out = m.sys_times;
	return r;
}
