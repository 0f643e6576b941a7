// SPDX-License-Identifier: BSD-2-Clause
/* sys_setgrant: register the caller's grant table. */
#include "syslib.h"

int sys_setgrant(cp_grant_t *table, int entries)
{
	message m = { .m_type = SYS_SETGRANT };

	m.sys_setgrant.addr = (vir_bytes)table;
	m.sys_setgrant.entries = entries;
	return kernel_call(&m);
}
