/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Safecopy grants.  A process keeps its grant table in its own memory and
 * registers it with sys_setgrant.  A grant lets one other endpoint (or ANY)
 * read and/or write a range of the granter's memory, directly, or
 * indirectly by passing on a grant it received.  A magic grant covers a
 * range of another process's memory; only a granter that may already copy
 * any memory (it holds SYS_VIRCOPY: VFS) can make one, so that it can pass
 * a user's buffer on to a file system server or a driver.  The kernel
 * checks the grant at every copy, reading the entry from the granter's
 * memory.
 */
#ifndef AXO_GRANT_H
#define AXO_GRANT_H

#include <axo/types.h>
#include <axo/endpoint.h>

#define CPF_READ     0x0001 /* grantee may read */
#define CPF_WRITE    0x0002 /* grantee may write */
#define CPF_TRY	     0x0010 /* fail with EFAULT rather than ask VM */
#define CPF_USED     0x0100 /* entry in use */
#define CPF_DIRECT   0x0200 /* grants a range of the granter's memory */
#define CPF_INDIRECT 0x0400 /* passes on a grant the granter received */
#define CPF_MAGIC    0x0800 /* grants a range of a third process's memory */
#define CPF_VALID    0x1000 /* entry is valid */

#define GRANT_IDX_BITS 20
#define GRANT_ID(idx, seq) \
	((cp_grant_id_t)((((seq)&0x7ff) << GRANT_IDX_BITS) | (idx)))
#define GRANT_IDX(g)	((g) & ((1 << GRANT_IDX_BITS) - 1))
#define GRANT_SEQ(g)	(((g) >> GRANT_IDX_BITS) & 0x7ff)
#define GRANT_INVALID	((cp_grant_id_t)-1)
#define GRANT_MAX_DEPTH 5 /* indirections followed before ELOOP */

typedef struct {
	uint32_t flags;
	uint32_t seq; /* must match the id's sequence number */
	union {
		struct {
			endpoint_t who_to; /* grantee, or ANY */
			vir_bytes start;
			vir_bytes len;
		} direct;
		struct {
			endpoint_t who_to;
			endpoint_t who_from; /* granter of the underlying grant */
			cp_grant_id_t grant;
		} indirect;
		struct {
			endpoint_t who_to;
			endpoint_t who_from; /* whose memory */
			vir_bytes start;
			vir_bytes len;
		} magic;
	};
} cp_grant_t;

_Static_assert(sizeof(cp_grant_t) == 24, "grant entry layout");

#endif
