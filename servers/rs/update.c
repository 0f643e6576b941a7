// SPDX-License-Identifier: BSD-2-Clause
/*
 * Live update (minix-facts §3.11, §3.12, §7.2): replace a running service
 * by a new instance without losing its endpoint, its state or a request.
 *
 * `service update` adds the service to the batch; without -q the batch
 * runs at once, with -q it waits for `service sysctl upd_run`.  Ahead of
 * everything, the new instance of each service is made, frozen.  Then the
 * batch runs one service after the other, in the order of rank():
 *
 *   prepare  RS asks the old instance to reach its prepare state
 *	      (RS_LU_PREPARE); SEF answers when it is there, and the old
 *	      instance stays blocked on the answer from then on.
 *   swap     the kernel (and VM, except for VM itself) swap the two
 *	      instances: the new one owns the endpoint, the old one sits
 *	      frozen in the new one's slot.  Requests to the endpoint queue.
 *   init     the new instance runs its live-update init (RS_INIT, SEF_INIT_LU,
 *	      naming the old one to take state from) and reports; RS holds
 *	      the report unanswered, so the new instance does not serve yet.
 *
 * The services before VM finish their init while VM still runs (their
 * state transfer may need memory); VM's own update only needs the kernel.
 * When every service has initialised, RS commits: each new instance gets
 * the answer to its init and starts serving, the old instances go.  On
 * any failure, the batch is undone in reverse: each new instance is
 * frozen and swapped back out, and the old instance gets the error as the
 * answer to its prepare report and carries on as if nothing happened.
 *
 * RS itself is handed over (hand_over): the new RS runs while the old one
 * freezes; the new one takes RS's slot through VM, copies the old one's
 * memory (the batch included) and commits.  If it dies first, the kernel
 * wakes the old RS, its backup signal manager, which takes its slot back
 * and undoes the batch.
 *
 * RS measures each update in TSC cycles (executed instructions under
 * icount): prepare, swap, init, total (start to commit), and the blackout
 * (from the old instance's last answer to the new one's first).
 */
#include "rs.h"

#define RS_UPD_MAXTIME (2 * HZ) /* default prepare timeout */

enum upd_phase {
	UPD_SCHEDULED, /* waiting for its turn */
	UPD_PREPARING, /* asked to reach its state; no answer yet */
	UPD_HELD,      /* answered: blocked until RS replies */
	UPD_INIT,      /* swapped in; its init report is not in yet */
	UPD_READY,     /* initialised; blocked until the commit */
	UPD_OLD_DIED,  /* the old instance died: recovery takes over */
	UPD_NEW_DIED,  /* the new RS died before its init ended */
};

/* One service of the batch. */
struct upd {
	struct rproc *rp;
	struct rproc *staged; /* program of a new version (not self) */
	endpoint_t new_e;     /* new instance; after the swap: the old one */
	int state;
	clock_t64 maxtime; /* prepare timeout, ticks; 0: none */
	uint32_t init_flags;
	bool self, prepare_only;
	enum upd_phase phase;
	clock_t64 phase_tm;
	uint64_t t_start, t_asked, t_prepared, t_swapped, t_init;
};

static struct {
	struct upd u[NR_RPROCS];
	int n;
	int cur; /* the service in progress */
	bool running;
	endpoint_t caller; /* waits for the outcome; NONE */
} batch;		   /* caller is set when a batch starts */

/*
 * Each service's new program while it is being updated.  An entry keeps
 * its image buffer: a commit trades it for the service's old one.
 */
static struct rproc staged[NR_RPROCS];

/*
 * Order: the others, then DS, then RS, then VM.  The others may keep
 * their state in DS while they are replaced (hello does), so DS must
 * still answer; MINIX puts RS last, but here the hand-over needs VM's
 * help, so VM goes after it.
 */
static int rank(const struct rproc *rp)
{
	switch (rp->endpoint) {
	case DS_PROC_NR:
		return 1;
	case RS_PROC_NR:
		return 2;
	case VM_PROC_NR:
		return 3;
	default:
		return 0;
	}
}

