/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Where a spawned child starts: its stack holds (fn, arg), so calling
 * child_main passes them as its arguments.  child_main never returns.
 */
	.text
	.globl child_entry
child_entry:
	xor %ebp, %ebp
	call child_main
1:	jmp 1b
