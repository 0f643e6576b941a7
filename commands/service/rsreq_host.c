// SPDX-License-Identifier: BSD-2-Clause
/*
 * Host stand-in for the service command's request to RS (see svc.h), so
 * the host tests can check its output: RS_STATUS gives two canned
 * services, RS_LOOKUP knows "hello" (endpoint 10), and every other request
 * fails with ENOSYS, as RS answers before crash recovery exists.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "svc.h"

static const struct rs_status canned[] = {
	{ .label = "hello",
	  .endpoint = 10,
	  .pid = 11,
	  .restarts = 2,
	  .flags = RS_IN_USE | RS_ACTIVE,
	  .sys_flags = 0,
	  .period = 5 * HZ,
	  .policy = RS_POLICY_RESTART,
	  .crash_ticks = 4217,
	  .recovery_cycles = 1834522 },
	{ .label = "vfs",
	  .endpoint = 5,
	  .pid = 7,
	  .restarts = 0,
	  .flags = RS_IN_USE | RS_ACTIVE,
	  .sys_flags = SF_CORE_SRV | SF_NEED_REPL | SF_USE_REPL,
	  .period = 0,
	  .policy = RS_POLICY_RESTART },
};

#define N_CANNED ((int)(sizeof(canned) / sizeof(canned[0])))

/* STATUS into the caller's table: everything, or the one labelled. */
static int status(struct rs_req_msg *req, struct rs_status *out, size_t len)
{
	int max = (int)(len / sizeof(*out)), n = 0;

	for (int i = 0; i < N_CANNED && n < max; i++)
		if (req->label[0] == '\0' ||
		    strcmp(req->label, canned[i].label) == 0)
			out[n++] = canned[i];
	if (req->label[0] != '\0' && n == 0) {
		errno = ESRCH;
		return -1;
	}
	return n;
}

int svc_rs_call(int request, struct rs_req_msg *req, void *buf, size_t len)
{
	if (request == RS_STATUS)
		return status(req, buf, len);
	if (request == RS_LOOKUP && strcmp(req->label, "hello") == 0) {
		req->endpoint = 10;
		return 0;
	}
	errno = request == RS_LOOKUP ? ESRCH : ENOSYS;
	return -1;
}
