// SPDX-License-Identifier: BSD-2-Clause
/*
 * The requests of the `service` command (msg_rs.h, minix-facts §3.10).
 * Only root may change services; LOOKUP and STATUS are open to all.
 * UP, DOWN and REFRESH answer when the change is done (a late reply from
 * manager.c); the rest answer at once.  RS copies rs_start and writes
 * status entries with sys_vircopy, so a bad address is -EFAULT.
 */
#include "rs.h"

bool rs_shutting_down;

/*
 * Only root changes services.  Asks PM, but only when PM can answer at
 * once: -EAGAIN while it is busy (it may be waiting, through VFS and a
 * file system, on a driver RS must restart) or held by a live update.
 * The caller's library asks again.
 */
static int check_root(endpoint_t caller)
{
	uint32_t uid;
	int pid;

	if (rs_update_holds(PM_PROC_NR))
		return -EAGAIN;
	int r = pm_getepinfo(caller, &pid, &uid);

	if (r == -ESRCH)
		return OK; /* a system process PM does not know */
	if (r != OK)
		return r;
	return uid == 0 ? OK : -EPERM;
}

/* The request's label, terminated whatever the caller sent. */
static void req_label(const message *m, char label[PROC_NAME_LEN])
{
	memcpy(label, m->rs_req.label, PROC_NAME_LEN);
	label[PROC_NAME_LEN - 1] = '\0';
}

/* The service named in the request; -ESRCH if there is none. */
static int find(const message *m, struct rproc **rpp)
{
	char label[PROC_NAME_LEN];

	req_label(m, label);
	*rpp = rproc_by_label(label);
	return *rpp != NULL ? OK : -ESRCH;
}

static bool terminated(const char *s, size_t size)
{
	return strnlen(s, size) < size;
}

static int copy_start(const message *m, struct rs_start *rs)
{
	if (m->rs_req.len != sizeof(*rs))
		return -EINVAL;
	if (sys_vircopy(m->m_source, m->rs_req.addr, SELF, (vir_bytes)rs,
			sizeof(*rs)) != OK)
		return -EFAULT;
	if (!terminated(rs->label, sizeof(rs->label)) ||
	    !terminated(rs->progname, sizeof(rs->progname)) ||
	    !terminated(rs->cmd, sizeof(rs->cmd)) ||
	    !terminated(rs->args, sizeof(rs->args)) ||
	    !terminated(rs->script, sizeof(rs->script)) ||
	    !terminated(rs->ipc, sizeof(rs->ipc)) || rs->progname[0] == '\0')
		return -EINVAL;
	if (rs->label[0] == '\0')
		strlcpy(rs->label, rs->progname, sizeof(rs->label));
	if (rs->period < 0 || rs->major < -1)
		return -EINVAL;
	return OK;
}

static bool major_taken(int major)
{
	for (int i = 0; major >= 0 && i < NR_RPROCS; i++)
		if (rproc[i].in_use && rproc[i].major == major)
			return true;
	return false;
}

/* A `service` flag (RSS_*) and what it becomes in RS. */
struct flag_map {
	uint32_t rss, to;
};

/* Debug flags: the SEF_INIT_* flags of the next init. */
static const struct flag_map init_map[] = {
	{ RSS_FORCE_INIT_CRASH, SEF_INIT_CRASH },
	{ RSS_FORCE_INIT_FAIL, SEF_INIT_FAIL },
	{ RSS_FORCE_INIT_TIMEOUT, SEF_INIT_TIMEOUT },
	{ RSS_FORCE_INIT_DEFCB, SEF_INIT_DEFCB },
	{ 0, 0 },
};

/* The SF_* flags a `service` command line asks for (-n -b -p). */
static const struct flag_map sys_map[] = {
	{ RSS_NORESTART, SF_NORESTART },
	{ RSS_NO_BIN_EXP, SF_NO_BIN_EXP },
	{ RSS_REPLICA, SF_USE_REPL },
	{ 0, 0 },
};

static uint32_t map_flags(uint32_t rss, const struct flag_map *map)
{
	uint32_t f = 0;

	for (; map->rss != 0; map++)
		f |= (rss & map->rss) ? map->to : 0;
	return f;
}

