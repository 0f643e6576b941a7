// SPDX-License-Identifier: BSD-2-Clause
/* sys_setalarm: notify from CLOCK after ticks (0 cancels). */
#include "syslib.h"

int sys_setalarm(uint32_t ticks, clock_t64 *time_left)
{
	message m = { .m_type = SYS_SETALARM };

	m.sys_setalarm.ticks = ticks;
	int r = kernel_call(&m);
	if (r == OK && time_left != NULL)
		*time_left = m.sys_setalarm.time_left;
	return r;
}
