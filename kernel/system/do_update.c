// SPDX-License-Identifier: BSD-2-Clause
/*
 * sys_update: swap the process images in two slots, so that the endpoint
 * of the old instance is from now on served by the new one.
 *
 * What stays with the slot (identity): slot number, endpoint, privilege
 * id, the queue of senders blocked on the endpoint, pending notifications,
 * async-pending bits, interrupts and kernel signals for it, its alarm, its
 * scheduling priority.  What moves with the image: registers, address
 * space, blocked state and messages, signals awaiting the manager, and the
 * privilege contents (masks, managers, IRQs and ports, grant and SENDA
 * tables).  Before the swap the destination inherits the source's IRQ
 * lines, port ranges and send rights, so the new version can do what the
 * old one could.  With SYS_UPD_ROLLBACK the source's pending send (the
 * failed new instance's init request) is dropped first.
 */
#include "../kernel.h"

/* Stopped in a state where its image may be moved. */
static bool updatable(const struct proc *p)
{
	uint32_t f = p->rts_flags;

	return (f & RTS_NO_PRIV) || (f & RTS_SIG_PENDING) ||
	       ((f & RTS_RECEIVING) && !(f & RTS_SENDING));
}

static void inherit_priv(struct priv *dst, const struct priv *src)
{
	for (int i = 0; i < src->nr_irq; i++) {
		bool have = false;
		for (int j = 0; j < dst->nr_irq; j++)
			have |= dst->irq[j] == src->irq[i];
		if (!have && dst->nr_irq < NR_IRQ_PER_PRIV)
			dst->irq[dst->nr_irq++] = src->irq[i];
	}
	for (int i = 0; i < src->nr_io && dst->nr_io < NR_IO_RANGE; i++)
		dst->io[dst->nr_io++] = src->io[i];
	for (int id = 0; id < NR_SYS_PROCS; id++)
		if (priv_mask_test(src->ipc_to, id))
			priv_set_sendto(dst, &priv_table[id]);
}

/* The per-slot part of a process, which the swap must leave in place. */
struct slot_identity {
	int nr;
	endpoint_t endpoint;
	struct priv *priv;
	int priority;
	struct proc *caller_q;
	uint32_t notify_pending[PRIV_MASK_WORDS];
	uint32_t asyn_pending[PRIV_MASK_WORDS];
	uint32_t int_pending;
	ksigset_t sig_pending;
	struct ktimer alarm;
};

static void save_identity(const struct proc *p, struct slot_identity *id)
{
	id->nr = p->nr;
	id->endpoint = p->endpoint;
	id->priv = p->priv;
	id->priority = p->priority;
	id->caller_q = p->caller_q;
	memcpy(id->notify_pending, p->notify_pending,
	       sizeof(id->notify_pending));
	memcpy(id->asyn_pending, p->asyn_pending, sizeof(id->asyn_pending));
	id->int_pending = p->int_pending;
	id->sig_pending = p->sig_pending;
	id->alarm = p->alarm;
}

static void restore_identity(struct proc *p, const struct slot_identity *id)
{
	p->nr = id->nr;
	p->endpoint = id->endpoint;
	p->priv = id->priv;
	p->priority = id->priority;
	p->caller_q = id->caller_q;
	memcpy(p->notify_pending, id->notify_pending,
	       sizeof(p->notify_pending));
	memcpy(p->asyn_pending, id->asyn_pending, sizeof(p->asyn_pending));
	p->int_pending = id->int_pending;
	p->sig_pending = id->sig_pending;
	p->alarm = id->alarm;
}

/* Exchange bits i and j of a privilege mask. */
static void swap_mask_bits(uint32_t *mask, int i, int j)
{
	uint32_t bi = priv_mask_test(mask, i), bj = priv_mask_test(mask, j);

	priv_mask_clear(mask, i);
	priv_mask_clear(mask, j);
	if (bi)
		priv_mask_set(mask, j);
	if (bj)
		priv_mask_set(mask, i);
}

/*
 * Swap everything but id and owner.  The send masks are indexed by id, so
 * the moved masks' bits for a and b are exchanged too: "may send to the
 * other one" stays true, and neither structure gains its own bit.
 */
static void swap_priv_contents(struct priv *a, struct priv *b)
{
	struct priv tmp = *a;

	*a = *b;
	*b = tmp;
	int id = a->id, nr = a->proc_nr;
	a->id = b->id;
	a->proc_nr = b->proc_nr;
	b->id = id;
	b->proc_nr = nr;
	swap_mask_bits(a->ipc_to, a->id, b->id);
	swap_mask_bits(b->ipc_to, a->id, b->id);
}

/* The kernel stack is small: keep the big temporaries off it. */
static struct proc swap_tmp;

static void swap_images(struct proc *a, struct proc *b)
{
	struct slot_identity ida, idb;
	endpoint_t a_sendto = NONE, b_sendto = NONE;

	/* A blocked send is part of the image; re-queue it on its target. */
	if (a->rts_flags & RTS_SENDING) {
		a_sendto = a->sendto;
		ipc_abort_send(a);
	}
	if (b->rts_flags & RTS_SENDING) {
		b_sendto = b->sendto;
		ipc_abort_send(b);
	}
	save_identity(a, &ida);
	save_identity(b, &idb);
	swap_tmp = *a;
	*a = *b;
	*b = swap_tmp;
	restore_identity(a, &ida);
	restore_identity(b, &idb);
	swap_priv_contents(a->priv, b->priv);
	if (b_sendto != NONE)
		ipc_requeue_send(a, b_sendto);
	if (a_sendto != NONE)
		ipc_requeue_send(b, a_sendto);
}

int do_update(struct proc *caller, message *m)
{
	struct sys_update_msg *u = &m->sys_update;
	struct proc *src, *dst;

	(void)caller;
	if (endpoint_lookup(u->src, &src) != OK ||
	    endpoint_lookup(u->dst, &dst) != OK || src == dst)
		return -EINVAL;
	if (!is_sys(src) || !is_sys(dst) || src->priv == user_priv ||
	    dst->priv == user_priv || is_task(src) || is_task(dst))
		return -EPERM;
	if (src->rts_flags == 0 || dst->rts_flags == 0 || !updatable(src) ||
	    !updatable(dst))
		return -EBUSY;

	inherit_priv(dst->priv, src->priv);
	if (u->flags & SYS_UPD_ROLLBACK)
		ipc_abort_send(src);
	fpu_release(src);
	fpu_release(dst);
	swap_images(src, dst);
	return OK;
}
