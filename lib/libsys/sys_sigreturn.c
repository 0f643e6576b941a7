// SPDX-License-Identifier: BSD-2-Clause
/* sys_sigreturn: restore e's context from the sigcontext at `context`. */
#include "syslib.h"

int sys_sigreturn(endpoint_t e, vir_bytes context)
{
	message m = { .m_type = SYS_SIGRETURN };

	m.sys_sigsend.endpt = e;
	m.sys_sigsend.context = context;
	return kernel_call(&m);
}
