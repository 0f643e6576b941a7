// SPDX-License-Identifier: BSD-2-Clause
/* sys_self: the caller's own endpoint (asked of the kernel every time). */
#include "syslib.h"

endpoint_t sys_self(void)
{
	struct whoami w;

	if (sys_getinfo(GET_WHOAMI, &w, sizeof(w), SELF) != OK)
		return NONE;
	return w.endpoint;
}
