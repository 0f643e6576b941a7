/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The signal trampoline.  SYS_SIGSEND enters a handler with esp at a
 * struct sigframe (<axo/signal.h>) whose retaddr is this code, so when
 * the handler returns esp points at the frame's signo and ctx_ptr lies
 * just above it.  libc_sigreturn() hands ctx_ptr to PM (PM_SIGRETURN),
 * which restores the interrupted context; it never returns.
 */
	.text
	.globl libc_sigtramp
libc_sigtramp:
	mov	4(%esp), %eax		/* ctx_ptr */
	and	$-16, %esp
	sub	$12, %esp
	push	%eax
	call	libc_sigreturn
1:	jmp	1b

	.section .note.GNU-stack, "", @progbits
