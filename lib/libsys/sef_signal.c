// SPDX-License-Identifier: BSD-2-Clause
/*
 * SEF signals.  Kernel signals arrive as a notification from SYSTEM
 * carrying a signal set.  SIGKSIG means "you are a signal manager and
 * processes you manage have signals": SEF collects them with getksig,
 * hands each to the signal-manager callback and releases the process with
 * endksig, unless the callback says the process is gone (EDEADEPT).  Any
 * other signal in the set is the service's own (a self-managed process
 * gets them with SIGKSIGSM) and goes to the signal handler.
 */
#include "sef_priv.h"

/* Collect the signals of managed processes (see sef.h). */
void sef_collect_managed_signals(void)
{
	endpoint_t target;
	ksigset_t sigs;

	while (sys_getksig(&target, &sigs) == OK && target != NONE) {
		int r = OK;
		for (int s = KSIG_FIRST; s <= KSIG_LAST && r != -EDEADEPT; s++)
			if (ksig_ismember(sigs, s))
				r = sef_cbs.signal_manager(target, s);
		if (r != -EDEADEPT)
			sys_endksig(target);
	}
}

void sef_signal_notify(const message *m)
{
	ksigset_t sigs = m->notify.sigs;

	if (ksig_ismember(sigs, SIGKSIG))
		sef_collect_managed_signals();
	for (int s = KSIG_FIRST; s <= KSIG_LAST; s++)
		if (ksig_ismember(sigs, s) && s != SIGKSIG && s != SIGKSIGSM)
			sef_cbs.signal_handler(s);
}

void sef_cb_signal_handler_null(int signo)
{
	(void)signo;
}

/* Exit on SIGTERM, ignore everything else. */
void sef_cb_signal_handler_term(int signo)
{
	if (signo == SIGTERM)
		sef_exit();
}

int sef_cb_signal_manager_null(endpoint_t target, int signo)
{
	(void)target;
	(void)signo;
	return OK;
}