static struct upd *find_upd(const struct rproc *rp)
{
	for (int i = 0; i < batch.n; i++)
		if (batch.u[i].rp == rp)
			return &batch.u[i];
	return NULL;
}

/* A new batch entry for rp, in rank order. */
static struct upd *insert(struct rproc *rp)
{
	int at = batch.n;

	while (at > 0 && rank(batch.u[at - 1].rp) > rank(rp))
		at--;
	memmove(&batch.u[at + 1], &batch.u[at],
		(batch.n - at) * sizeof(batch.u[0]));
	batch.n++;
	struct upd *u = &batch.u[at];
	memset(u, 0, sizeof(*u));
	u->rp = rp;
	u->staged = &staged[rp - rproc];
	u->new_e = NONE;
	return u;
}

/* Take u out of the batch again. */
static void remove_entry(struct upd *u)
{
	int at = (int)(u - batch.u);

	memmove(u, u + 1, (batch.n - at - 1) * sizeof(*u));
	batch.n--;
}

static void reply_to(endpoint_t e, int result)
{
	message m = { .m_type = result };
	int r = ipc_sendnb(e, &m);

	if (r != OK)
		printf("rs: answer to %d failed: %d\n", e, r);
}

/* A new frozen instance for u, from the staged program or the old one. */
static int make_new(struct upd *u)
{
	struct rproc *rp = u->rp;
	struct priv_spec spec;
	int r;

	if ((r = rs_current_spec(rp, &spec)) != OK)
		return r;
	if (rp->endpoint == RS_PROC_NR) {
		/* Until it holds RS's slot, the old RS is its backup. */
		spec.flags |= LU_SYS_PROC;
		spec.sig_mgr = SELF;
		spec.bak_sig_mgr = RS_PROC_NR;
	}
	return rs_create_instance(u->self ? rp : u->staged, &spec, false,
				  &u->new_e);
}

/* The checks of minix-facts §3.11 A, then the new instance. */
static int add(struct rproc *rp, const struct rs_start *rs, uint32_t iflags,
	       endpoint_t caller)
{
	bool core = rp->endpoint == VM_PROC_NR || rp->endpoint == PM_PROC_NR ||
		    rp->endpoint == VFS_PROC_NR;
	int state = rs->lu_state == 0 ? SEF_LU_STATE_WORK_FREE : rs->lu_state;
	bool prepare_only = (rs->flags & RSS_PREPARE_ONLY_LU) != 0;
	int r;

	if (state < 0 || state == SEF_LU_STATE_EVAL)
		return -EINVAL;
	if (prepare_only && (rp->endpoint == RS_PROC_NR ||
			     (core && state != SEF_LU_STATE_UNREACHABLE)))
		return -EINVAL;
	/*
	 * A new RS that hangs would leave nobody to notice, RS cannot crash
	 * while preparing and still run the update, and the new RS copies
	 * the old one's memory before it could tell it is another program.
	 */
	if (rp->endpoint == RS_PROC_NR &&
	    ((iflags & SEF_INIT_TIMEOUT) ||
	     state == SEF_LU_STATE_PREPARE_CRASH || !(rs->flags & RSS_SELF_LU)))
		return -EINVAL;
	struct upd *u = insert(rp);
	u->state = state;
	u->maxtime = rs->lu_maxtime == 0 ? RS_UPD_MAXTIME :
		     rs->lu_maxtime < 0	 ? 0 :
					   (clock_t64)rs->lu_maxtime;
	u->self = (rs->flags & RSS_SELF_LU) != 0;
	u->init_flags = iflags | (u->self ? SEF_LU_SELF : 0);
	u->prepare_only = prepare_only;
	r = OK;
	if (!u->self) {
		strlcpy(u->staged->progname, rs->progname,
			sizeof(u->staged->progname));
		u->staged->uid = rp->uid;
		r = rs_image_load(u->staged, caller, rs->exec, rs->exec_len);
	}
	if (r == OK && !prepare_only)
		r = make_new(u);
	if (r != OK)
		remove_entry(u);
	return r;
}

