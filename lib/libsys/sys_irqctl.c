// SPDX-License-Identifier: BSD-2-Clause
/* sys_irqctl: IRQ hooks; *hook_id is the notify bit in, the hook id out. */
#include "syslib.h"

int sys_irqctl(int request, int irq, int policy, int *hook_id)
{
	message m = { .m_type = SYS_IRQCTL };

	m.sys_irqctl =
		(struct sys_irqctl_msg){ request, irq, policy, *hook_id };
	int r = kernel_call(&m);
	if (r == OK)
		*hook_id = m.sys_irqctl.hook_id;
	return r;
}