static void fill_entry(struct rproc *rp, const struct rs_start *rs)
{
	strlcpy(rp->label, rs->label, sizeof(rp->label));
	strlcpy(rp->progname, rs->progname, sizeof(rp->progname));
	rp->major = rs->major;
	rp->period = rs->period;
	rp->uid = rs->uid;
	rp->restarts = rs->restarts > 0 ? rs->restarts : 0;
	rp->flags = RS_IN_USE | RS_ACTIVE;
	rp->sys_flags = SF_USE_COPY | map_flags(rs->flags, sys_map);
	rp->init_flags = map_flags(rs->flags, init_map);
}

/* Make the new service's process and tell DS and VFS about it. */
static int launch(struct rproc *rp, const struct rs_start *rs,
		  endpoint_t caller)
{
	struct priv_spec spec;
	int r;

	if ((r = rs_image_load(rp, caller, rs->exec, rs->exec_len)) != OK ||
	    (r = rs_priv_from_start(rs, &spec)) != OK ||
	    (r = rs_create_instance(rp, &spec, true, &rp->endpoint)) != OK)
		return r;
	ds_publish_label(rp->label, rp->endpoint, DSF_OVERWRITE);
	rs_map_driver(rp->label, rp->major);
	return rs_run_instance(rp, SEF_INIT_FRESH, NONE);
}

static int do_up(message *m)
{
	struct rs_start rs;
	int r;

	if ((r = copy_start(m, &rs)) != OK)
		return r;
	if (rs.flags & RSS_SELF_LU)
		return -EINVAL;
	if (rproc_by_label(rs.label) != NULL || major_taken(rs.major))
		return -EBUSY;
	struct rproc *rp = rproc_alloc();
	if (rp == NULL)
		return -ENOMEM;
	fill_entry(rp, &rs);
	if ((r = launch(rp, &rs, m->m_source)) != OK) {
		printf("rs: cannot start %s: %d\n", rs.label, r);
		if (rp->endpoint != NONE)
			srv_exit(rp->endpoint);
		ds_delete_label(rp->label);
		rproc_free(rp);
		return r;
	}
	if (rs.flags & RSS_NOBLOCK)
		return OK;
	rp->caller = m->m_source;
	return -EDONTREPLY;
}

/* The request's rs_start, and the running service its label names. */
static int running_start(const message *m, struct rs_start *rs,
			 struct rproc **rpp)
{
	int r = copy_start(m, rs);

	if (r != OK)
		return r;
	*rpp = rproc_by_label(rs->label);
	return *rpp != NULL ? OK : -ESRCH;
}

/*
 * `service edit`: new settings for a running service, as `up` would have
 * set them: privileges (from system.conf), heartbeat period, uid and the
 * -n -b -p flags.  A replica is made again with the new privileges.  The
 * program and the device stay.  Core servers keep the privileges of the
 * boot table (-EPERM).
 */
static int do_edit(message *m)
{
	const uint32_t editable = SF_NORESTART | SF_NO_BIN_EXP | SF_USE_REPL;
	struct rs_start rs;
	struct priv_spec spec;
	struct rproc *rp;
	int r;

	if ((r = running_start(m, &rs, &rp)) != OK)
		return r;
	if (rp->sys_flags & SF_CORE_SRV)
		return -EPERM;
	if (rp->flags & (RS_TERMINATED | RS_INITIALIZING | RS_EXITING |
			 RS_UPDATING) ||
	    rp->caller != NONE)
		return -EBUSY;
	if ((r = rs_priv_from_start(&rs, &spec)) != OK ||
	    (r = sys_privctl(rp->endpoint, SYS_PRIV_UPDATE_SYS,
			     (vir_bytes)&spec)) != OK)
		return r;
	rp->period = rs.period;
	rp->check_tm = 0;
	rp->alive_tm = rs_now();
	rp->uid = rs.uid;
	rp->sys_flags = (rp->sys_flags & ~editable) |
			map_flags(rs.flags, sys_map);
	rs_replica_drop(rp);
	if ((rp->sys_flags & SF_USE_REPL) && (r = rs_replica_make(rp)) != OK)
		printf("rs: cannot make a replica of %s: %d\n", rp->label, r);
	return OK;
}

/* `service update`: see update.c. */
static int do_update(message *m)
{
	struct rs_start rs;
	struct rproc *rp;
	int r;

	if ((r = running_start(m, &rs, &rp)) != OK)
		return r;
	return rs_update_request(rp, &rs, map_flags(rs.flags, init_map),
				 m->m_source);
}

