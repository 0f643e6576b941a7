// SPDX-License-Identifier: BSD-2-Clause
/*
 * Hot-standby replicas (minix-facts §3.9, §3.12).  A replica is an
 * instance of a service's program made in advance and kept frozen (never
 * allowed to run), so that recovery needs no fork or exec: RS only swaps
 * it into the dead instance's slot.  `service clone` asks for one; VM and
 * RS always have one (SF_NEED_REPL), because nobody could make their
 * successor once they are dead: a new instance comes from VM, and RS is
 * the one who makes it.  The periodic check makes a new replica when one
 * was used up.
 *
 * RS's own replica is also its backup signal manager.  When RS dies the
 * kernel hands RS's death to the replica and lets it run (kernel
 * signal.c); it starts as a restarted root process and takes over in
 * rs_takeover(): VM swaps it into RS's slot, it copies the dead RS's
 * state (identity transfer) and carries on from there.
 */
#include "rs.h"

/* Make RS's own priv name e as its backup signal manager (NONE: none). */
int rs_set_backup_manager(endpoint_t e)
{
	struct priv_spec spec;
	int r = sys_getinfo(GET_PRIV, &spec, sizeof(spec), SELF);

	if (r != OK)
		return r;
	spec.bak_sig_mgr = e;
	return sys_privctl(SELF, SYS_PRIV_UPDATE_SYS, (vir_bytes)&spec);
}

/*
 * Make rp's replica now (VM must be alive).  RS's replica is marked as
 * made for a restart, so that it starts as RS's successor when the
 * kernel lets it run.
 */
int rs_replica_make(struct rproc *rp)
{
	struct priv_spec spec;
	endpoint_t e;
	int r;

	if (rp->replica != NONE)
		return -EEXIST;
	if ((r = rs_current_spec(rp, &spec)) != OK)
		return r;
	if (rp->endpoint == RS_PROC_NR) {
		spec.flags |= RST_SYS_PROC;
		spec.sig_mgr = SELF;
		spec.bak_sig_mgr = NONE;
	}
	if ((r = rs_create_instance(rp, &spec, false, &e)) != OK)
		return r;
	if (rp->endpoint == RS_PROC_NR &&
	    (r = rs_set_backup_manager(e)) != OK) {
		rs_destroy(e);
		return r;
	}
	rp->replica = e;
	return OK;
}

/* Remove rp's replica, if it has one. */
void rs_replica_drop(struct rproc *rp)
{
	if (rp->replica == NONE)
		return;
	if (rp->endpoint == RS_PROC_NR)
		rs_set_backup_manager(NONE);
	rs_destroy(rp->replica);
	rp->replica = NONE;
}

/* Hand over rp's replica for a recovery; NONE if it has none. */
endpoint_t rs_replica_take(struct rproc *rp)
{
	endpoint_t e = rp->replica;

	rp->replica = NONE;
	return e;
}

/* The periodic check: replace the replicas that recoveries used up. */
void rs_replica_refill(void)
{
	if (!rs_vm_answers())
		return;
	for (int i = 0; i < NR_RPROCS; i++) {
		struct rproc *rp = &rproc[i];
		if (!rp->in_use || !(rp->sys_flags & SF_USE_REPL) ||
		    rp->replica != NONE ||
		    (rp->flags & (RS_TERMINATED | RS_INITIALIZING | RS_EXITING |
				  RS_UPDATING)))
			continue;
		int r = rs_replica_make(rp);
		if (r != OK)
			printf("rs: cannot make a replica of %s: %d\n",
			       rp->label, r);
	}
}

/*
 * The restart callback of a replica of RS, run when the kernel let it
 * run because RS died.  The dead RS is frozen in RS's slot; VM swaps the
 * two (we cannot swap ourselves while running), so we answer at RS's
 * endpoint and the corpse sits at ours.  Then we take its state and
 * finish its recovery as RS does for any service.
 */
int rs_takeover(int type, const struct sef_init_info *info)
{
	struct sef_init_info from = *info;
	endpoint_t self = sys_self();
	int r;

	if ((r = vm_update(RS_PROC_NR, self)) != OK)
		panic("rs: the replica cannot take RS's slot: %d", r);
	from.old_endpoint = self; /* the dead RS is there now */
	if ((r = sef_cb_init_restart_stateful(type, &from)) != OK) {
		printf("rs: cannot take over from the dead RS: %d\n", r);
		rs_halt("rs",
			r == -EGENERIC ? RS_WHY_UNTRUSTED : sys_strerror(r));
	}
	struct rproc *rp = rproc_by_endpoint(RS_PROC_NR);
	rp->replica = NONE; /* that was us */
	rp->corpse = self;
	rs_recovered(rp);
	return OK;
}
