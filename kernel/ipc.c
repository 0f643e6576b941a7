// SPDX-License-Identifier: BSD-2-Clause
/*
 * Message passing: send, receive, sendrec, notify, sendnb and senda.
 *
 * Rendezvous: a sender whose receiver is waiting copies straight into the
 * receiver's buffer; otherwise it blocks on the receiver's FIFO caller
 * queue with its message held in the kernel.  A receive looks, in order,
 * at pending notifications (not during the reply half of a sendrec),
 * pending asynchronous messages, and the caller queue.  Blocking is
 * refused with -ELOCKED when it would close a cycle of blocked processes.
 *
 * Completion is written into the process's saved registers: eax = result,
 * ebx = IPC status.  Functions return SUSPEND when the caller blocked.
 */
#include "kernel.h"

static void ipc_complete(struct proc *p, int result, uint32_t status)
{
	p->regs.eax = (uint32_t)result;
	p->regs.ebx = status;
}

/* Is dst blocked in a receive that a message from src would satisfy? */
static bool will_receive(const struct proc *dst, const struct proc *src)
{
	return (dst->rts_flags & (RTS_RECEIVING | RTS_SENDING)) ==
		       RTS_RECEIVING &&
	       (dst->getfrom == ANY || dst->getfrom == src->endpoint);
}

/* Copy m into p's receive buffer. */
static int write_recv_buf(struct proc *p, const message *m)
{
	if (p->recv_phys != 0) {
		msg_copy((message *)p->recv_phys, m);
		return OK;
	}
	return umem_write(p, p->recv_buf, m, sizeof(*m));
}

/* End dst's receive with result r and let it run. */
static void wake_receiver(struct proc *dst, int r, uint32_t status)
{
	ipc_complete(dst, r, status);
	dst->misc_flags &= ~MF_REPLY_PEND;
	dst->getfrom = NONE;
	rts_unset(dst, RTS_RECEIVING);
}

/* Hand m to dst, which is blocked receiving, and let it run. */
static void deliver(struct proc *dst, const message *m, uint32_t status)
{
	wake_receiver(dst, write_recv_buf(dst, m), status);
}

static endpoint_t blocked_on(const struct proc *p)
{
	if (p->rts_flags & RTS_SENDING)
		return p->sendto;
	if (p->rts_flags & RTS_RECEIVING)
		return p->getfrom;
	return NONE;
}

/*
 * Would caller, about to block in role (RTS_SENDING or RTS_RECEIVING) on
 * target, close a cycle?  A two-process cycle where one side sends and
 * the other receives is the ordinary request/reply pattern and allowed.
 */
static bool deadlock(const struct proc *caller, uint32_t role,
		     endpoint_t target)
{
	struct proc *xp;
	endpoint_t e = target;

	if (target == caller->endpoint)
		return true;
	for (int group = 2; group <= NR_TASKS + NR_PROCS + 1; group++) {
		if (e == ANY || e == NONE || endpoint_lookup(e, &xp) != OK)
			return false;
		e = blocked_on(xp);
		if (e == caller->endpoint) {
			bool xp_sends = (xp->rts_flags & RTS_SENDING) != 0;
			return !(group == 2 &&
				 xp_sends != (role == RTS_SENDING));
		}
	}
	return false;
}

static int mini_send(struct proc *caller, struct proc *dst, const message *m,
		     int trap)
{
	if (dst->rts_flags & RTS_NO_ENDPOINT)
		return -EDEADSRCDST;
	if (will_receive(dst, caller)) {
		deliver(dst, m, (uint32_t)trap);
		return OK;
	}
	if (trap == SENDNB)
		return -ENOTREADY;
	if (deadlock(caller, RTS_SENDING, dst->endpoint))
		return -ELOCKED;
	msg_copy(&caller->sendmsg, m);
	caller->send_trap = trap;
	caller->sendto = dst->endpoint;
	caller->q_link = NULL;
	struct proc **xpp = &dst->caller_q;
	while (*xpp != NULL)
		xpp = &(*xpp)->q_link;
	*xpp = caller;
	rts_set(caller, RTS_SENDING);
	return SUSPEND;
}

static void build_notify(message *m, struct proc *src, struct proc *dst)
{
	memset(m, 0, sizeof(*m));
	m->m_source = src->endpoint;
	m->m_type = NOTIFY_MESSAGE;
	m->notify.timestamp = ticks;
	if (src->endpoint == HARDWARE) {
		m->notify.interrupts = dst->int_pending;
		dst->int_pending = 0;
	} else if (src->endpoint == SYSTEM) {
		m->notify.sigs = dst->sig_pending;
		dst->sig_pending = 0;
	}
}

