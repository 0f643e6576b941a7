// SPDX-License-Identifier: BSD-2-Clause
/*
 * Kernel signals.  Every signal for a process (CPU exception, sys_kill,
 * sys_exit, an alarm) enters through cause_sig().  The signal is recorded
 * in the process, the process is frozen (RTS_SIG_PENDING), and its signal
 * manager, named by its privilege structure, is notified from SYSTEM with
 * SIGKSIG.  The manager collects with getksig and releases with endksig.
 *
 * A process that manages itself gets non-lethal signals through SIGKSIGSM;
 * a lethal one goes to its backup manager, or panics the system when there
 * is none, because nobody would be left to handle it.
 */
#include "kernel.h"

/* Mark sig pending at the manager mgr and notify it from SYSTEM. */
void send_sig(struct proc *mgr, int sig)
{
	mgr->sig_pending |= ksig_bit(sig);
	kernel_notify(SYSTEM, mgr);
}

static void promote_backup(struct proc *p, struct proc *backup)
{
	p->priv->sig_mgr = backup->endpoint;
	p->priv->bak_sig_mgr = NONE;
	rts_unset(backup, RTS_NO_PRIV);
}

static void signal_self_manager(struct proc *p, int sig)
{
	struct proc *backup;

	if (!KSIG_IS_LETHAL(sig)) {
		p->sig_pending |= ksig_bit(sig);
		send_sig(p, SIGKSIGSM);
		return;
	}
	if (endpoint_lookup(p->priv->bak_sig_mgr, &backup) == OK &&
	    backup != p) {
		kprintf("kernel: %s got lethal signal %d; backup manager %s takes over\n",
			p->name, sig, backup->name);
		promote_backup(p, backup);
		cause_sig(p, sig);
		return;
	}
	stacktrace_user(p);
	panic("cause_sig: %s (endpoint %d) is its own signal manager and got "
	      "lethal signal %d with no backup manager",
	      p->name, p->endpoint, sig);
}

void cause_sig(struct proc *p, int sig)
{
	endpoint_t mgr_e = p->priv->sig_mgr;
	struct proc *mgr;

	if (mgr_e == SELF || mgr_e == p->endpoint) {
		signal_self_manager(p, sig);
		return;
	}
	p->ksig |= ksig_bit(sig);
	if (p->rts_flags & RTS_SIGNALED)
		return; /* the manager already knows */
	rts_set(p, RTS_SIGNALED | RTS_SIG_PENDING);
	if (endpoint_lookup(mgr_e, &mgr) != OK) {
		kprintf("kernel: signal %d for %s: manager %d is gone; %s stays stopped\n",
			sig, p->name, mgr_e, p->name);
		return;
	}
	send_sig(mgr, SIGKSIG);
}
