// SPDX-License-Identifier: BSD-2-Clause
/* sys_sigsend: make e run handler(signo), saving its context and mask. */
#include "syslib.h"

int sys_sigsend(endpoint_t e, int signo, vir_bytes handler,
		vir_bytes trampoline, uint32_t mask)
{
	message m = { .m_type = SYS_SIGSEND };

	m.sys_sigsend.endpt = e;
	m.sys_sigsend.signo = signo;
	m.sys_sigsend.handler = handler;
	m.sys_sigsend.trampoline = trampoline;
	m.sys_sigsend.mask = mask;
	return kernel_call(&m);
}
