// SPDX-License-Identifier: BSD-2-Clause
/* sys_endksig: the manager is done with e's signals. */
#include "syslib.h"

int sys_endksig(endpoint_t e)
{
	message m = { .m_type = SYS_ENDKSIG };

	m.sys_endpt.endpt = e;
	return kernel_call(&m);
}
