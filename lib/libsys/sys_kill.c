// SPDX-License-Identifier: BSD-2-Clause
/* sys_kill: raise sig on e through its signal manager. */
#include "syslib.h"

int sys_kill(endpoint_t e, int sig)
{
	message m = { .m_type = SYS_KILL };

	m.sys_kill.endpt = e;
	m.sys_kill.sig = sig;
	return kernel_call(&m);
}
