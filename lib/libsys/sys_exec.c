// SPDX-License-Identifier: BSD-2-Clause
/* sys_exec: start e at ip with stack sp under a new name. */
#include "syslib.h"

int sys_exec(endpoint_t e, vir_bytes ip, vir_bytes sp, const char *name)
{
	message m = { .m_type = SYS_EXEC };

	m.sys_exec.endpt = e;
	m.sys_exec.ip = ip;
	m.sys_exec.sp = sp;
	for (size_t i = 0;
	     name != NULL && i + 1 < sizeof(m.sys_exec.name) && name[i] != '\0';
	     i++)
		m.sys_exec.name[i] = name[i];
	return kernel_call(&m);
}