static uint32_t notify_status(const struct proc *src)
{
	return NOTIFY | (is_task(src) ? IPC_FLG_MSG_FROM_KERNEL : 0);
}

/* The process behind a bit in a pending bitmap, or NULL if it is gone. */
static struct proc *priv_owner(int id)
{
	int nr = priv_table[id].proc_nr;

	return nr == NO_SLOT ? NULL : proc_addr(nr);
}

/* The lowest privilege id >= from whose bit is set in mask, or -1. */
static int next_pending(const uint32_t *mask, int from)
{
	for (int id = from; id < NR_SYS_PROCS; id = (id | 31) + 1) {
		uint32_t bits = mask[id / 32] >> (id % 32);
		if (bits != 0)
			return id + __builtin_ctz(bits);
	}
	return -1;
}

static bool mask_empty(const uint32_t *mask)
{
	uint32_t any = 0;

	for (int i = 0; i < PRIV_MASK_WORDS; i++)
		any |= mask[i];
	return any == 0;
}

#define for_each_pending(id, mask) \
	for (int id = next_pending(mask, 0); id >= 0; \
	     id = next_pending(mask, id + 1))

/* Deliver the first pending notification from src_e (or ANY) to caller. */
static __attribute__((noinline)) bool try_notify(struct proc *caller,
						 endpoint_t src_e)
{
	for_each_pending (id, caller->notify_pending) {
		struct proc *src = priv_owner(id);
		if (src == NULL) {
			priv_mask_clear(caller->notify_pending, id);
			continue;
		}
		if (src_e != ANY && src_e != src->endpoint)
			continue;
		message m;
		priv_mask_clear(caller->notify_pending, id);
		build_notify(&m, src, caller);
		int r = write_recv_buf(caller, &m);
		ipc_complete(caller, r, notify_status(src));
		return true;
	}
	return false;
}

/* Notify dst from caller: deliver now if it waits for us, else mark pending. */
int mini_notify(struct proc *caller, struct proc *dst)
{
	if (will_receive(dst, caller) && !(dst->misc_flags & MF_REPLY_PEND)) {
		message m;
		build_notify(&m, caller, dst);
		deliver(dst, &m, notify_status(caller));
		return OK;
	}
	priv_mask_set(dst->notify_pending, caller->priv->id);
	return OK;
}

/* A notification from kernel task src_task (CLOCK, SYSTEM, HARDWARE...). */
void kernel_notify(endpoint_t src_task, struct proc *dst)
{
	mini_notify(proc_addr(ENDPOINT_P(src_task)), dst);
}

/* ---- asynchronous messages ---- */

#define ASYN_HDR_SIZE offsetof(asynmsg_t, msg)

static vir_bytes asyn_entry(const struct priv *pr, int i)
{
	return pr->asyn_table + (vir_bytes)i * sizeof(asynmsg_t);
}

/* Mark entry i of sender's table done with result r; notify if asked. */
static void asyn_finish(struct proc *sender, int i, uint32_t flags, int r)
{
	vir_bytes e = asyn_entry(sender->priv, i);
	int32_t result = r;

	flags |= AMF_DONE;
	umem_write(sender, e + offsetof(asynmsg_t, result), &result,
		   sizeof(result));
	umem_write(sender, e + offsetof(asynmsg_t, flags), &flags,
		   sizeof(flags));
	if ((flags & AMF_NOTIFY) || ((flags & AMF_NOTIFY_ERR) && r != OK))
		kernel_notify(ASYNCM, sender);
}

/* Copy entry i's message to dst and complete it. */
static bool asyn_deliver(struct proc *sender, int i, uint32_t flags,
			 struct proc *dst)
{
	message m;

	if (umem_read(sender, asyn_entry(sender->priv, i) + ASYN_HDR_SIZE, &m,
		      sizeof(m)) != OK) {
		asyn_finish(sender, i, flags, -EFAULT);
		return false;
	}
	m.m_source = sender->endpoint;
	deliver(dst, &m, SENDA);
	asyn_finish(sender, i, flags, OK);
	return true;
}

static bool asyn_accepts(const struct proc *dst, uint32_t flags)
{
	return !((dst->misc_flags & MF_REPLY_PEND) && (flags & AMF_NOREPLY));
}

/*
 * Walk sender's table: deliver what can go now, fail what cannot go at
 * all, and mark the rest pending at their destinations.
 */
