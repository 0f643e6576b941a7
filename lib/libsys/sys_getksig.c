// SPDX-License-Identifier: BSD-2-Clause
/* sys_getksig: next managed process with signals (*e == NONE: none left). */
#include "syslib.h"

int sys_getksig(endpoint_t *e, ksigset_t *sigs)
{
	message m = { .m_type = SYS_GETKSIG };
	int r = kernel_call(&m);

	if (r == OK) {
		*e = m.sys_getksig.endpt;
		*sigs = m.sys_getksig.sigs;
	}
	return r;
}
