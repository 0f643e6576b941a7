// SPDX-License-Identifier: BSD-2-Clause
/*
 * sys_privctl: set, change and apply privileges.  A new process starts
 * with RTS_NO_PRIV; its creator gives it system privileges (SET_SYS, with
 * an optional priv_spec) or user privileges (SET_USER), then ALLOWs it to
 * run.  YIELD allows the target and freezes the caller, which is how RS
 * hands over to a successor.  Every request validates fully before it
 * changes anything.
 */
#include "../kernel.h"

static bool has_own_priv(const struct proc *p)
{
	return p->priv != NULL && p->priv != user_priv &&
	       p->priv->id >= NR_TASKS;
}

static void reset_pending(struct proc *p)
{
	memset(p->notify_pending, 0, sizeof(p->notify_pending));
	memset(p->asyn_pending, 0, sizeof(p->asyn_pending));
	p->int_pending = 0;
	p->sig_pending = 0;
	timer_cancel(&p->alarm);
}

static int set_sys(struct proc *caller, struct proc *p, vir_bytes arg)
{
	struct priv_spec spec;
	int r, want = PRIV_ID_ANY;

	if (!(p->rts_flags & RTS_NO_PRIV))
		return -EPERM;
	if (arg != 0) {
		if (umem_read(caller, arg, &spec, sizeof(spec)) != OK)
			return -EFAULT;
		if ((r = priv_check_spec(&spec)) != OK)
			return r;
		if (!(spec.flags & DYN_PRIV_ID))
			want = spec.id;
	}
	struct priv *old = has_own_priv(p) ? p->priv : NULL;
	struct priv *pr = (old != NULL && want == PRIV_ID_ANY) ?
				  old :
				  priv_alloc_id(want, &r);
	if (pr == NULL)
		return r;
	if (old != NULL && old != pr)
		priv_free(old);
	priv_set_defaults_sys(pr);
	pr->proc_nr = p->nr;
	if (arg != 0)
		priv_apply_spec(pr, &spec);
	p->priv = pr;
	p->priority = SRV_Q;
	reset_pending(p);
	return OK;
}

static int set_user(struct proc *p)
{
	if (!(p->rts_flags & RTS_NO_PRIV))
		return -EPERM;
	if (has_own_priv(p))
		priv_free(p->priv);
	p->priv = user_priv;
	p->priority = USER_Q;
	reset_pending(p);
	return OK;
}

static int add_io(struct proc *caller, struct proc *p, vir_bytes arg)
{
	struct io_range io;

	if (!has_own_priv(p))
		return -EPERM;
	if (umem_read(caller, arg, &io, sizeof(io)) != OK)
		return -EFAULT;
	if (io.base > io.limit || io.limit > 0xffff)
		return -EINVAL;
	if (p->priv->nr_io >= NR_IO_RANGE)
		return -ENOMEM;
	p->priv->io[p->priv->nr_io++] = io;
	return OK;
}

static int add_irq(struct proc *p, vir_bytes irq)
{
	if (!has_own_priv(p))
		return -EPERM;
	if (irq >= NR_IRQ_VECTORS)
		return -EINVAL;
	if (p->priv->nr_irq >= NR_IRQ_PER_PRIV)
		return -ENOMEM;
	p->priv->irq[p->priv->nr_irq++] = (int)irq;
	return OK;
}

static int update_sys(struct proc *caller, struct proc *p, vir_bytes arg)
{
	struct priv_spec spec;
	int r;

	if (!has_own_priv(p))
		return -EPERM;
	if (umem_read(caller, arg, &spec, sizeof(spec)) != OK)
		return -EFAULT;
	if ((r = priv_check_spec(&spec)) != OK)
		return r;
	priv_apply_spec(p->priv, &spec);
	return OK;
}

static int allow(struct proc *p)
{
	if (!(p->rts_flags & RTS_NO_PRIV) || p->priv == NULL)
		return -EPERM;
	rts_unset(p, RTS_NO_PRIV);
	return OK;
}

int do_privctl(struct proc *caller, message *m)
{
	struct sys_privctl_msg *pc = &m->sys_privctl;
	struct proc *p;
	int r;

	if (!is_sys(caller))
		return -EPERM;
	if ((r = endpoint_lookup_self(caller, pc->endpt, &p)) != OK)
		return r;
	if (is_task(p))
		return -EPERM;
	switch (pc->request) {
	case SYS_PRIV_ALLOW:
		return allow(p);
	case SYS_PRIV_DISALLOW:
		if (p->rts_flags & RTS_NO_PRIV)
			return -EPERM;
		rts_set(p, RTS_NO_PRIV);
		return OK;
	case SYS_PRIV_SET_SYS:
		return set_sys(caller, p, pc->arg);
	case SYS_PRIV_SET_USER:
		return set_user(p);
	case SYS_PRIV_ADD_IO:
		return add_io(caller, p, pc->arg);
	case SYS_PRIV_ADD_IRQ:
		return add_irq(p, pc->arg);
	case SYS_PRIV_UPDATE_SYS:
		return update_sys(caller, p, pc->arg);
	case SYS_PRIV_YIELD:
		if (p == caller)
			return -EINVAL;
		if ((r = allow(p)) != OK)
			return r;
		rts_set(caller, RTS_NO_PRIV);
		return OK;
	case SYS_PRIV_CLEAR_IPC_REFS:
		clear_ipc_refs(p, -EDEADSRCDST);
		return OK;
	default:
		return -EINVAL;
	}
}
