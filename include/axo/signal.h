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

/*
 * Signal delivery to a user handler (SYS_SIGSEND / SYS_SIGRETURN).  The
 * kernel pushes a struct sigframe on the process's stack and enters the
 * handler with esp at retaddr; the handler returns into the trampoline,
 * which asks PM to restore ctx (PM_SIGRETURN, then SYS_SIGRETURN).  The
 * kernel restores only general registers, eip and the arithmetic flags:
 * a forged context cannot raise privilege.
 */
struct sigcontext {
	uint32_t eax, ebx, ecx, edx, esi, edi, ebp, esp, eip, eflags;
	uint32_t mask;	/* signal mask to restore: PM's business */
	uint32_t magic; /* SIGCONTEXT_MAGIC */
};

#define SIGCONTEXT_MAGIC 0x5167C0DEu

struct sigframe {
	vir_bytes retaddr; /* the trampoline */
	int32_t signo;	   /* the handler's argument */
	vir_bytes ctx_ptr; /* &ctx: the trampoline's argument */
	uint32_t pad;
	struct sigcontext ctx;
};

#endif
