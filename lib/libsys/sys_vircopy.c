// SPDX-License-Identifier: BSD-2-Clause
/* sys_vircopy: copy between two processes' virtual memory. */
#include "syslib.h"

int sys_vircopy(endpoint_t src, vir_bytes src_addr, endpoint_t dst,
		vir_bytes dst_addr, vir_bytes bytes)
{
	message m = { .m_type = SYS_VIRCOPY };

	m.sys_vircopy =
		(struct sys_vircopy_msg){ src, src_addr, dst, dst_addr, bytes };
	return kernel_call(&m);
}
