/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Trap, interrupt, IPC and kernel-call entry and the return to user mode.
 *
 * From user mode the CPU switches to the TSS's esp0, which points just past
 * the current process's struct regs, so the stubs below fill that frame in
 * place.  Then we move to the kernel stack and call trap_from_user() (the
 * kernel-call and IPC traps call their handlers directly), and leave
 * through restart_user, which picks the next process and pops its
 * frame.  The kernel runs with interrupts off; the only place an interrupt
 * can arrive in kernel mode is the idle loop, handled by trap_from_kernel()
 * on the current stack.
 */
#include "asm_offsets.h"

	.macro TRAP_NOERR vec
	.globl trap_\vec
trap_\vec:
	pushl $0
	pushl $\vec
	jmp trap_common
	.endm

	.macro TRAP_ERR vec
	.globl trap_\vec
trap_\vec:
	pushl $\vec
	jmp trap_common
	.endm

	/* Save the frame: the part every entry shares. */
	.macro SAVE_FRAME
	pushal
	pushl %ds
	pushl %es
	pushl %fs
	pushl %gs
	cld
	mov $0x10, %ax
	mov %ax, %ds
	mov %ax, %es
	.endm

	/*
	 * Kernel call and IPC: straight to handler(current), without
	 * trap_from_user's dispatch; they run on every message.  The gates
	 * only let user mode in, but a trap from the kernel still goes
	 * where trap_common sends it.
	 */
	.macro SYSCALL_ENTRY vec, handler
	.globl trap_\vec
trap_\vec:
	pushl $0
	pushl $\vec
	SAVE_FRAME
	testl $3, REGS_CS(%esp)
	jz from_kernel
	mov $kstack_top, %esp
	xor %ebp, %ebp
	pushl current
	call \handler
	jmp restart_user
	.endm

	.text
	TRAP_NOERR 0
	TRAP_NOERR 1
	TRAP_NOERR 2
	TRAP_NOERR 3
	TRAP_NOERR 4
	TRAP_NOERR 5
	TRAP_NOERR 6
	TRAP_NOERR 7
	TRAP_ERR   8
	TRAP_NOERR 9
	TRAP_ERR   10
	TRAP_ERR   11
	TRAP_ERR   12
	TRAP_ERR   13
	TRAP_ERR   14
	TRAP_NOERR 15
	TRAP_NOERR 16
	TRAP_ERR   17
	TRAP_NOERR 18
	TRAP_NOERR 19
	SYSCALL_ENTRY 32, kernel_call
	SYSCALL_ENTRY 33, do_ipc
	TRAP_NOERR 80
	TRAP_NOERR 81
	TRAP_NOERR 82
	TRAP_NOERR 83
	TRAP_NOERR 84
	TRAP_NOERR 85
	TRAP_NOERR 86
	TRAP_NOERR 87
	TRAP_NOERR 88
	TRAP_NOERR 89
	TRAP_NOERR 90
	TRAP_NOERR 91
	TRAP_NOERR 92
	TRAP_NOERR 93
	TRAP_NOERR 94
	TRAP_NOERR 95

trap_common:
	SAVE_FRAME
	testl $3, REGS_CS(%esp)
	jz from_kernel
	mov %esp, %eax
	mov $kstack_top, %esp
	xor %ebp, %ebp
	push %eax
	call trap_from_user
	/* fall through */

	.globl restart_user
restart_user:
	call schedule          /* returns the process to run, regs first */
	mov %eax, %esp
	popl %gs
	popl %fs
	popl %es
	popl %ds
	popal
	add $8, %esp
	iret

from_kernel:
	push %esp
	call trap_from_kernel
	add $4, %esp
	popl %gs
	popl %fs
	popl %es
	popl %ds
	popal
	add $8, %esp
	iret
