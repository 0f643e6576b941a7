/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Program entry for boot modules: call main() and, if it returns, end the
 * process with sys_exit (its signal manager sees SIGABRT).
 */
	.section .text.start, "ax"
	.globl _start
_start:
	xor %ebp, %ebp
	call main
	call sys_exit
1:	jmp 1b
