// SPDX-License-Identifier: BSD-2-Clause
/*
 * PM's calls for RS's services (msg_pm.h, struct pm_srv_msg).  A new
 * service instance is a child of RS with an empty address space that
 * cannot run: RS fills it through VM_EXEC and gives it privileges.  A
 * service process ends at once when RS says so (the corpse of a crashed
 * instance after recovery, a service taken down): no zombie, no SIGCHLD,
 * since RS follows its services through the kernel's signals, not wait.
 */
#include "pm.h"

static bool from_rs(const struct mproc *caller)
{
	return caller->endpt == RS_PROC_NR;
}

/* PM_SRV_FORK: a new, frozen, empty process for RS; reply endpt, pid. */
int do_srv_fork(struct mproc *caller, message *m)
{
	struct pm_srv_msg *s = &m->pm_srv;
	struct mproc *child;
	endpoint_t e;
	int r;

	if (!from_rs(caller))
		return -EPERM;
	if ((r = pm_fork_slot(RS_PROC_NR, VM_FORK_EMPTY, &child, &e)) != OK)
		return r;
	int32_t pid = child->pid;
	*child = (struct mproc){ .flags = MP_IN_USE | MP_SYSTEM,
				 .pid = pid,
				 .ppid = caller->pid,
				 .pgid = caller->pgid,
				 .sid = caller->sid,
				 .endpt = NONE };
	child->uid = child->euid = s->uid;
	memcpy(child->name, s->name, sizeof(child->name));
	child->name[sizeof(child->name) - 1] = '\0';
	mp_set_endpt(child, e);
	vfs_fork(caller, child);
	s->endpt = e;
	s->pid = pid;
	return OK;
}

/* PM_SRV_EXIT: end service process s->endpt now, for RS. */
int do_srv_exit(struct mproc *caller, message *m)
{
	endpoint_t e = m->pm_srv.endpt;

	if (!from_rs(caller))
		return -EPERM;
	struct mproc *mp = mp_by_endpt(e);
	if (mp == NULL)
		return -ESRCH;
	if (!(mp->flags & MP_SYSTEM) || e == RS_PROC_NR || e == PM_PROC_NR ||
	    e == VM_PROC_NR)
		return -EPERM;
	pm_release_service(mp);
	return OK;
}

/* PM_GETEPINFO: who endpoint m->pm_srv.endpt is, in pm_ids. */
int do_getepinfo(struct mproc *caller, message *m)
{
	(void)caller;
	const struct mproc *mp = mp_by_endpt(m->pm_srv.endpt);

	if (mp == NULL)
		return -ESRCH;
	m->pm_ids.pid = mp->pid;
	m->pm_ids.ppid = mp->ppid;
	m->pm_ids.uid = mp->uid;
	m->pm_ids.euid = mp->euid;
	m->pm_ids.gid = mp->gid;
	m->pm_ids.egid = mp->egid;
	return OK;
}
