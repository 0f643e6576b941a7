// SPDX-License-Identifier: BSD-2-Clause
/* ps's process table from PM (PM_GETPROCS); see procs.h. */
#include "procs.h"

#include <string.h>

#include <axo/endpoint.h>
#include <axo/libc.h>

static char state_letter(uint32_t state)
{
	switch (state) {
	case PM_PS_SLEEPING:
		return 'S';
	case PM_PS_STOPPED:
		return 'T';
	case PM_PS_ZOMBIE:
		return 'Z';
	default:
		return 'R';
	}
}

int ps_read_procs(struct ps_proc *p, int max)
{
	static struct pm_procinfo info[PS_MAX];
	int n = axo_procinfo(info, max < PS_MAX ? max : PS_MAX, NULL);

	for (int i = 0; i < n; i++) {
		p[i].pid = info[i].pid;
		p[i].ppid = info[i].ppid;
		p[i].endpt = info[i].endpt == NONE ? PS_NO_ENDPT :
						     info[i].endpt;
		p[i].state = state_letter(info[i].state);
		memcpy(p[i].name, info[i].name, sizeof(info[i].name));
		p[i].name[sizeof(info[i].name)] = '\0';
	}
	return n;
}