/* `service sysctl`: the update batch (update.c), or a table dump. */
static int do_sysctl(message *m)
{
	if (m->rs_req.subtype != RS_SYSCTL_SRV_STATUS)
		return rs_update_sysctl(m->rs_req.subtype, m->m_source);
	for (int i = 0; i < NR_RPROCS; i++) {
		const struct rproc *rp = &rproc[i];
		if (rp->in_use)
			printf("rs: %s endpoint %d flags 0x%x sys_flags 0x%x "
			       "restarts %d\n",
			       rp->label, rp->endpoint, rp->flags,
			       rp->sys_flags, rp->restarts);
	}
	return OK;
}

static int do_down(message *m, struct rproc *rp)
{
	if (rp->sys_flags & SF_CORE_SRV)
		return -EPERM;
	if (rp->caller != NONE || (rp->flags & RS_UPDATING))
		return -EBUSY;
	rp->caller = m->m_source;
	if (rp->flags & RS_TERMINATED) { /* dead already: nothing to stop */
		rp->flags |= RS_EXITING;
		rs_terminated(rp, rp->last_signal);
	} else {
		rs_stop(rp, RS_EXITING);
	}
	return -EDONTREPLY;
}

static int do_refresh(message *m, struct rproc *rp)
{
	if (rp->caller != NONE || (rp->flags & (RS_INITIALIZING | RS_UPDATING)))
		return -EBUSY;
	rp->caller = m->m_source;
	rs_stop(rp, RS_REFRESHING);
	return -EDONTREPLY;
}

static int do_restart(struct rproc *rp)
{
	if (!(rp->flags & RS_TERMINATED) || rp->backoff == 0)
		return -EBUSY; /* only a service waiting for its restart */
	rs_restart(rp);
	return OK;
}

/* `service fi rs`: answer, then take the fault; the replica takes over. */
static void fault_self(message *m, struct rproc *rp, int subtype)
{
	rp->crash_tm = rs_now();
	rp->crash_tsc = rs_tsc();
	rp->last_signal = SIGABRT;
	m->m_type = OK;
	ipc_sendnb(m->m_source, m);
	sef_fi_inject(subtype);
}

static int do_fi(message *m, struct rproc *rp)
{
	message fi = { .m_type = COMMON_REQ_FI_CTL };
	int subtype = m->rs_req.subtype ? m->rs_req.subtype : RS_FI_CRASH;
	int r;

	/* A loop in a service nobody pings would never be noticed. */
	if (subtype < 1 || subtype >= RS_FI_NR ||
	    (subtype == RS_FI_LOOP && rp->period == 0))
		return -EINVAL;
	if (rp->fault_armed ||
	    (rp->flags & (RS_TERMINATED | RS_INITIALIZING | RS_UPDATING)))
		return -EBUSY; /* its successor would get the crash request */
	/* VM and RS recover only through a replica: have it ready. */
	if ((rp->sys_flags & SF_NEED_REPL) && rp->replica == NONE) {
		if (!rs_vm_answers())
			return -EBUSY;
		if ((r = rs_replica_make(rp)) != OK)
			return r;
	}
	/* Nobody can make a replica while VM is down: make them now. */
	if (rp->endpoint == VM_PROC_NR)
		rs_replica_refill();
	if (rp->endpoint == RS_PROC_NR) {
		fault_self(m, rp, subtype);
		return -EDONTREPLY; /* a message fault: answered already */
	}
	fi.common_fi.subtype = subtype;
	if ((r = asynsend(rp->endpoint, &fi)) == OK)
		rp->fault_armed = subtype != RS_FI_BADREPLY &&
				  subtype != RS_FI_BADREQ;
	return r;
}

/* `service clone`: keep a replica from now on (-EEXIST if there is one). */
static int do_clone(struct rproc *rp)
{
	int r;

	if (rp->replica != NONE)
		return -EEXIST;
	if (rp->flags &
	    (RS_TERMINATED | RS_INITIALIZING | RS_EXITING | RS_UPDATING))
		return -EBUSY;
	if ((r = rs_replica_make(rp)) != OK)
		return r;
	rp->sys_flags |= SF_USE_REPL;
	return OK;
}

/* `service unclone`: drop the replica; VM and RS must keep theirs. */
static int do_unclone(struct rproc *rp)
{
	if (rp->sys_flags & SF_NEED_REPL)
		return -EPERM;
	if (rp->replica == NONE)
		return -ENOENT;
	rs_replica_drop(rp);
	rp->sys_flags &= ~SF_USE_REPL;
	return OK;
}

