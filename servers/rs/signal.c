// SPDX-License-Identifier: BSD-2-Clause
/*
 * RS as the signal manager of every system process.  The kernel marks a
 * signal pending and notifies RS; SEF collects it with getksig and calls
 * rs_signal_manager().  A lethal signal, SIGKILL or SIGABRT (a panic or
 * sys_exit) means the instance is dead: it stays frozen (no endksig) and
 * the recovery decision is made (manager.c).  SIGTERM and the other
 * catchable signals are forwarded to the service as SIGS_SIGNAL_RECEIVED,
 * which SEF turns into a signal event.
 */
#include "rs.h"

static bool is_termination(int signo)
{
	return KSIG_IS_LETHAL(signo) || signo == SIGKILL || signo == SIGABRT;
}

/* Forward a catchable signal to rp without ever blocking RS. */
void rs_forward_signal(const struct rproc *rp, int signo)
{
	message m = { .m_type = SIGS_SIGNAL_RECEIVED };

	m.sigs_signal.signo = signo;
	int r = asynsend(rp->endpoint, &m);
	if (r != OK)
		printf("rs: could not forward signal %d to %s: %d\n", signo,
		       rp->label, r);
}

/* The instance of a service that is not the service now, or NULL. */
static struct rproc *owner_of_corpse(endpoint_t e)
{
	for (int i = 0; i < NR_RPROCS; i++)
		if (rproc[i].in_use && rproc[i].corpse == e)
			return &rproc[i];
	return NULL;
}

/*
 * SEF's signal-manager callback: one signal for a managed process.
 * Returns -EDEADEPT when the process must stay frozen (no endksig).
 */
int rs_signal_manager(endpoint_t target, int signo)
{
	struct rproc *rp = rproc_by_endpoint(target);

	if (is_termination(signo) && rs_update_death(target))
		return -EDEADEPT; /* the update took care of it */
	if (rp == NULL) {
		if (owner_of_corpse(target) != NULL)
			return -EDEADEPT; /* already dead and waiting */
		printf("rs: signal %d for unknown endpoint %d ignored\n", signo,
		       target);
		return OK;
	}
	if (!is_termination(signo)) {
		rs_forward_signal(rp, signo);
		return OK;
	}
	if (rp->flags & RS_TERMINATED)
		return -EDEADEPT;
	rp->flags |= RS_TERMINATED;
	rp->last_signal = signo;
	if (rs_boot_crash(rp)) {
		printf("rs: boot service %s (endpoint %d) died with signal "
		       "%d; it stays frozen\n",
		       rp->label, target, signo);
		return -EDEADEPT;
	}
	rs_terminated(rp, signo);
	return -EDEADEPT;
}
