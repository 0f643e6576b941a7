// SPDX-License-Identifier: BSD-2-Clause
/*
 * sys_statectl: state management of the caller itself.  CLEAR_IPC_REFS
 * releases everyone still blocked on the caller's endpoint with
 * EDEADSRCDST; a restarted driver calls it when it announces itself.
 */
#include "../kernel.h"

int do_statectl(struct proc *caller, message *m)
{
	switch (m->sys_statectl.request) {
	case SYS_STATE_CLEAR_IPC_REFS:
		clear_ipc_refs(caller, -EDEADSRCDST);
		return OK;
	default:
		return -EINVAL;
	}
}