static int senda_scan(struct proc *sender)
{
	struct priv *pr = sender->priv;

	for (int i = 0; i < pr->asyn_size; i++) {
		struct {
			uint32_t flags;
			endpoint_t dst;
		} hdr;
		struct proc *dst;
		if (umem_read(sender, asyn_entry(pr, i), &hdr, sizeof(hdr)) !=
		    OK)
			return -EFAULT;
		if (!(hdr.flags & AMF_VALID) || (hdr.flags & AMF_DONE))
			continue;
		int r = endpoint_lookup(hdr.dst, &dst);
		if (r == OK && (is_task(dst) || !may_send_to(sender, dst)))
			r = -ECALLDENIED; /* tasks never receive messages */
		if (r == OK && (dst->rts_flags & RTS_NO_ENDPOINT))
			r = -EDEADSRCDST;
		if (r != OK)
			asyn_finish(sender, i, hdr.flags, r);
		else if (will_receive(dst, sender) &&
			 asyn_accepts(dst, hdr.flags))
			asyn_deliver(sender, i, hdr.flags, dst);
		else
			priv_mask_set(dst->asyn_pending, pr->id);
	}
	return OK;
}

static int mini_senda(struct proc *caller, vir_bytes table, uint32_t count)
{
	struct priv *pr = caller->priv;

	if (!is_sys(caller) || pr == user_priv)
		return -EPERM;
	if (count > ASYN_MAX_ENTRIES)
		return -EDOM;
	if (count > 0 &&
	    umem_check(caller, table, count * sizeof(asynmsg_t), true) != OK)
		return -EFAULT;
	pr->asyn_table = table;
	pr->asyn_size = (int)count;
	pr->asyn_endpoint = caller->endpoint;
	return senda_scan(caller);
}

/*
 * Deliver the first message in sender's table for dst, if any.  *more is
 * set when further messages for dst remain.
 */
static bool try_one(struct proc *sender, struct proc *dst, bool *more)
{
	struct priv *pr = sender->priv;
	bool done = false;

	*more = false;
	if (pr->asyn_endpoint != sender->endpoint)
		return false;
	for (int i = 0; i < pr->asyn_size; i++) {
		struct {
			uint32_t flags;
			endpoint_t dst;
		} hdr;
		if (umem_read(sender, asyn_entry(pr, i), &hdr, sizeof(hdr)) !=
		    OK)
			break;
		if (!(hdr.flags & AMF_VALID) || (hdr.flags & AMF_DONE) ||
		    hdr.dst != dst->endpoint)
			continue;
		if (done || !asyn_accepts(dst, hdr.flags)) {
			*more = true;
			continue;
		}
		done = asyn_deliver(sender, i, hdr.flags, dst);
	}
	return done;
}

static __attribute__((noinline)) bool try_async(struct proc *caller,
						endpoint_t src_e)
{
	for_each_pending (id, caller->asyn_pending) {
		struct proc *src = priv_owner(id);
		if (src != NULL && src_e != ANY && src_e != src->endpoint)
			continue;
		bool more = false;
		bool got = src != NULL && try_one(src, caller, &more);
		if (!more)
			priv_mask_clear(caller->asyn_pending, id);
		if (got)
			return true;
	}
	return false;
}

/* Fail every pending async message from any sender to dead. */
static void cancel_async(struct proc *dead)
{
	for_each_pending (id, dead->asyn_pending) {
		struct proc *src = priv_owner(id);
		struct priv *pr = src ? src->priv : NULL;
		for (int i = 0; pr != NULL && i < pr->asyn_size; i++) {
			struct {
				uint32_t flags;
				endpoint_t dst;
			} hdr;
			if (umem_read(src, asyn_entry(pr, i), &hdr,
				      sizeof(hdr)) != OK)
				break;
			if ((hdr.flags & AMF_VALID) &&
			    !(hdr.flags & AMF_DONE) &&
			    hdr.dst == dead->endpoint)
				asyn_finish(src, i, hdr.flags, -EDEADSRCDST);
		}
		priv_mask_clear(dead->asyn_pending, id);
	}
}

/* ---- receive ---- */

/*
 * Receive into buf, whose physical address (0 if it spans pages) the
 * caller has checked.  check_cycle is false when the peer was just made
 * runnable by our own send and so cannot be part of a cycle.
 */
