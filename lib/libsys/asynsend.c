// SPDX-License-Identifier: BSD-2-Clause
/*
 * asynsend: send a message without ever blocking, through one SENDA table
 * that every call re-registers.  Entries the kernel has finished with
 * (AMF_DONE) are reused; a failed delivery is logged, since nobody waits
 * for its result.
 */
#include "syslib.h"

#define ASYN_SLOTS 64

static asynmsg_t table[ASYN_SLOTS];
static size_t in_use; /* entries 0..in_use-1 may be pending */

/* Free the finished entries; the first free index, or -1 if none. */
static int reclaim(void)
{
	int free_slot = -1;

	for (size_t i = 0; i < in_use; i++) {
		asynmsg_t *e = &table[i];
		if (e->flags & AMF_DONE) {
			if (e->result != OK)
				printf("asynsend: to %d failed: %d\n", e->dst,
				       e->result);
			e->flags = AMF_EMPTY;
		}
		if (e->flags == AMF_EMPTY && free_slot < 0)
			free_slot = (int)i;
	}
	while (in_use > 0 && table[in_use - 1].flags == AMF_EMPTY)
		in_use--;
	if (free_slot < 0 || (size_t)free_slot >= in_use)
		free_slot = in_use < ASYN_SLOTS ? (int)in_use : -1;
	return free_slot;
}

int asynsend(endpoint_t dst, const message *m)
{
	int i = reclaim();

	if (i < 0)
		return -ENOMEM; /* ASYN_SLOTS messages still undelivered */
	table[i].dst = dst;
	table[i].result = OK;
	table[i].msg = *m;
	table[i].flags = AMF_VALID;
	if ((size_t)i >= in_use)
		in_use = (size_t)i + 1;
	return ipc_senda(table, in_use);
}

/*
 * Register the table again without adding to it.  A new instance that
 * took over its predecessor's memory (state transfer) calls this, so the
 * messages the predecessor had queued are delivered from our endpoint.
 */
int asynsend_reload(void)
{
	return in_use > 0 ? ipc_senda(table, in_use) : OK;
}
