// SPDX-License-Identifier: BSD-2-Clause
/*
 * RS's table of services and its clock.  An entry is in use from the
 * moment a service is started until it is gone for good; its instance
 * may change many times in between (restarts keep the entry).
 */
#include "rs.h"

struct rproc rproc[NR_RPROCS];

struct rproc *rproc_by_endpoint(endpoint_t e)
{
	for (int i = 0; i < NR_RPROCS; i++)
		if (rproc[i].in_use && rproc[i].endpoint == e)
			return &rproc[i];
	return NULL;
}

struct rproc *rproc_by_label(const char *label)
{
	for (int i = 0; i < NR_RPROCS; i++)
		if (rproc[i].in_use && strcmp(rproc[i].label, label) == 0)
			return &rproc[i];
	return NULL;
}

/* A cleared entry, marked in use; NULL when the table is full. */
struct rproc *rproc_alloc(void)
{
	for (int i = 0; i < NR_RPROCS; i++) {
		struct rproc *rp = &rproc[i];
		if (rp->in_use)
			continue;
		vir_bytes image =
			rp->image; /* the buffer stays with the entry */
		size_t cap = rp->image_cap;
		*rp = (struct rproc){ .in_use = true,
				      .endpoint = NONE,
				      .corpse = NONE,
				      .replica = NONE,
				      .caller = NONE,
				      .major = -1,
				      .image = image,
				      .image_cap = cap };
		return rp;
	}
	return NULL;
}

void rproc_free(struct rproc *rp)
{
	rp->in_use = false;
	rp->endpoint = NONE;
	rp->image_len = 0;
}

clock_t64 rs_now(void)
{
	struct sys_times_msg t;

	return sys_times(NONE, &t) == OK ? t.uptime : 0;
}

uint64_t rs_tsc(void)
{
	uint64_t v;

	__asm__ volatile("rdtsc" : "=A"(v));
	return v;
}
