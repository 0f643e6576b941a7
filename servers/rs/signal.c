// SPDX-License-Identifier: BSD-2-Clause
/*
 * RS as the signal manager of every system process.  The kernel marks a
 * signal pending and notifies RS; RS collects it with getksig.  A lethal
 * signal or SIGKILL means the service crashed: RS reports it clearly and
 * leaves the process frozen (crash recovery comes later).  SIGTERM and
 * the other catchable signals are forwarded to the service as a
 * SIGS_SIGNAL_RECEIVED message, which SEF turns into a signal event.
 */
#include "rs.h"

static bool is_crash(int signo)
{
	return KSIG_IS_LETHAL(signo) || signo == SIGKILL;
}

/* Forward a catchable signal without ever blocking RS. */
static void forward(const struct rproc *rp, int signo)
{
	message m = { .m_type = SIGS_SIGNAL_RECEIVED };

	m.sigs_signal.signo = signo;
	int r = ipc_sendnb(rp->pub.endpoint, &m);
	if (r != OK)
		printf("rs: could not forward signal %d to %s: %d\n", signo,
		       rp->pub.label, r);
}

/*
 * SEF's signal-manager callback: one signal for a managed process.
 * Returns -EDEADEPT when the process must stay frozen (no endksig).
 */
int rs_signal_manager(endpoint_t target, int signo)
{
	struct rproc *rp = rproc_by_endpoint(target);

	if (rp == NULL) {
		printf("rs: signal %d for unknown endpoint %d ignored\n", signo,
		       target);
		return OK;
	}
	if (!is_crash(signo)) {
		forward(rp, signo);
		return OK;
	}
	rp->state = RP_DEAD;
	rp->exit_signal = signo;
	printf("rs: service %s (endpoint %d) crashed with signal %d; "
	       "it stays frozen (no recovery yet)\n",
	       rp->pub.label, target, signo);
	return -EDEADEPT;
}