static void set_phase(struct upd *u, enum upd_phase phase)
{
	u->phase = phase;
	u->phase_tm = rs_now();
}

static void advance(void);
static void finish(int result);

/* Ask the old instance of u to prepare. */
static void ask_prepare(struct upd *u)
{
	message m = { .m_type = RS_LU_PREPARE };
	int r;

	m.rs_lu_prepare.state = u->state;
	m.rs_lu_prepare.flags = u->init_flags;
	u->t_asked = rs_tsc();
	set_phase(u, UPD_PREPARING);
	if ((r = asynsend(u->rp->endpoint, &m)) != OK)
		rs_update_end(r);
}

/* Tell a service to stop preparing (it has not answered yet). */
static void cancel_prepare(const struct upd *u)
{
	message m = { .m_type = RS_LU_PREPARE };

	m.rs_lu_prepare.state = SEF_LU_STATE_NULL;
	asynsend(u->rp->endpoint, &m);
}

/* Swap u's new instance in and let it run its live-update init. */
static void swap_in(struct upd *u)
{
	endpoint_t e = u->rp->endpoint, t = u->new_e;
	int r;

	if ((r = sys_update(e, t, 0)) != OK) {
		rs_update_end(r);
		return;
	}
	/* VM is waiting for us: the new VM swaps its own records. */
	if (e != VM_PROC_NR && (r = vm_update(e, t)) != OK) {
		sys_update(e, t, SYS_UPD_ROLLBACK);
		rs_update_end(r);
		return;
	}
	u->t_swapped = rs_tsc();
	set_phase(u, UPD_INIT);
	message m = { .m_type = RS_INIT };
	m.rs_init.type = SEF_INIT_LU;
	m.rs_init.flags = u->init_flags;
	m.rs_init.old_endpoint = t;
	m.rs_init.restarts = u->rp->restarts;
	if ((r = sys_privctl(e, SYS_PRIV_ALLOW, 0)) != OK ||
	    (r = asynsend(e, &m)) != OK)
		rs_update_end(r);
}

/*
 * Hand RS over to its new instance: it runs, we freeze.  We only run
 * again if it died before committing: the kernel woke us as its backup
 * signal manager.  Then we take RS's slot back if it had taken it, and
 * undo the batch.
 */
static void hand_over(struct upd *u)
{
	u->t_asked = u->t_prepared = u->t_swapped = rs_tsc();
	set_phase(u, UPD_INIT);
	int r = sys_privctl(u->new_e, SYS_PRIV_YIELD, 0);
	if (r != OK) {
		rs_update_end(r);
		return;
	}
	endpoint_t self = sys_self();
	if (self != RS_PROC_NR && (r = vm_update(RS_PROC_NR, self)) != OK)
		panic("rs: cannot take RS's slot back: %d", r);
	printf("rs: the new RS died; the old one is RS again and rolls the "
	       "update back\n");
	u->phase = UPD_NEW_DIED;
	rs_update_end(-ERESTART);
}

static void advance(void)
{
	if (batch.cur == batch.n) {
		finish(OK);
		return;
	}
	struct upd *u = &batch.u[batch.cur];
	if (u->rp->endpoint != RS_PROC_NR) {
		ask_prepare(u);
	} else if (u->state == SEF_LU_STATE_UNREACHABLE) {
		/* We never get ready: the prepare timeout ends it. */
		u->t_asked = rs_tsc();
		set_phase(u, UPD_PREPARING);
	} else {
		hand_over(u); /* here, between two requests, RS is ready */
	}
}

/* The service in progress, or NULL. */
static struct upd *current(void)
{
	return batch.running && batch.cur < batch.n ? &batch.u[batch.cur] :
						      NULL;
}

