// SPDX-License-Identifier: BSD-2-Clause
/*
 * The IPC trap of user programs and the request helper every system call
 * of this library goes through.  User processes may only sendrec (see
 * TRAP_MASK_USER); the kernel returns OK or -E* in eax.
 */
#include "libc_priv.h"

int libc_sendrec(endpoint_t dst, message *m)
{
	int r = SENDREC;

	/* The kernel also returns the IPC status word in ebx. */
	__asm__ volatile("int $0x21"
			 : "+a"(r), "+b"(dst), "+c"(m)
			 :
			 : "memory");
	return r;
}

int libc_call(endpoint_t dst, int type, message *m)
{
	int r;

	m->m_type = type;
	r = libc_sendrec(dst, m);
	if (r != OK)
		return r;
	return m->m_type;
}

int libc_result(int r)
{
	if (r >= 0)
		return r;
	errno = -r;
	return -1;
}
