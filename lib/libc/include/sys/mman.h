/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Memory mappings for newlib programs on Axolotl (newlib has no
 * <sys/mman.h> for i686-elf).  Only anonymous private mappings exist
 * until VFS; the values are VM's (<axo/msg_vm.h>, checked in
 * lib/libc/mem.c).
 */
#ifndef _SYS_MMAN_H_
#define _SYS_MMAN_H_

#include <sys/types.h>

#define PROT_NONE  0x0
#define PROT_READ  0x1
#define PROT_WRITE 0x2
#define PROT_EXEC  0x4

#define MAP_PRIVATE   0x02
#define MAP_FIXED     0x10
#define MAP_ANONYMOUS 0x20
#define MAP_ANON      MAP_ANONYMOUS

#define MAP_FAILED ((void *)-1)

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int munmap(void *addr, size_t len);

#endif
