// SPDX-License-Identifier: BSD-2-Clause
/*
 * IRQ hooks.  A driver registers a hook for an IRQ line with irqctl; when
 * the line fires, the kernel masks it (unless the policy re-enables it),
 * sets the hook's bit in the owner's pending-interrupt set and notifies
 * the owner from HARDWARE.  Hooks are keyed by endpoint, so a live update
 * that keeps the endpoint keeps the interrupts.
 */
#include "kernel.h"

struct irq_hook {
	endpoint_t owner; /* NONE: free */
	int irq;
	int policy;
	int notify_bit; /* bit set in the owner's notify payload */
};

static struct irq_hook hooks[NR_IRQ_HOOKS];
static bool hooks_ready;

static void hooks_init(void)
{
	for (int i = 0; i < NR_IRQ_HOOKS; i++)
		hooks[i].owner = NONE;
	hooks_ready = true;
}

static void irq_refresh_mask(int irq)
{
	for (int i = 0; i < NR_IRQ_HOOKS; i++)
		if (hooks[i].owner != NONE && hooks[i].irq == irq)
			return;
	if (irq != 0 && irq != 2)
		arch_irq_mask(irq);
}

/*
 * Hook irq for owner; returns the hook id (>= 0) or -ENOSPC.  Hooking
 * the same line with the same bit again gives the existing hook back, so
 * a restarted driver (same endpoint) does not leak its predecessor's.
 */
int irq_hook_set(struct proc *owner, int irq, int policy, int notify_bit)
{
	if (!hooks_ready)
		hooks_init();
	for (int i = 0; i < NR_IRQ_HOOKS; i++) {
		struct irq_hook *h = &hooks[i];
		if (h->owner == owner->endpoint && h->irq == irq &&
		    h->notify_bit == notify_bit) {
			h->policy = policy; /* a restarted driver hooks again */
			arch_irq_unmask(irq);
			return i;
		}
	}
	for (int i = 0; i < NR_IRQ_HOOKS; i++) {
		if (hooks[i].owner == NONE) {
			hooks[i] = (struct irq_hook){ owner->endpoint, irq,
						      policy, notify_bit };
			arch_irq_unmask(irq);
			return i;
		}
	}
	return -ENOSPC;
}

static struct irq_hook *owned_hook(struct proc *owner, int hook_id)
{
	if (!hooks_ready || hook_id < 0 || hook_id >= NR_IRQ_HOOKS ||
	    hooks[hook_id].owner != owner->endpoint)
		return NULL;
	return &hooks[hook_id];
}

int irq_hook_remove(struct proc *owner, int hook_id)
{
	struct irq_hook *h = owned_hook(owner, hook_id);

	if (h == NULL)
		return -EINVAL;
	h->owner = NONE;
	irq_refresh_mask(h->irq);
	return OK;
}

int irq_hook_enable(struct proc *owner, int hook_id, bool enable)
{
	struct irq_hook *h = owned_hook(owner, hook_id);

	if (h == NULL)
		return -EINVAL;
	if (enable)
		arch_irq_unmask(h->irq);
	else
		arch_irq_mask(h->irq);
	return OK;
}

/* Drop every hook owned by endpoint e (the process is being cleared). */
void irq_hooks_release(endpoint_t e)
{
	if (!hooks_ready)
		return;
	for (int i = 0; i < NR_IRQ_HOOKS; i++) {
		if (hooks[i].owner == e) {
			hooks[i].owner = NONE;
			irq_refresh_mask(hooks[i].irq);
		}
	}
}

/* A hardware interrupt on line irq (other than the clock). */
void irq_dispatch(int irq)
{
	bool reenable = false;

	arch_irq_mask(irq);
	arch_irq_eoi(irq);
	for (int i = 0; hooks_ready && i < NR_IRQ_HOOKS; i++) {
		struct irq_hook *h = &hooks[i];
		struct proc *p;
		if (h->owner == NONE || h->irq != irq ||
		    endpoint_lookup(h->owner, &p) != OK)
			continue;
		p->int_pending |= 1u << (h->notify_bit & 31);
		kernel_notify(HARDWARE, p);
		if (h->policy & IRQ_REENABLE)
			reenable = true;
	}
	if (reenable)
		arch_irq_unmask(irq);
}
