/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Program entry for newlib programs (servers keep lib/libsys/crt0.S).
 * VM_EXEC leaves esp at the System V i386 initial stack: argc, argv[0..],
 * NULL, envp[0..], NULL, then the strings.  _start sets environ, calls
 * main(argc, argv, envp) on a 16-byte aligned stack and passes its result
 * to exit(), which flushes stdio and ends in _exit (PM_EXIT).
 */
	.section .text.start, "ax"
	.globl _start
_start:
	xor	%ebp, %ebp
	mov	(%esp), %eax		/* argc */
	lea	4(%esp), %ecx		/* argv */
	lea	8(%esp,%eax,4), %edx	/* envp: past argv's NULL */
	mov	%edx, environ
	and	$-16, %esp
	sub	$4, %esp		/* three pushes: aligned at the call */
	push	%edx
	push	%ecx
	push	%eax
	call	main
	mov	%eax, (%esp)
	call	exit
1:	jmp	1b

	.section .note.GNU-stack, "", @progbits
