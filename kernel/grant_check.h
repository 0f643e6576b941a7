/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The pure part of grant checking: is this one grant entry good for this
 * access?  No kernel state, so the host unit tests exercise it directly.
 */
#ifndef KERNEL_GRANT_CHECK_H
#define KERNEL_GRANT_CHECK_H

#include <axo/grant.h>
#include <axo/endpoint.h>

#define GRANT_FOLLOW 1 /* indirect: continue at (next_granter, next_grant) */
#define GRANT_MAGIC  2 /* magic: copy addr in next_granter's memory */

struct grant_step {
	vir_bytes addr;		 /* direct, magic: address to copy */
	endpoint_t next_granter; /* indirect: where the grant came from;
				    magic: whose memory addr is in */
	cp_grant_id_t next_grant;
};

int grant_check_entry(const cp_grant_t *g, cp_grant_id_t gid,
		      endpoint_t grantee, uint32_t access, vir_bytes offset,
		      vir_bytes bytes, struct grant_step *out);

#endif
