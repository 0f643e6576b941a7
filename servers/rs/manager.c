// SPDX-License-Identifier: BSD-2-Clause
/*
 * Service instances: creating them, starting their init, and what
 * happens when one dies (minix-facts §3.6, §3.8, §3.9).
 *
 * Recovery (restart policy): a new instance is made frozen — an empty
 * fork of RS from VM, filled with the service's program (its boot module,
 * or RS's copy of the binary), with the dead instance's privileges — and
 * the kernel and VM swap it into the dead instance's slot.  It now owns
 * the service's endpoint; the corpse sits in the new slot.  RS allows it
 * and sends RS_INIT(RESTART) naming the corpse, whose memory it may read.
 * Only when its init reply comes is the corpse destroyed.  None of this
 * waits on PM or VFS, so a disk driver can be recovered while they wait
 * for it.  A service whose restart callback answers ERESTART (reset
 * policy) is started fresh under a new endpoint instead.
 */
#include "rs.h"

/* Remove a process PM does not know (a corpse, a failed instance). */
void rs_destroy(endpoint_t e)
{
	int r;

	if ((r = vm_exit(e)) != OK && r != -ESRCH)
		printf("rs: VM_EXIT of %d failed: %d\n", e, r);
	if ((r = sys_clear(e)) != OK)
		printf("rs: sys_clear of %d failed: %d\n", e, r);
}

/* Remove the instance PM knows (it has the pid): through PM. */
static void destroy_known(endpoint_t e)
{
	int r = srv_exit(e);

	if (r != OK) {
		printf("rs: PM could not end %d (%d); removing it directly\n",
		       e, r);
		rs_destroy(e);
	}
}

/*
 * A frozen instance of rp's program in a new slot, with privileges spec.
 * With pm_known, PM makes the process (it gets a pid: a service being
 * started); otherwise VM does (a replacement PM never needs to see).
 */
int rs_create_instance(struct rproc *rp, const struct priv_spec *spec,
		       bool pm_known, endpoint_t *e)
{
	endpoint_t child;
	vir_bytes entry, sp;
	int pid, r;

	r = pm_known ? srv_fork(rp->uid, rp->progname, &child, &pid) :
		       vm_fork(RS_PROC_NR, -1, VM_FORK_EMPTY, &child);
	if (r != OK)
		return r;
	if (rp->image_len > 0)
		r = vm_exec_image(child, rp->progname, rp->image, rp->image_len,
				  &entry, &sp);
	else
		r = vm_exec(child, rp->progname, 0, 0, &entry, &sp);
	if (r == OK)
		r = sys_exec(child, entry, sp, rp->progname);
	if (r == OK)
		r = sys_privctl(child, SYS_PRIV_SET_SYS, (vir_bytes)spec);
	if (r != OK) {
		(pm_known ? destroy_known : rs_destroy)(child);
		return r;
	}
	*e = child;
	return OK;
}

/* Let rp's instance run and ask it to initialise (asynchronously). */
int rs_run_instance(struct rproc *rp, int type, endpoint_t old)
{
	int r = sys_privctl(rp->endpoint, SYS_PRIV_ALLOW, 0);

	if (r != OK)
		return r;
	message m = { .m_type = RS_INIT };
	m.rs_init.type = type;
	m.rs_init.flags = rp->init_flags;
	m.rs_init.old_endpoint = old;
	m.rs_init.restarts = rp->restarts;
	rp->init_flags = 0;
	rp->flags |= RS_INITIALIZING;
	rp->init_tm = rp->alive_tm = rs_now();
	rp->check_tm = 0;
	return asynsend(rp->endpoint, &m);
}

void rs_late_reply(struct rproc *rp, int result)
{
	if (rp->caller == NONE)
		return;
	message m = { .m_type = result };
	int r = ipc_sendnb(rp->caller, &m);
	if (r != OK)
		printf("rs: late reply to %d failed: %d\n", rp->caller, r);
	rp->caller = NONE;
}

/*
 * Tell VFS that major is served by the driver labelled label ("" unmaps
 * it).  Asynchronous: VFS may be waiting on a driver RS must recover.
 */
void rs_map_driver(const char *label, int major)
{
	message m = { .m_type = VFS_MAPDRIVER };

	if (major < 0)
		return;
	strlcpy(m.vfs_mapdriver.label, label, sizeof(m.vfs_mapdriver.label));
	m.vfs_mapdriver.major = major;
	asynsend(VFS_PROC_NR, &m);
}

/* The privileges rp's instance has now, for a successor. */
int rs_current_spec(const struct rproc *rp, struct priv_spec *spec)
{
	int r = sys_getinfo(GET_PRIV, spec, sizeof(*spec), rp->endpoint);

	spec->id = PRIV_ID_ANY;
	spec->flags &= ~(LU_SYS_PROC | RST_SYS_PROC | DYN_PRIV_ID);
	return r;
}