static int mini_receive(struct proc *caller, endpoint_t src_e, vir_bytes buf,
			phys_bytes phys, bool check_cycle)
{
	caller->recv_buf = buf;
	caller->recv_phys = phys;
	if (!(caller->rts_flags & RTS_SENDING)) {
		if (!(caller->misc_flags & MF_REPLY_PEND) &&
		    !mask_empty(caller->notify_pending) &&
		    try_notify(caller, src_e))
			return (int)caller->regs.eax;
		if (!mask_empty(caller->asyn_pending) &&
		    try_async(caller, src_e))
			return (int)caller->regs.eax;
		for (struct proc **xpp = &caller->caller_q; *xpp != NULL;
		     xpp = &(*xpp)->q_link) {
			struct proc *sender = *xpp;
			if (src_e != ANY && src_e != sender->endpoint)
				continue;
			*xpp = sender->q_link;
			sender->q_link = NULL;
			int r = write_recv_buf(caller, &sender->sendmsg);
			ipc_complete(caller, r, (uint32_t)sender->send_trap);
			sender->sendto = NONE;
			sender->regs.eax = OK;
			rts_unset(sender, RTS_SENDING);
			return r;
		}
		if (check_cycle && src_e != ANY &&
		    deadlock(caller, RTS_RECEIVING, src_e))
			return -ELOCKED;
	}
	caller->getfrom = src_e;
	rts_set(caller, RTS_RECEIVING);
	return SUSPEND;
}

/* ---- the trap ---- */

/*
 * The common case of a request or a reply: dst already waits for us and
 * both message buffers lie within one page each, so the message goes
 * straight from the sender's page to the receiver's, with no staging
 * copy.  For a sendrec the caller then waits for dst's reply; nothing
 * else can be queued for it (dst was receiving, not sending) unless an
 * asynchronous message is pending, which the general path handles.
 * (Taking the receive half through mini_receive costs ~95 instructions
 * per round trip, measured.)
 * Returns false, having changed nothing, when the general path must run.
 */
static bool fast_send(struct proc *caller, struct proc *dst, int trap,
		      vir_bytes addr, phys_bytes src_phys)
{
	if (src_phys == 0 || dst->recv_phys == 0 ||
	    (dst->rts_flags & RTS_NO_ENDPOINT) || !will_receive(dst, caller))
		return false;
	if (trap == SENDREC && !mask_empty(caller->asyn_pending))
		return false;

	message *out = (message *)dst->recv_phys;
	msg_copy(out, (const message *)src_phys);
	out->m_source = caller->endpoint;
	wake_receiver(dst, OK, (uint32_t)trap);
	if (trap == SENDREC) { /* mini_receive's outcome, without its scans */
		caller->misc_flags |= MF_REPLY_PEND;
		caller->recv_buf = addr;
		caller->recv_phys = src_phys;
		caller->getfrom = dst->endpoint;
		rts_set(caller, RTS_RECEIVING);
	}
	return true;
}

static bool trap_known(uint32_t trap)
{
	return trap == SEND || trap == RECEIVE || trap == SENDREC ||
	       trap == NOTIFY || trap == SENDNB || trap == SENDRECNB;
}

static int sync_ipc(struct proc *caller, int trap, endpoint_t ep,
		    vir_bytes addr)
{
	struct proc *dst = NULL;
	message m;
	int r;

	if (ep == ANY && trap != RECEIVE)
		return -EINVAL;
	if (ep != ANY && (r = endpoint_lookup(ep, &dst)) != OK)
		return r;
	if (trap != RECEIVE && !may_send_to(caller, dst))
		return -ECALLDENIED;
	if (!(caller->priv->trap_mask & TRAP_BIT(trap)))
		return -ETRAPDENIED;
	if (dst != NULL && is_task(dst) && trap != RECEIVE)
		return -ETRAPDENIED;
	/*
	 * A question to a server that may be busy waiting on someone who
	 * waits on the caller: asked only when the server is free to answer
	 * now, else nothing is sent.  From here on it is a sendrec.
	 */
	if (trap == SENDRECNB) {
		if (!will_receive(dst, caller))
			return -ENOTREADY;
		trap = SENDREC;
	}

	if (trap == NOTIFY)
		return mini_notify(caller, dst);
	bool writes = trap == RECEIVE || trap == SENDREC;
	phys_bytes phys = umem_msg_phys(caller, addr, writes);
	if (phys == 0 && writes &&
	    umem_check(caller, addr, sizeof(message), true) != OK)
		return -EFAULT;
	if (trap == RECEIVE)
		return mini_receive(caller, ep, addr, phys, true);
	if (fast_send(caller, dst, trap, addr, phys))
		return trap == SENDREC ? SUSPEND : OK;
	if (phys != 0)
		msg_copy(&m, (const message *)phys);
	else if (umem_msg_read(caller, addr, &m) != OK)
		return -EFAULT;
	m.m_source = caller->endpoint;
	if (trap != SENDREC)
		return mini_send(caller, dst, &m, trap);

	caller->misc_flags |= MF_REPLY_PEND;
	r = mini_send(caller, dst, &m, trap);
	if (r == OK || r == SUSPEND)
		r = mini_receive(caller, ep, addr, phys, r == SUSPEND);
	if (r != SUSPEND && r != OK)
		caller->misc_flags &= ~MF_REPLY_PEND;
	return r;
}