static void fill_status(const struct rproc *rp, struct rs_status *s)
{
	uint32_t uid;

	memset(s, 0, sizeof(*s));
	memcpy(s->label, rp->label, sizeof(s->label));
	memcpy(s->progname, rp->progname, sizeof(s->progname));
	s->endpoint = rp->endpoint;
	if (rs_update_holds(PM_PROC_NR) ||
	    pm_getepinfo(rp->endpoint, &s->pid, &uid) != OK)
		s->pid = -1;
	s->restarts = rp->restarts;
	s->flags = rp->flags | (rp->caller != NONE ? RS_LATEREPLY : 0);
	s->sys_flags = rp->sys_flags;
	s->period = rp->period;
	s->policy = rp->policy;
	s->major = rp->major;
	s->backoff = rp->backoff;
	s->last_signal = rp->last_signal;
	s->crash_ticks = (uint32_t)rp->crash_tm;
	s->recovery_cycles = rp->recovery_cycles;
	s->upd_result = rp->upd_result;
	s->upd_prepare_cycles = rp->upd_prepare;
	s->upd_swap_cycles = rp->upd_swap;
	s->upd_init_cycles = rp->upd_init;
	s->upd_total_cycles = rp->upd_total;
	s->upd_blackout_cycles = rp->upd_blackout;
}

static int do_status(message *m)
{
	static struct rs_status buf[NR_RPROCS];
	char label[PROC_NAME_LEN];
	int n = 0;

	req_label(m, label);
	for (int i = 0; i < NR_RPROCS; i++) {
		const struct rproc *rp = &rproc[i];
		if (rp->in_use &&
		    (label[0] == '\0' || strcmp(label, rp->label) == 0))
			fill_status(rp, &buf[n++]);
	}
	if (n == 0 && label[0] != '\0')
		return -ESRCH;
	size_t max = m->rs_req.len / sizeof(buf[0]);
	if ((size_t)n > max)
		n = (int)max;
	if (n > 0 && sys_vircopy(SELF, (vir_bytes)buf, m->m_source,
				 m->rs_req.addr, n * sizeof(buf[0])) != OK)
		return -EFAULT;
	return n;
}

static int do_lookup(message *m)
{
	struct rproc *rp;
	int r = find(m, &rp);

	if (r == OK)
		m->rs_req.endpoint = rp->endpoint;
	return r;
}

/* The requests about one running service, by label. */
static int labelled(message *m)
{
	struct rproc *rp;
	int r = find(m, &rp);

	if (r != OK)
		return r;
	if (rs_update_has(rp))
		return -EBUSY; /* scheduled for an update: `sysctl upd_stop` */
	switch (m->m_type) {
	case RS_DOWN:
		return do_down(m, rp);
	case RS_REFRESH:
		return do_refresh(m, rp);
	case RS_RESTART:
		return do_restart(rp);
	case RS_FI:
		return do_fi(m, rp);
	case RS_CLONE:
		return do_clone(rp);
	case RS_UNCLONE:
		return do_unclone(rp);
	default:
		return -ENOSYS;
	}
}

static int dispatch(message *m)
{
	int r;

	switch (m->m_type) {
	case RS_LOOKUP:
		return do_lookup(m);
	case RS_STATUS:
		return do_status(m);
	default:
		break;
	}
	if ((r = check_root(m->m_source)) != OK)
		return r;
	/* While an update runs, only the update itself may be steered. */
	if (rs_update_running() && m->m_type != RS_SYSCTL)
		return -EBUSY;
	/* Changes call VM: not while it cannot answer (fi, restart wait). */
	if (!rs_vm_answers() && m->m_type != RS_FI && m->m_type != RS_RESTART)
		return -EBUSY;
	switch (m->m_type) {
	case RS_UP:
		return do_up(m);
	case RS_EDIT:
		return do_edit(m);
	case RS_UPDATE:
		return do_update(m);
	case RS_SYSCTL:
		return do_sysctl(m);
	case RS_SHUTDOWN:
		rs_shutting_down = true;
		return OK;
	case RS_DOWN:
	case RS_REFRESH:
	case RS_RESTART:
	case RS_FI:
	case RS_CLONE:
	case RS_UNCLONE:
		return labelled(m);
	default:
		return -ENOSYS;
	}
}

void rs_request(message *m)
{
	int r = dispatch(m);

	if (r == -EDONTREPLY)
		return;
	m->m_type = r;
	ipc_sendnb(m->m_source, m);
}
