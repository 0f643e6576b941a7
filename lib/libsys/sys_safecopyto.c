// SPDX-License-Identifier: BSD-2-Clause
/* sys_safecopyto: write bytes from addr at offset of granter's grant g. */
#include "syslib.h"

int sys_safecopyto(endpoint_t granter, cp_grant_id_t g, vir_bytes offset,
		   const void *addr, size_t bytes)
{
	message m = { .m_type = SYS_SAFECOPYTO };

	m.sys_safecopy = (struct sys_safecopy_msg){ granter, g, offset,
						    (vir_bytes)addr, bytes };
	return kernel_call(&m);
}
