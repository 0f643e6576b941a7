// SPDX-License-Identifier: BSD-2-Clause
/*
 * Memory from VM: the break (brk, sbrk; newlib's malloc grows through
 * sbrk) and anonymous mappings (mmap, munmap; <sys/mman.h> is ours, as
 * newlib has none for this target).
 */
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <axo/libc.h>

#include "libc_priv.h"

_Static_assert(PROT_READ == VM_PROT_READ && PROT_WRITE == VM_PROT_WRITE &&
		       PROT_EXEC == VM_PROT_EXEC,
	       "mmap protections are VM's");
_Static_assert(MAP_PRIVATE == VM_MAP_PRIVATE && MAP_FIXED == VM_MAP_FIXED &&
		       MAP_ANONYMOUS == VM_MAP_ANON,
	       "mmap flags are VM's");

/* The break as VM last reported it; 0 until the first call. */
static vir_bytes cur_brk;

/* Asks VM to move the break to addr (0: only ask); -E* or OK. */
static int vm_brk(vir_bytes addr)
{
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	m.vm_brk.addr = addr;
	r = libc_call(VM_PROC_NR, VM_BRK, &m);
	if (r < 0)
		return r;
	cur_brk = m.vm_brk.brk;
	return OK;
}

int brk(void *addr)
{
	return libc_result(vm_brk((vir_bytes)addr));
}

/* Moves the break by incr bytes; returns the old break or (void *)-1. */
void *sbrk(ptrdiff_t incr)
{
	vir_bytes old;
	int r;

	if (cur_brk == 0 && (r = vm_brk(0)) < 0)
		return (void *)(intptr_t)libc_result(r);
	old = cur_brk;
	if (incr == 0)
		return (void *)old;
	if ((incr > 0 && old + (vir_bytes)incr < old) ||
	    (incr < 0 && (vir_bytes)-incr > old))
		return (void *)(intptr_t)libc_result(-ENOMEM);
	r = vm_brk(old + (vir_bytes)incr);
	if (r < 0)
		return (void *)(intptr_t)libc_result(r);
	return (void *)old;
}

/*
 * An anonymous, zero-filled mapping of len bytes (VM_MAP_ANON required;
 * fd and off are ignored).  Returns its address or MAP_FAILED.
 */
void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	message m;
	int r;

	(void)fd;
	(void)off;
	if (!(flags & MAP_ANONYMOUS)) /* file mappings wait for VFS */
		return (void *)(intptr_t)libc_result(-ENOSYS);
	memset(&m, 0, sizeof(m));
	m.vm_mmap.addr = (vir_bytes)addr;
	m.vm_mmap.len = len;
	m.vm_mmap.prot = (uint32_t)prot;
	m.vm_mmap.flags = (uint32_t)flags;
	r = libc_call(VM_PROC_NR, VM_MMAP, &m);
	if (r < 0)
		return (void *)(intptr_t)libc_result(r);
	return (void *)m.vm_mmap.result;
}

int munmap(void *addr, size_t len)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.vm_munmap.addr = (vir_bytes)addr;
	m.vm_munmap.len = len;
	return libc_result(libc_call(VM_PROC_NR, VM_MUNMAP, &m));
}
