// SPDX-License-Identifier: BSD-2-Clause
/*
 * sys_sysctl: diagnostics.  PRINT writes the caller's text to the kernel
 * log, STACKTRACE prints a process's user stack, NOP does nothing and
 * measures the cost of a kernel call.
 */
#include "../kernel.h"

#define SYSCTL_PRINT_MAX 256

int do_sysctl(struct proc *caller, message *m)
{
	struct sys_sysctl_msg *s = &m->sys_sysctl;
	char buf[SYSCTL_PRINT_MAX];
	struct proc *p;
	int r;

	switch (s->request) {
	case SYSCTL_PRINT:
		if (s->size > sizeof(buf))
			return -EINVAL;
		if (umem_read(caller, s->buf, buf, s->size) != OK)
			return -EFAULT;
		kputs_n(buf, s->size);
		return OK;
	case SYSCTL_STACKTRACE:
		if ((r = endpoint_lookup_self(caller, s->endpt, &p)) != OK)
			return r;
		if (is_task(p))
			return -EINVAL;
		stacktrace_user(p);
		return OK;
	case SYSCTL_NOP:
		return OK;
	default:
		return -EINVAL;
	}
}