static const char *prepare_error(int result)
{
	switch (result) {
	case -ENOSYS:
		return "service does not support live update";
	case -EINVAL:
		return "service does not support the required state";
	case -EBUSY:
		return "service is not able to prepare now";
	default:
		return sys_strerror(result);
	}
}

/* RS_LU_PREPARE from a service: its prepare state is reached (or not). */
void rs_update_prepared(message *m)
{
	struct upd *u = current();
	int result = m->rs_lu_prepare.result;

	if (u == NULL || u->phase != UPD_PREPARING ||
	    m->m_source != u->rp->endpoint) {
		reply_to(m->m_source, -EINVAL); /* late or unexpected */
		return;
	}
	u->t_prepared = rs_tsc();
	set_phase(u, UPD_HELD);
	if (result != OK) {
		printf("rs: update of %s failed: %s\n", u->rp->label,
		       prepare_error(result));
		rs_update_end(result);
		return;
	}
	if (u->prepare_only) {
		batch.cur++;
		advance();
		return;
	}
	swap_in(u);
}

/*
 * RS_INIT from the new instance in progress: true if it was one (RS holds
 * the answer until the whole batch has initialised).
 */
bool rs_update_init_reply(const message *m)
{
	struct upd *u = current();
	int result = m->rs_init.result;

	if (u == NULL || u->phase != UPD_INIT || m->m_source != u->rp->endpoint)
		return false;
	if (result != OK) {
		printf("rs: the new %s failed its init: %d\n", u->rp->label,
		       result);
		rs_update_end(result);
		return true;
	}
	u->t_init = rs_tsc();
	set_phase(u, UPD_READY);
	batch.cur++;
	advance();
	return true;
}

/*
 * The new RS, in its init: take RS's slot and the old RS's memory, and
 * commit the batch that the old RS handed over.
 */
int rs_update_take_over(int type, const struct sef_init_info *info)
{
	endpoint_t self = sys_self();
	int r;

	(void)type;
	(void)info;
	if ((r = vm_update(RS_PROC_NR, self)) != OK)
		return r;
	/* The old RS, now at our former endpoint, backs us up meanwhile. */
	if ((r = rs_set_backup_manager(self)) != OK ||
	    (r = sef_identity_transfer(self)) != OK)
		return r;
	struct upd *u = current();
	if (u == NULL || u->rp->endpoint != RS_PROC_NR)
		return -EINVAL;
	if (u->init_flags & SEF_INIT_CRASH)
		panic("rs: init crash requested");
	if (u->init_flags & SEF_INIT_FAIL)
		return -ENOSYS;
	u->t_init = rs_tsc();
	set_phase(u, UPD_READY);
	batch.cur++;
	advance();
	return OK;
}

/* Record the figures of u's update in its service. */
static void record(struct upd *u, int result)
{
	struct rproc *rp = u->rp;
	uint64_t now = rs_tsc();

	rp->upd_result = result;
	rp->upd_prepare = u->t_prepared ? u->t_prepared - u->t_asked : 0;
	rp->upd_swap = u->t_swapped ? u->t_swapped - u->t_prepared : 0;
	rp->upd_init = u->t_init ? u->t_init - u->t_swapped : 0;
	rp->upd_total = now - u->t_start;
	rp->upd_blackout = u->t_prepared ? now - u->t_prepared : 0;
}

/*
 * Let u's new instance serve (answer its init), or release a prepare-only
 * one.  No call to VM may come before every new instance is released: a
 * new VM waits for this very answer.
 */
static void release(struct upd *u)
{
	if (u->prepare_only || u->rp->endpoint != RS_PROC_NR)
		reply_to(u->rp->endpoint, OK);
}

