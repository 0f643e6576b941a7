// SPDX-License-Identifier: BSD-2-Clause
/* sys_update: swap the images behind two endpoints (live update). */
#include "syslib.h"

int sys_update(endpoint_t src, endpoint_t dst, uint32_t flags)
{
	message m = { .m_type = SYS_UPDATE };

	m.sys_update = (struct sys_update_msg){ src, dst, flags };
	return kernel_call(&m);
}
