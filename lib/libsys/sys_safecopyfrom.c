// SPDX-License-Identifier: BSD-2-Clause
/* sys_safecopyfrom: read bytes at offset of granter's grant g into addr. */
#include "syslib.h"

int sys_safecopyfrom(endpoint_t granter, cp_grant_id_t g, vir_bytes offset,
		     void *addr, size_t bytes)
{
	message m = { .m_type = SYS_SAFECOPYFROM };

	m.sys_safecopy = (struct sys_safecopy_msg){ granter, g, offset,
						    (vir_bytes)addr, bytes };
	return kernel_call(&m);
}
