/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Multiboot entry.  GRUB (or QEMU's -kernel loader) jumps here in 32-bit
 * protected mode with paging off, eax = multiboot magic, ebx = info.  We
 * set up the boot stack and call kmain(magic, info); it never returns.
 */
#define MB_MAGIC 0x1BADB002
#define MB_FLAGS 0x00000003  /* modules page aligned, memory info */

	.section .multiboot, "a"
	.align 4
	.long MB_MAGIC
	.long MB_FLAGS
	.long -(MB_MAGIC + MB_FLAGS)

	.section .bss
	.align 16
	.globl kstack_bottom, kstack_top
kstack_bottom:
	.skip 16384
kstack_top:

	.section .text
	.globl _start
_start:
	cli
	mov $kstack_top, %esp
	xor %ebp, %ebp          /* terminates stack traces */
	push %ebx
	push %eax
	call kmain
1:	hlt
	jmp 1b
