// SPDX-License-Identifier: BSD-2-Clause
/*
 * Signals through PM: sigaction (with our trampoline), the signal mask,
 * sigsuspend and pause, signal() and raise() on top of them, and the
 * sigset functions newlib only has as macros.
 *
 * Mask encoding: newlib's sigset_t (unsigned long) has bit n for signal
 * n (sigaddset is *set |= 1 << sig), which is exactly PM's wire format
 * (pm_sigmask.set, pm_sigaction_abi.mask), so sets travel unchanged.
 *
 * newlib's libc.a has a signal emulation (signal.o: signal, raise,
 * _signal_r, _raise_r, _init_signal, __sigtramp) that never reaches the
 * system.  Our signal and raise come first in the link group; since
 * nothing in libc.a asks for the other four names, its signal.o is never
 * pulled in (a duplicate `raise` would fail the link if it were).
 */
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <axo/signal.h> /* same numbers as newlib's, or a redefinition error */

#include "libc_priv.h"

static int valid_signal(int sig)
{
	return sig > 0 && sig < NSIG;
}

/*
 * Installs act for sig (if act is not NULL) and stores the previous
 * action in oact (if not NULL).  Fails with EINVAL for a bad signal or
 * one that cannot be caught (PM decides the latter).
 */
int sigaction(int sig, const struct sigaction *act, struct sigaction *oact)
{
	struct pm_sigaction_abi new_abi, old_abi;
	message m;
	int r;

	if (!valid_signal(sig))
		return libc_result(-EINVAL);
	memset(&m, 0, sizeof(m));
	m.pm_sigaction.sig = sig;
	if (act != NULL) {
		new_abi.handler = (vir_bytes)act->sa_handler;
		new_abi.mask = (uint32_t)act->sa_mask;
		new_abi.flags = (uint32_t)act->sa_flags;
		m.pm_sigaction.act = (vir_bytes)&new_abi;
	}
	if (oact != NULL)
		m.pm_sigaction.oact = (vir_bytes)&old_abi;
	m.pm_sigaction.trampoline = (vir_bytes)libc_sigtramp;
	r = libc_call(PM_PROC_NR, PM_SIGACTION, &m);
	if (r < 0)
		return libc_result(r);
	if (oact != NULL) {
		oact->sa_handler = (_sig_func_ptr)old_abi.handler;
		oact->sa_mask = old_abi.mask;
		oact->sa_flags = (int)old_abi.flags;
	}
	return 0;
}

/* BSD semantics: the handler stays installed, the signal is deferred. */
_sig_func_ptr signal(int sig, _sig_func_ptr handler)
{
	struct sigaction act, oact;

	memset(&act, 0, sizeof(act));
	act.sa_handler = handler;
	if (sigaction(sig, &act, &oact) < 0)
		return SIG_ERR;
	return oact.sa_handler;
}

int raise(int sig)
{
	return kill(getpid(), sig);
}

/* One PM_SIGPROCMASK; the old mask goes to *old if old is not NULL. */
int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	if (set == NULL) { /* only ask: block nothing */
		m.pm_sigmask.how = SIG_BLOCK;
	} else {
		if (how != SIG_BLOCK && how != SIG_UNBLOCK &&
		    how != SIG_SETMASK)
			return libc_result(-EINVAL);
		m.pm_sigmask.how = how;
		m.pm_sigmask.set = (uint32_t)*set;
	}
	r = libc_call(PM_PROC_NR, PM_SIGPROCMASK, &m);
	if (r < 0)
		return libc_result(r);
	if (old != NULL)
		*old = m.pm_sigmask.set;
	return 0;
}

int sigpending(sigset_t *set)
{
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	r = libc_call(PM_PROC_NR, PM_SIGPENDING, &m);
	if (r < 0)
		return libc_result(r);
	*set = m.pm_sigmask.set;
	return 0;
}

/* Waits with mask *set until a handler has run; always -1 (EINTR). */
int sigsuspend(const sigset_t *set)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.pm_sigmask.set = (uint32_t)*set;
	return libc_result(libc_call(PM_PROC_NR, PM_SIGSUSPEND, &m));
}

int pause(void)
{
	sigset_t mask = 0;

	if (sigprocmask(SIG_BLOCK, NULL, &mask) < 0)
		return -1;
	return sigsuspend(&mask);
}

_Noreturn void libc_sigreturn(vir_bytes ctx)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.pm_sigreturn.context = ctx;
	libc_call(PM_PROC_NR, PM_SIGRETURN, &m);
	/* The context could not be restored: the program cannot go on. */
	_exit(128 + SIGSEGV);
}

/*
 * The sigset functions, for programs that call them as functions; the
 * names are parenthesised so newlib's macros do not expand.
 */
int(sigemptyset)(sigset_t *set)
{
	*set = 0;
	return 0;
}

int(sigfillset)(sigset_t *set)
{
	*set = ~(sigset_t)0;
	return 0;
}

int(sigaddset)(sigset_t *set, const int sig)
{
	if (!valid_signal(sig))
		return libc_result(-EINVAL);
	*set |= (sigset_t)1 << sig;
	return 0;
}

int(sigdelset)(sigset_t *set, const int sig)
{
	if (!valid_signal(sig))
		return libc_result(-EINVAL);
	*set &= ~((sigset_t)1 << sig);
	return 0;
}

int(sigismember)(const sigset_t *set, int sig)
{
	if (!valid_signal(sig))
		return libc_result(-EINVAL);
	return (*set >> sig) & 1;
}
