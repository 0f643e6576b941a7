// SPDX-License-Identifier: BSD-2-Clause
/*
 * The live-update figures of fsbench: a self update of hello, sent to RS
 * as `service update self -label hello` would send it.  The request
 * returns when the update is committed, so the caller's clock gives the
 * total (making the new instance included); RS's status gives the
 * blackout, from the old instance's last answer (it reached its prepare
 * state) to the moment the new one may answer (its init committed).
 * Like the recovery figures it starts at a fixed tick, so it repeats
 * exactly.
 */
#include <axo/libc.h>
#include <axo/msg_rs.h>
#include <axo/rs.h>
#include <stdio.h>
#include <string.h>

#include "../bench.h"
#include "fsbench.h"

#define LABEL	"hello"
#define START_S 10 /* seconds after boot: before the recovery figures */

void bench_update_hello(const char *figure)
{
	static struct rs_start start;
	struct rs_status st = { 0 };
	struct rs_req_msg req = { .addr = (vir_bytes)(uintptr_t)&start,
				  .len = sizeof(start) };

	start.flags = RSS_SELF_LU;
	start.major = -1;
	strcpy(start.label, LABEL);
	strcpy(start.progname, LABEL);
	strcpy(start.cmd, RS_CMD_SELF);
	strcpy(req.label, LABEL);
	fsbench_at(START_S);
	uint64_t t0 = bench_tsc();
	if (axo_rs_request(RS_UPDATE, &req) < 0)
		fsbench_fail("service update self -label " LABEL);
	uint64_t t1 = bench_tsc();
	req = (struct rs_req_msg){ .addr = (vir_bytes)(uintptr_t)&st,
				   .len = sizeof(st) };
	strcpy(req.label, LABEL);
	if (axo_rs_request(RS_STATUS, &req) < 0 || st.upd_result != 0)
		fsbench_fail("service status " LABEL);
	printf("%s_total: %llu insn\n", figure, (unsigned long long)(t1 - t0));
	printf("%s_blackout: %llu insn\n", figure,
	       (unsigned long long)st.upd_blackout_cycles);
}
