// SPDX-License-Identifier: BSD-2-Clause
/*
 * sys_irqctl: hook an IRQ line so that its interrupts arrive as
 * notifications from HARDWARE, and enable, disable or drop the hook.  The
 * clock (0) and the cascade (2) belong to the kernel.  With CHECK_IRQ the
 * line must be one of the caller's privileged IRQs.
 */
#include "../kernel.h"

static bool irq_permitted(const struct priv *pr, int irq)
{
	if (!(pr->flags & CHECK_IRQ))
		return true;
	for (int i = 0; i < pr->nr_irq; i++)
		if (pr->irq[i] == irq)
			return true;
	return false;
}

int do_irqctl(struct proc *caller, message *m)
{
	struct sys_irqctl_msg *q = &m->sys_irqctl;
	int r;

	switch (q->request) {
	case IRQ_SETPOLICY:
		if (q->irq < 0 || q->irq >= NR_IRQ_VECTORS)
			return -EINVAL;
		if (q->irq == 0 || q->irq == 2 ||
		    !irq_permitted(caller->priv, q->irq))
			return -EPERM;
		if (q->hook_id < 0 || q->hook_id > 31 ||
		    (q->policy & ~IRQ_REENABLE) != 0)
			return -EINVAL;
		if ((r = irq_hook_set(caller, q->irq, q->policy, q->hook_id)) <
		    0)
			return r;
		q->hook_id = r;
		return OK;
	case IRQ_RMPOLICY:
		return irq_hook_remove(caller, q->hook_id);
	case IRQ_ENABLE:
	case IRQ_DISABLE:
		return irq_hook_enable(caller, q->hook_id,
				       q->request == IRQ_ENABLE);
	default:
		return -EINVAL;
	}
}
