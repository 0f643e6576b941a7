/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Signal-action decisions for user processes: what a signal does to a
 * process given its handlers, mask and the signal's origin, and the
 * bookkeeping of sigaction, sigprocmask and exec.  Pure; the delivery
 * itself (sys_sigsend, killing) is signal.c's.  Signal sets use bit n
 * for signal n, as on the wire.
 */
#ifndef PM_SIGACT_H
#define PM_SIGACT_H

#include <axo/signal.h>
#include "proc.h"

#define SIG_BIT(sig)	 (1u << (sig))
#define SIG_VALID_SET	 0xfffffffeu /* signals 1..31 */
#define SIG_UNBLOCKABLE	 (SIG_BIT(SIGKILL) | SIG_BIT(SIGSTOP))
#define SIG_VALID_NUM(s) ((s) >= 1 && (s) < PM_NSIG)

enum sig_default {
	SIG_DEF_TERM,	/* terminate */
	SIG_DEF_CORE,	/* terminate; "core dumped" in spirit */
	SIG_DEF_IGNORE, /* nothing */
	SIG_DEF_STOP,	/* stop: treated as ignore, no job control yet */
	SIG_DEF_CONT,	/* continue: nothing to continue, so ignore */
};

enum sig_disposition {
	SIG_DROP,  /* ignored: forget it */
	SIG_PEND,  /* blocked: keep it pending */
	SIG_CATCH, /* run the process's handler */
	SIG_KILL,  /* terminate the process with this signal */
};

/* The default action of sig (1..31). */
enum sig_default sig_default_action(int sig);

/* Does sig's default action terminate the process? */
bool sig_default_kills(int sig);

/*
 * What sig does to mp now.  fault: the signal reports a CPU fault of the
 * process (from the kernel); a blocked or ignored fault still kills, as
 * the faulting instruction would only fault again.
 */
enum sig_disposition sig_decide(const struct mproc *mp, int sig, bool fault);

/* The lowest signal pending and not blocked (by mask), or 0. */
int sig_next(uint32_t pending, uint32_t mask);

/* The mask while sig's handler runs, entered with mask `mask`. */
uint32_t sig_handler_mask(const struct mproc *mp, int sig, uint32_t mask);

/*
 * sigprocmask: the new mask from old, how (PM_SIG_*) and set, in *mask;
 * OK or -EINVAL (bad how).  SIGKILL and SIGSTOP are never blocked.
 */
int sig_procmask(uint32_t old, int how, uint32_t set, uint32_t *mask);

/*
 * Check a new action for sig: OK, or -EINVAL (bad signal, SIGKILL or
 * SIGSTOP, a handler outside user memory, no trampoline for a handler).
 */
int sig_check_action(int sig, const struct pm_sigaction_abi *act,
		     vir_bytes trampoline);

/* Install a checked action; discards a pending signal now ignored. */
void sig_set_action(struct mproc *mp, int sig,
		    const struct pm_sigaction_abi *act, vir_bytes trampoline);

/* After exec: caught signals back to default; ignored ones and the mask
 * stay, as do pending signals. */
void sig_exec_reset(struct mproc *mp);

#endif
