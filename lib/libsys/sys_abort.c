// SPDX-License-Identifier: BSD-2-Clause
/* sys_abort: halt, reboot, or leave the emulator with a status. */
#include "syslib.h"

int sys_abort(int how, int status)
{
	message m = { .m_type = SYS_ABORT };

	m.sys_abort.how = how;
	m.sys_abort.status = status;
	return kernel_call(&m);
}
