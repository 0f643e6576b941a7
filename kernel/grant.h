/* SPDX-License-Identifier: BSD-2-Clause */
/* Grant verification for the safecopy kernel calls. */
#ifndef KERNEL_GRANT_H
#define KERNEL_GRANT_H

#include "grant_check.h"

/*
 * Check that grantee may access [offset, offset+bytes) of grant gid of
 * granter_e with access (CPF_READ/CPF_WRITE).  On OK, *owner and *addr
 * name the memory to copy.  Errors: -EPERM (no such grant or access),
 * -ELOOP (indirection too deep), -ENOTREADY (table in transition), or an
 * endpoint error.
 */
int grant_verify(endpoint_t granter_e, endpoint_t grantee, cp_grant_id_t gid,
		 vir_bytes offset, vir_bytes bytes, uint32_t access,
		 struct proc **owner, vir_bytes *addr);

#endif
