/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The argument frame of exec: the System V i386 initial stack that crt0
 * finds at esp, built in a buffer of the calling process and copied by VM
 * to the top of the new stack.  Layout, in 32-bit words from the start:
 *
 *	argc, argv[0..argc-1], 0, envp[0..envc-1], 0, strings..., padding
 *
 * Every pointer holds the string's address at the frame's final home,
 * base = USER_STACK_TOP - len.  Pure code: host-tested, no system calls.
 */
#ifndef AXO_LIBC_EXECFRAME_H
#define AXO_LIBC_EXECFRAME_H

#include <stddef.h>
#include <stdint.h>

/*
 * Bytes of the frame for argv and envp (NULL-terminated; envp may be
 * NULL), a multiple of 16.  Returns 0 if it would exceed max bytes.
 */
size_t execframe_size(char *const argv[], char *const envp[], size_t max);

/*
 * Builds the frame in buf, of exactly len bytes as execframe_size gave,
 * for the home address base.  Pointers and argc are little-endian 32-bit
 * words.  Cannot fail when len came from execframe_size.
 */
void execframe_build(void *buf, size_t len, uint32_t base, char *const argv[],
		     char *const envp[]);

#endif