/* The old instance of u goes; the new one's program is kept. */
static void commit(struct upd *u)
{
	struct rproc *rp = u->rp;

	if (u->prepare_only)
		return;
	rs_destroy(u->new_e);
	u->new_e = NONE;
	if (!u->self) { /* the program changed: keep the new one */
		struct rproc *st = u->staged;
		vir_bytes image = rp->image;
		size_t cap = rp->image_cap;
		strlcpy(rp->progname, st->progname, sizeof(rp->progname));
		rp->image = st->image;
		rp->image_len = st->image_len;
		rp->image_cap = st->image_cap;
		st->image = image;
		st->image_cap = cap;
		rs_replica_drop(rp); /* of the old program */
	}
	if (rp->endpoint == RS_PROC_NR)
		rs_set_backup_manager(rp->replica);
	printf("rs: %s updated (endpoint %d)\n", rp->label, rp->endpoint);
}

/*
 * Undo u as far as it got; the old instance carries on.  The new one is
 * removed unless keep_new (the old RS will remove it, see rs_update_end).
 */
static void undo(struct upd *u, int result, bool keep_new)
{
	endpoint_t e = u->rp->endpoint, t = u->new_e;

	switch (u->phase) {
	case UPD_PREPARING:
		if (e != RS_PROC_NR)
			cancel_prepare(u);
		break;
	case UPD_HELD:
		reply_to(e, result);
		break;
	case UPD_INIT:
	case UPD_READY:
		/* Stop the new instance (it may be running) and swap back. */
		sys_privctl(e, SYS_PRIV_DISALLOW, 0);
		if (sys_update(e, t, SYS_UPD_ROLLBACK) != OK ||
		    (e != VM_PROC_NR && vm_update(e, t) != OK))
			panic("rs: cannot roll %s back", u->rp->label);
		reply_to(e, result);
		break;
	default:
		break;
	}
	if (t != NONE && !keep_new) {
		rs_destroy(t);
		u->new_e = NONE;
	}
}

/*
 * The batch is over: commit it (on success; a failure was undone by
 * rs_update_end), record the figures, answer the caller, forget it.
 */
static void finish(int result)
{
	for (int i = 0; result == OK && i < batch.n; i++)
		release(&batch.u[i]);
	for (int i = 0; i < batch.n; i++) {
		struct upd *u = &batch.u[i];
		if (result == OK)
			commit(u);
		record(u, result);
		u->rp->flags &= ~RS_UPDATING;
		u->rp->alive_tm = rs_now();
		u->rp->check_tm = 0;
		u->rp = NULL;
	}
	if (result == OK)
		printf("rs: update succeeded\n");
	if (batch.caller != NONE)
		reply_to(batch.caller, result);
	batch.caller = NONE;
	batch.n = 0;
	batch.running = false;
}

/* The index of RS in the batch if we are its new instance, else -1. */
static int handed_over(void)
{
	for (int i = 0; i < batch.n; i++)
		if (batch.u[i].rp->endpoint == RS_PROC_NR &&
		    batch.u[i].phase == UPD_READY)
			return i;
	return -1;
}

/*
 * End the batch with a failure: undo it in reverse (VM before the rest,
 * as undoing the rest needs VM).  A new RS undoes only what came after
 * it and dies: its predecessor, woken as its backup signal manager,
 * takes RS's slot back and undoes the rest (hand_over).
 */
void rs_update_end(int result)
{
	int rs_at = handed_over();

	printf("rs: update failed: %s\n", sys_strerror(result));
	for (int i = batch.n - 1; i > rs_at; i--)
		undo(&batch.u[i], result, rs_at >= 0);
	if (rs_at >= 0)
		panic("rs: the update failed after the hand-over; the old RS "
		      "rolls it back");
	finish(result);
}

static void start(endpoint_t caller)
{
	uint64_t now = rs_tsc();

	batch.running = true;
	batch.cur = 0;
	batch.caller = caller;
	for (int i = 0; i < batch.n; i++) {
		batch.u[i].t_start = now;
		batch.u[i].rp->flags |= RS_UPDATING;
	}
	advance();
}

