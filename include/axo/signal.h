/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Signal numbers.  1..31 are the POSIX signals with newlib's numbering;
 * 60..63 are kernel signals that only signal managers ever see.
 */
#ifndef AXO_SIGNAL_H
#define AXO_SIGNAL_H

#include <axo/types.h>

#define SIGHUP	1
#define SIGINT	2
#define SIGQUIT 3
#define SIGILL	4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGEMT	7
#define SIGFPE	8
#define SIGKILL 9
#define SIGBUS	10
#define SIGSEGV 11
#define SIGSYS	12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGURG	16
#define SIGSTOP 17
#define SIGTSTP 18
#define SIGCONT 19
#define SIGCHLD 20
#define SIGUSR1 30
#define SIGUSR2 31

#define SIGKMEM	  60 /* memory request pending for VM */
#define SIGKMESS  61 /* new kernel log output */
#define SIGKSIGSM 62 /* a signal manager has a signal for itself */
#define SIGKSIG	  63 /* kernel signals pending: call getksig */

#define KSIG_FIRST 1
#define KSIG_LAST  63

#define ksig_bit(sig)	      ((ksigset_t)1 << (sig))
#define ksig_ismember(set, s) (((set)&ksig_bit(s)) != 0)

/* Lethal signals: the process cannot continue. */
#define KSIG_IS_LETHAL(s) \
	((s) == SIGILL || (s) == SIGBUS || (s) == SIGFPE || (s) == SIGSEGV || \
	 (s) == SIGEMT || (s) == SIGABRT)

#endif
