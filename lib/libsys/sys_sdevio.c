// SPDX-License-Identifier: BSD-2-Clause
/* sys_sdevio: count units of string I/O between port and buf. */
#include "syslib.h"

int sys_sdevio(int request, uint32_t port, void *buf, uint32_t count)
{
	message m = { .m_type = SYS_SDEVIO };

	m.sys_sdevio =
		(struct sys_sdevio_msg){ request, port, (vir_bytes)buf, count };
	return kernel_call(&m);
}
