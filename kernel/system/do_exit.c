// SPDX-License-Identifier: BSD-2-Clause
/*
 * sys_exit: a system process ends itself.  The kernel raises SIGABRT on it
 * and its signal manager decides what happens next; the caller stays
 * stopped and gets no reply.
 */
#include "../kernel.h"

int do_exit(struct proc *caller, message *m)
{
	(void)m;
	cause_sig(caller, SIGABRT);
	return -EDONTREPLY;
}
