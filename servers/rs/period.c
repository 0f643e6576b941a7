// SPDX-License-Identifier: BSD-2-Clause
/*
 * RS's periodic check, every RS_DELTA_T (minix-facts §3.7): pending
 * restarts count down their backoff; an init that takes longer than
 * RS_INIT_TICKS and a stop (SIGTERM) not obeyed within RS_STOP_TICKS end
 * with SIGKILL; services with a period are pinged (a notification, which
 * SEF answers with one), and one silent for more than two periods is
 * killed, so that it is recovered like a crashed one.
 */
#include "rs.h"

static void kill_instance(struct rproc *rp, const char *why)
{
	printf("rs: %s (endpoint %d) %s: killing it\n", rp->label, rp->endpoint,
	       why);
	sys_kill(rp->endpoint, SIGKILL);
}

/* Ping rp, or kill it when it stayed silent for two periods. */
static void heartbeat(struct rproc *rp, clock_t64 now)
{
	bool outstanding = rp->check_tm > rp->alive_tm;

	if (outstanding && now - rp->alive_tm > 2 * (clock_t64)rp->period) {
		rp->flags |= RS_NOPINGREPLY;
		kill_instance(rp, "does not answer pings");
	} else if (!outstanding &&
		   now - rp->check_tm >= (clock_t64)rp->period) {
		rp->check_tm = now;
		ipc_notify(rp->endpoint);
	}
}

static void check(struct rproc *rp, clock_t64 now)
{
	if (rp->backoff > 0) {
		if (--rp->backoff == 0)
			rs_restart(rp);
		return;
	}
	if (rp->flags & (RS_TERMINATED | RS_UPDATING))
		return; /* dead, waiting for its restart; or being replaced */
	if (rp->flags & RS_INITIALIZING) {
		if (now - rp->init_tm > RS_INIT_TICKS)
			kill_instance(rp, "did not finish its init");
		return;
	}
	if (rp->stop_tm != 0 && now - rp->stop_tm > RS_STOP_TICKS) {
		rp->stop_tm = 0;
		kill_instance(rp, "did not stop");
		return;
	}
	if (rp->period > 0)
		heartbeat(rp, now);
}

void rs_period(void)
{
	clock_t64 now = rs_now();

	for (int i = 0; i < NR_RPROCS; i++)
		if (rproc[i].in_use && rproc[i].endpoint != RS_PROC_NR)
			check(&rproc[i], now);
	rs_update_period(now);
	rs_replica_refill();
	sys_setalarm(RS_DELTA_T, NULL);
}

/* A notification from a service: the answer to a ping. */
void rs_pong(endpoint_t e)
{
	struct rproc *rp = rproc_by_endpoint(e);

	if (rp != NULL)
		rp->alive_tm = rs_now();
}
