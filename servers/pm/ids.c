// SPDX-License-Identifier: BSD-2-Clause
/*
 * Identities: pids, user and group ids, process groups and sessions.
 * The POSIX checks are proc.c's (pure); these handlers apply them.
 */
#include "pm.h"

int do_getpid(struct mproc *caller, message *m)
{
	m->pm_ids.pid = caller->pid;
	m->pm_ids.ppid = caller->ppid;
	return caller->pid;
}

int do_getuid(struct mproc *caller, message *m)
{
	m->pm_ids = (struct pm_ids_msg){
		.pid = caller->pid,
		.ppid = caller->ppid,
		.uid = caller->uid,
		.euid = caller->euid,
		.gid = caller->gid,
		.egid = caller->egid,
	};
	return OK;
}

/*
 * setuid/setgid: the superuser sets real and effective id; anyone else
 * may only set the effective id back to the real one.
 */
static int set_id(const struct mproc *caller, int32_t id, int32_t real,
		  int32_t *new_real, int32_t *new_eff)
{
	if (id < 0)
		return -EINVAL;
	if (caller->euid == 0) {
		*new_real = *new_eff = id;
		return OK;
	}
	if (id != real)
		return -EPERM;
	*new_eff = id;
	return OK;
}

int do_setuid(struct mproc *caller, message *m)
{
	int r = set_id(caller, m->pm_ids.uid, caller->uid, &caller->uid,
		       &caller->euid);
	if (r == OK)
		vfs_setids(caller);
	return r;
}

int do_setgid(struct mproc *caller, message *m)
{
	int r = set_id(caller, m->pm_ids.gid, caller->gid, &caller->gid,
		       &caller->egid);
	if (r == OK)
		vfs_setids(caller);
	return r;
}

int do_setsid(struct mproc *caller, message *m)
{
	int r;

	(void)m;
	if ((r = mp_check_setsid(caller)) != OK)
		return r;
	caller->sid = caller->pgid = caller->pid;
	vfs_setsid(caller);
	return caller->sid;
}

/* The entry pm_pgid.pid names (0: the caller), or NULL. */
static struct mproc *pgid_target(struct mproc *caller, const message *m)
{
	return m->pm_pgid.pid == 0 ? caller : mp_by_pid(m->pm_pgid.pid);
}

int do_getpgrp(struct mproc *caller, message *m)
{
	struct mproc *t = pgid_target(caller, m);

	return t != NULL ? t->pgid : -ESRCH;
}

int do_getsid(struct mproc *caller, message *m)
{
	struct mproc *t = pgid_target(caller, m);

	return t != NULL ? t->sid : -ESRCH;
}

int do_setpgid(struct mproc *caller, message *m)
{
	struct mproc *t;
	int r;

	r = mp_check_setpgid(caller, m->pm_pgid.pid, m->pm_pgid.pgid, &t);
	if (r != OK)
		return r;
	t->pgid = m->pm_pgid.pgid == 0 ? t->pid : m->pm_pgid.pgid;
	return OK;
}