/* `service update`: add rp to the batch; run it unless -q.  */
int rs_update_request(struct rproc *rp, const struct rs_start *rs,
		      uint32_t init_flags, endpoint_t caller)
{
	bool queue = (rs->flags & RSS_BATCH) != 0;
	int r;

	if (batch.running || (batch.n > 0 && !queue))
		return -EBUSY;
	if (find_upd(rp) != NULL)
		return -EINVAL;
	if (batch.n == 0)
		batch.caller = NONE;
	if (rp->flags & (RS_TERMINATED | RS_INITIALIZING | RS_EXITING) ||
	    rp->caller != NONE || rp->corpse != NONE)
		return -EBUSY;
	if ((r = add(rp, rs, init_flags, caller)) != OK || queue)
		return r;
	start(caller);
	return -EDONTREPLY;
}

/* `service sysctl upd_*`. */
int rs_update_sysctl(int subtype, endpoint_t caller)
{
	switch (subtype) {
	case RS_SYSCTL_UPD_START:
	case RS_SYSCTL_UPD_RUN:
		if (batch.running)
			return -EBUSY;
		if (batch.n == 0)
			return -ENOENT;
		start(subtype == RS_SYSCTL_UPD_RUN ? caller : NONE);
		return subtype == RS_SYSCTL_UPD_RUN ? -EDONTREPLY : OK;
	case RS_SYSCTL_UPD_STOP:
		if (batch.n == 0)
			return -ENOENT;
		rs_update_end(-EINTR);
		return OK;
	case RS_SYSCTL_UPD_STATUS:
		for (int i = 0; i < batch.n; i++)
			printf("rs: update %d: %s state %d phase %d\n", i,
			       batch.u[i].rp->label, batch.u[i].state,
			       batch.u[i].phase);
		return batch.n;
	default:
		return -EINVAL;
	}
}

/*
 * A managed process died: true if it belonged to the update in a way
 * that leaves nothing for the crash path to do.  A new instance that
 * died is swapped back out (ERESTART); an old one that died fails the
 * update, and the crash path then recovers it.
 */
bool rs_update_death(endpoint_t e)
{
	for (int i = 0; i < batch.n; i++) {
		struct upd *u = &batch.u[i];
		if (e == u->new_e)
			return true; /* frozen images do not die: ignore */
		if (e != u->rp->endpoint)
			continue;
		bool new_died = u->phase == UPD_INIT || u->phase == UPD_READY;
		if (!new_died)
			u->phase = UPD_OLD_DIED;
		printf("rs: the %s instance of %s died during its update\n",
		       new_died ? "new" : "old", u->rp->label);
		rs_update_end(-ERESTART);
		return new_died;
	}
	return false;
}

/* rp is in the update batch (scheduled or under way). */
bool rs_update_has(const struct rproc *rp)
{
	return find_upd(rp) != NULL;
}

/* An update batch is under way. */
bool rs_update_running(void)
{
	return batch.running;
}

/*
 * The service at e is held by the update (it answers nobody until the
 * update ends): RS must not call it meanwhile.
 */
bool rs_update_holds(endpoint_t e)
{
	for (int i = 0; batch.running && i < batch.n; i++)
		if (batch.u[i].rp->endpoint == e &&
		    batch.u[i].phase != UPD_SCHEDULED &&
		    batch.u[i].phase != UPD_PREPARING)
			return true;
	return false;
}

/* The periodic check: prepare and init timeouts of the service in progress. */
void rs_update_period(clock_t64 now)
{
	struct upd *u = current();

	if (u == NULL)
		return;
	clock_t64 waited = now - u->phase_tm;
	if (u->phase == UPD_PREPARING && u->maxtime > 0 &&
	    waited > u->maxtime) {
		printf("rs: update of %s: maximum prepare time reached\n",
		       u->rp->label);
		rs_update_end(-EINTR);
	} else if (u->phase == UPD_INIT &&
		   waited > (u->maxtime > 0 ? 2 * u->maxtime : RS_INIT_TICKS)) {
		printf("rs: update of %s: the new instance did not finish its "
		       "init\n",
		       u->rp->label);
		rs_update_end(-EINTR);
	}
}
