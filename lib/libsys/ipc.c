// SPDX-License-Identifier: BSD-2-Clause
/*
 * IPC traps.  eax = trap, ebx = endpoint (or count), ecx = message (or
 * table); the kernel returns the status in eax and the IPC status word of
 * a receive in ebx.
 */
#include "syslib.h"

int ipc_trap(uint32_t trap, uint32_t ep, uint32_t addr, uint32_t *status)
{
	uint32_t r, st;

	__asm__ volatile("int $0x21"
			 : "=a"(r), "=b"(st)
			 : "a"(trap), "b"(ep), "c"(addr)
			 : "memory");
	if (status != NULL)
		*status = st;
	return (int)r;
}

int ipc_send(endpoint_t dst, message *m)
{
	return ipc_trap(SEND, (uint32_t)dst, (uint32_t)m, NULL);
}

int ipc_sendnb(endpoint_t dst, message *m)
{
	return ipc_trap(SENDNB, (uint32_t)dst, (uint32_t)m, NULL);
}

int ipc_receive(endpoint_t src, message *m, uint32_t *status)
{
	return ipc_trap(RECEIVE, (uint32_t)src, (uint32_t)m, status);
}

int ipc_sendrec(endpoint_t dst, message *m)
{
	return ipc_trap(SENDREC, (uint32_t)dst, (uint32_t)m, NULL);
}

int ipc_sendrec_nb(endpoint_t dst, message *m)
{
	return ipc_trap(SENDRECNB, (uint32_t)dst, (uint32_t)m, NULL);
}

int ipc_notify(endpoint_t dst)
{
	return ipc_trap(NOTIFY, (uint32_t)dst, 0, NULL);
}

int ipc_senda(asynmsg_t *table, size_t count)
{
	return ipc_trap(SENDA, (uint32_t)count, (uint32_t)table, NULL);
}

int kernel_call(message *m)
{
	uint32_t r;

	__asm__ volatile("int $0x20" : "=a"(r) : "a"(m) : "memory");
	return (int)r;
}
