// SPDX-License-Identifier: BSD-2-Clause
/* sys_exit: end the calling system process; its manager gets SIGABRT. */
#include "syslib.h"

int sys_exit(void)
{
	message m = { .m_type = SYS_EXIT };

	return kernel_call(&m);
}
