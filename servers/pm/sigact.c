// SPDX-License-Identifier: BSD-2-Clause
/*
 * Signal-action decisions (see sigact.h): default actions, the
 * disposition of a signal for a process, masks during handlers and
 * sigprocmask, installing actions and resetting them on exec.  Pure;
 * host-tested by test/unit/test_pm_sigact.c.
 */
#include "sigact.h"

enum sig_default sig_default_action(int sig)
{
	switch (sig) {
	case SIGQUIT:
	case SIGILL:
	case SIGTRAP:
	case SIGABRT:
	case SIGEMT:
	case SIGFPE:
	case SIGBUS:
	case SIGSEGV:
	case SIGSYS:
		return SIG_DEF_CORE;
	case SIGURG:
	case SIGCHLD:
	case 28: /* SIGWINCH in newlib */
		return SIG_DEF_IGNORE;
	case SIGSTOP:
	case SIGTSTP:
	case 21: /* SIGTTIN */
	case 22: /* SIGTTOU */
		return SIG_DEF_STOP;
	case SIGCONT:
		return SIG_DEF_CONT;
	default:
		return SIG_DEF_TERM;
	}
}

bool sig_default_kills(int sig)
{
	enum sig_default d = sig_default_action(sig);

	return d == SIG_DEF_TERM || d == SIG_DEF_CORE;
}

enum sig_disposition sig_decide(const struct mproc *mp, int sig, bool fault)
{
	vir_bytes handler = mp->sigact[sig].handler;
	bool blocked = (mp->sig_mask & SIG_BIT(sig)) != 0;

	if (sig == SIGKILL)
		return SIG_KILL;
	if (sig == SIGSTOP)
		return SIG_DROP; /* no job control yet: stop is a no-op */
	if (fault && (blocked || handler == PM_SIG_IGN))
		return SIG_KILL;
	if (handler == PM_SIG_IGN)
		return SIG_DROP;
	if (handler == PM_SIG_DFL && !sig_default_kills(sig))
		return SIG_DROP;
	if (blocked)
		return SIG_PEND;
	return handler == PM_SIG_DFL ? SIG_KILL : SIG_CATCH;
}

int sig_next(uint32_t pending, uint32_t mask)
{
	uint32_t ready = pending & ~mask & SIG_VALID_SET;

	for (int sig = 1; sig < PM_NSIG; sig++)
		if (ready & SIG_BIT(sig))
			return sig;
	return 0;
}

uint32_t sig_handler_mask(const struct mproc *mp, int sig, uint32_t mask)
{
	const struct pm_sigaction_abi *sa = &mp->sigact[sig];

	mask |= sa->mask;
	if (!(sa->flags & PM_SA_NODEFER))
		mask |= SIG_BIT(sig);
	return mask & SIG_VALID_SET & ~SIG_UNBLOCKABLE;
}

int sig_procmask(uint32_t old, int how, uint32_t set, uint32_t *mask)
{
	uint32_t m;

	switch (how) {
	case PM_SIG_SETMASK:
		m = set;
		break;
	case PM_SIG_BLOCK:
		m = old | set;
		break;
	case PM_SIG_UNBLOCK:
		m = old & ~set;
		break;
	default:
		return -EINVAL;
	}
	*mask = m & SIG_VALID_SET & ~SIG_UNBLOCKABLE;
	return OK;
}

int sig_check_action(int sig, const struct pm_sigaction_abi *act,
		     vir_bytes trampoline)
{
	if (!SIG_VALID_NUM(sig) || sig == SIGKILL || sig == SIGSTOP)
		return -EINVAL;
	if (act->handler == PM_SIG_DFL || act->handler == PM_SIG_IGN)
		return OK;
	if (act->handler < USER_BASE || trampoline < USER_BASE)
		return -EINVAL;
	return OK;
}

void sig_set_action(struct mproc *mp, int sig,
		    const struct pm_sigaction_abi *act, vir_bytes trampoline)
{
	struct pm_sigaction_abi *sa = &mp->sigact[sig];

	*sa = *act;
	sa->mask &= SIG_VALID_SET & ~SIG_UNBLOCKABLE;
	if (sa->handler != PM_SIG_DFL && sa->handler != PM_SIG_IGN)
		mp->sig_trampoline = trampoline;
	if (sa->handler == PM_SIG_IGN ||
	    (sa->handler == PM_SIG_DFL && !sig_default_kills(sig)))
		mp->sig_pending &= ~SIG_BIT(sig); /* POSIX: discard it */
}

void sig_exec_reset(struct mproc *mp)
{
	for (int sig = 1; sig < PM_NSIG; sig++) {
		struct pm_sigaction_abi *sa = &mp->sigact[sig];
		if (sa->handler != PM_SIG_IGN)
			*sa = (struct pm_sigaction_abi){ .handler =
								 PM_SIG_DFL };
	}
	mp->sig_trampoline = 0;
}