/* Entry from the IPC trap: eax = trap, ebx = endpoint/count, ecx = address. */
void do_ipc(struct proc *caller)
{
	uint32_t trap = caller->regs.eax;
	int r;

	if (trap == SENDA) {
		r = (caller->priv->trap_mask & TRAP_BIT(SENDA)) ?
			    mini_senda(caller, caller->regs.ecx,
				       caller->regs.ebx) :
			    -ETRAPDENIED;
	} else if (!trap_known(trap)) {
		r = -ETRAPDENIED;
	} else {
		r = sync_ipc(caller, (int)trap, (endpoint_t)caller->regs.ebx,
			     caller->regs.ecx);
	}
	if (r != SUSPEND)
		caller->regs.eax = (uint32_t)r;
}

/* ---- cleanup ---- */

/* Take p off the caller queue it is blocked on, if any. */
void ipc_abort_send(struct proc *p)
{
	if (!(p->rts_flags & RTS_SENDING))
		return;
	int nr = ENDPOINT_P(p->sendto);
	if (proc_slot_ok(nr)) {
		for (struct proc **xpp = &proc_addr(nr)->caller_q; *xpp != NULL;
		     xpp = &(*xpp)->q_link) {
			if (*xpp == p) {
				*xpp = p->q_link;
				break;
			}
		}
	}
	p->q_link = NULL;
	p->sendto = NONE;
	rts_unset(p, RTS_SENDING);
}

/* Release p from any send or receive it is blocked in, failing it with code. */
void ipc_unblock_all(struct proc *p, int code)
{
	ipc_abort_send(p);
	p->misc_flags &= ~MF_REPLY_PEND;
	p->getfrom = NONE;
	p->regs.eax = (uint32_t)code;
	rts_unset(p, RTS_RECEIVING);
}

/*
 * Remove every IPC reference to dead: pending async messages to it fail,
 * its notification and async bits elsewhere go, and anyone blocked sending
 * to or receiving from it is released with code.
 */
void clear_ipc_refs(struct proc *dead, int code)
{
	cancel_async(dead);
	bool own_priv = dead->priv != NULL && dead->priv != user_priv;
	for (struct proc *p = BEG_USER_PROC; p < END_PROC; p++) {
		if (proc_is_free(p) || p == dead)
			continue;
		if (own_priv) {
			priv_mask_clear(p->notify_pending, dead->priv->id);
			priv_mask_clear(p->asyn_pending, dead->priv->id);
		}
		if (((p->rts_flags & RTS_SENDING) &&
		     p->sendto == dead->endpoint) ||
		    ((p->rts_flags & RTS_RECEIVING) &&
		     p->getfrom == dead->endpoint))
			ipc_unblock_all(p, code);
	}
}

/* p is going away: nobody may talk to it any more. */
void clear_endpoint(struct proc *p)
{
	rts_set(p, RTS_NO_ENDPOINT);
	if (p->priv != NULL && p->priv != user_priv)
		p->priv->asyn_size = 0;
	ipc_abort_send(p);
	clear_ipc_refs(p, -EDEADSRCDST);
	p->caller_q = NULL;
}

/*
 * Put p's held message back on the caller queue of `to' (after its image
 * moved slots in sys_update); the message now carries p's new endpoint.
 */
void ipc_requeue_send(struct proc *p, endpoint_t to)
{
	struct proc *dst;

	if (endpoint_lookup(to, &dst) != OK) {
		ipc_unblock_all(p, -EDEADSRCDST);
		return;
	}
	p->sendmsg.m_source = p->endpoint;
	p->sendto = to;
	p->q_link = NULL;
	struct proc **xpp = &dst->caller_q;
	while (*xpp != NULL)
		xpp = &(*xpp)->q_link;
	*xpp = p;
	rts_set(p, RTS_SENDING);
}