/* The service is gone for good: clean up and forget it. */
static void remove_service(struct rproc *rp, int result)
{
	if (rp->corpse != NONE)
		rs_destroy(rp->corpse);
	rs_replica_drop(rp);
	destroy_known(rp->endpoint);
	ds_delete_label(rp->label);
	rs_map_driver("", rp->major);
	printf("rs: service %s is down\n", rp->label);
	rs_late_reply(rp, result);
	rproc_free(rp);
}

/*
 * Start rp fresh under a new endpoint (reset policy): the process at the
 * old endpoint and any corpse go.  Goes through PM, which gives the new
 * instance its pid.
 */
static void reincarnate(struct rproc *rp)
{
	struct priv_spec spec;
	endpoint_t e;
	int r;

	if (rp->sys_flags & SF_CORE_SRV) {
		printf("rs: core service %s cannot be restarted under a new "
		       "endpoint; it stays down\n",
		       rp->label);
		return;
	}
	if ((r = rs_current_spec(rp, &spec)) != OK ||
	    (r = rs_create_instance(rp, &spec, true, &e)) != OK) {
		printf("rs: cannot start %s again: %d\n", rp->label, r);
		return;
	}
	if (rp->corpse != NONE)
		rs_destroy(rp->corpse);
	rp->corpse = NONE;
	destroy_known(rp->endpoint);
	rp->endpoint = e;
	ds_publish_label(rp->label, e, DSF_OVERWRITE);
	rp->flags &= ~(RS_TERMINATED | RS_NOPINGREPLY);
	if ((r = rs_run_instance(rp, SEF_INIT_FRESH, NONE)) != OK)
		printf("rs: cannot run %s: %d\n", rp->label, r);
	printf("rs: %s reset: new endpoint %d\n", rp->label, e);
}

/*
 * A successor for rp, frozen: its replica, or else a new instance.
 * VM and RS cannot be recovered without a replica (nobody could make it).
 */
static int successor(struct rproc *rp, endpoint_t *e)
{
	struct priv_spec spec;
	int r;

	if ((*e = rs_replica_take(rp)) != NONE)
		return OK;
	if (rp->sys_flags & SF_NEED_REPL)
		rs_halt(rp->label, "it had no replica to take over");
	if ((r = rs_current_spec(rp, &spec)) != OK)
		return r;
	return rs_create_instance(rp, &spec, false, e);
}

/*
 * VM can answer RS: it is not dead, being recovered or replaced, and no
 * fault RS injected is on its way to it.  RS waits for VM's answer to
 * every VM call, so a call to a VM that spins in an injected loop would
 * stop RS, and with it the heartbeat that would end the loop; RS's
 * optional VM work (new replicas, restarts) waits instead.
 */
bool rs_vm_answers(void)
{
	const struct rproc *vm = rproc_by_endpoint(VM_PROC_NR);

	return vm != NULL && !vm->fault_armed &&
	       !(vm->flags & (RS_TERMINATED | RS_INITIALIZING | RS_UPDATING));
}

/* Recover rp now: a new instance takes over its endpoint. */
void rs_restart(struct rproc *rp)
{
	endpoint_t dead = rp->endpoint, e;
	int r;

	rp->backoff = 0;
	if (dead != VM_PROC_NR && !rs_vm_answers()) {
		rp->backoff = 1; /* VM is down: after its recovery */
		return;
	}
	if (rp->policy == RS_POLICY_RESET) {
		reincarnate(rp);
		return;
	}
	if ((r = successor(rp, &e)) != OK) {
		printf("rs: cannot create a new %s: %d; retrying\n", rp->label,
		       r);
		rp->backoff = 1;
		return;
	}
	if ((r = sys_update(dead, e, 0)) != OK) {
		printf("rs: swapping in a new %s failed: %d\n", rp->label, r);
		rs_destroy(e);
		rp->backoff = 1;
		return;
	}
	/* A new VM swaps its own records (recover.c): this one is dead. */
	if (dead != VM_PROC_NR && (r = vm_update(dead, e)) != OK)
		panic("rs: VM cannot swap %d and %d: %d", dead, e, r);
	rp->corpse = e; /* the swap put the dead image there */
	rp->flags &= ~(RS_TERMINATED | RS_NOPINGREPLY);
	if ((r = rs_run_instance(rp, SEF_INIT_RESTART, e)) != OK)
		printf("rs: cannot run the new %s: %d\n", rp->label, r);
}

/*
 * Seconds to wait before the next restart: 0, then 2, 4, 8, 16, 30 as
 * restarts (and failed attempts) add up; 1 without binary backoff; 0 for
 * a core server, which the whole system waits for.
 */
static int backoff_of(const struct rproc *rp)
{
	int n = rp->restarts + rp->failed;

	if (n == 0 || (rp->sys_flags & SF_CORE_SRV))
		return 0; /* nothing runs without a core server: no waiting */
	if (rp->sys_flags & SF_NO_BIN_EXP)
		return 1;
	int shift = n < 5 ? n : 5;
	int s = 1 << shift;
	return s < RS_MAX_BACKOFF ? s : RS_MAX_BACKOFF;
}

