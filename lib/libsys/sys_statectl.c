// SPDX-License-Identifier: BSD-2-Clause
/* sys_statectl: state management of the caller (SYS_STATE_*). */
#include "syslib.h"

int sys_statectl(int request, vir_bytes addr, vir_bytes len)
{
	message m = { .m_type = SYS_STATECTL };

	m.sys_statectl = (struct sys_statectl_msg){ request, addr, len };
	return kernel_call(&m);
}