/*
 * rp's instance died (signal signo) and stays frozen: decide.  An
 * expected end (down, or no restarts wanted) removes the service; a
 * refresh restarts it at once; a crash restarts it after the backoff.
 */
void rs_terminated(struct rproc *rp, int signo)
{
	rp->crash_tm = rs_now();
	rp->crash_tsc = rs_tsc();
	rp->fault_armed = false; /* taken, if it was this */
	bool in_init = (rp->flags & RS_INITIALIZING) != 0;
	rp->flags &= ~RS_INITIALIZING;
	printf("rs: %s (endpoint %d) died: signal %d%s\n", rp->label,
	       rp->endpoint, signo, in_init ? " during its init" : "");
	/*
	 * A core server whose new instance died in its init is lost (for
	 * VM, nobody could even remove the corpses): say why and halt.
	 */
	if (in_init && (rp->sys_flags & SF_CORE_SRV))
		rs_halt(rp->label, "its new instance died during its init");
	if (rp->corpse != NONE) { /* the successor died too */
		rs_destroy(rp->corpse);
		rp->corpse = NONE;
	}
	if (in_init)
		rp->failed++;
	if ((rp->flags & RS_EXITING) || (rp->sys_flags & SF_NORESTART) ||
	    rs_shutting_down) {
		remove_service(rp, OK);
		return;
	}
	if (in_init && rp->caller != NONE && !(rp->flags & RS_REFRESHING)) {
		remove_service(rp, -ERESTART); /* `service up` failed */
		return;
	}
	if (rp->flags & RS_REFRESHING) {
		rp->flags &= ~RS_REFRESHING;
		rs_restart(rp);
		return;
	}
	rp->backoff = backoff_of(rp);
	if (rp->backoff == 0)
		rs_restart(rp);
	else
		printf("rs: restarting %s in %d s\n", rp->label, rp->backoff);
}

/*
 * A core server could not be recovered: the system cannot go on without
 * it, so say exactly why and halt rather than leave everything waiting.
 */
_Noreturn void rs_halt(const char *label, const char *why)
{
	printf("rs: core service %s cannot be recovered: %s\n", label, why);
	printf("rs: the system cannot go on without %s; halting\n", label);
	sys_abort(ABORT_HALT, 0);
	for (;;)
		sef_exit();
}

/* rp's successor finished its init: the corpse goes, the count goes up. */
void rs_recovered(struct rproc *rp)
{
	rs_destroy(rp->corpse);
	rp->corpse = NONE;
	rp->restarts++;
	rp->recovery_cycles = rs_tsc() - rp->crash_tsc;
	printf("rs: %s restarted (endpoint %d, restarts %d)\n", rp->label,
	       rp->endpoint, rp->restarts);
}

/* The init reply of rp's new instance. */
static void init_done(struct rproc *rp, int result, uint32_t reply_flags)
{
	rp->flags &= ~RS_INITIALIZING;
	rp->alive_tm = rs_now();
	rp->policy = (reply_flags & SEF_INIT_REPLY_RESET) ? RS_POLICY_RESET :
							    RS_POLICY_RESTART;
	if (result == -ERESTART && rp->corpse != NONE) {
		reincarnate(rp); /* reset policy: a new endpoint */
		return;
	}
	if (result != OK && (rp->sys_flags & SF_CORE_SRV))
		rs_halt(rp->label, result == -EGENERIC ? RS_WHY_UNTRUSTED :
							 sys_strerror(result));
	if (result != OK) {
		printf("rs: init of %s failed: %d\n", rp->label, result);
		rp->failed++;
		sys_kill(rp->endpoint, SIGKILL); /* ends like a crash */
		return;
	}
	rp->failed = 0;
	if (rp->corpse != NONE)
		rs_recovered(rp);
	rs_late_reply(rp, OK);
}

/* RS_INIT from a service: its init result.  It waits for our answer. */
void rs_init_reply(message *m)
{
	struct rproc *rp = rproc_by_endpoint(m->m_source);
	int result = m->rs_init.result;
	uint32_t reply_flags = m->rs_init.reply_flags;

	if (rs_update_init_reply(m))
		return; /* answered when the update commits or rolls back */
	m->m_type = rp != NULL && (rp->flags & RS_INITIALIZING) ? OK : -EINVAL;
	ipc_sendnb(m->m_source, m);
	if (m->m_type == OK)
		init_done(rp, result, reply_flags);
}

/* Ask rp to end (SIGTERM); `how` says what follows: down or refresh. */
void rs_stop(struct rproc *rp, uint32_t how)
{
	rp->flags |= how;
	rp->stop_tm = rs_now();
	rs_forward_signal(rp, SIGTERM);
}
