// SPDX-License-Identifier: BSD-2-Clause
/*
 * PM's process table: entries, the slot map from live endpoints to
 * entries, pid allocation, wait matching, reparenting, and the checks of
 * process groups, sessions and signal permissions.  Pure bookkeeping with
 * no kernel calls (see proc.h); host-tested by test/unit/test_pm_proc.c.
 */
#include "proc.h"

struct mproc mproc[NR_MPROCS];

/* Kernel slot -> index of the live entry there, or -1. */
static int16_t slot_map[NR_PROCS];
static int32_t next_pid = INIT_PID + 1;

void mp_table_init(void)
{
	for (int i = 0; i < NR_MPROCS; i++)
		mproc[i] = (struct mproc){ .endpt = NONE };
	for (int i = 0; i < NR_PROCS; i++)
		slot_map[i] = -1;
	next_pid = INIT_PID + 1;
}

struct mproc *mp_alloc(void)
{
	for (int i = 0; i < NR_MPROCS; i++) {
		if (!(mproc[i].flags & MP_IN_USE)) {
			mproc[i] = (struct mproc){ .flags = MP_IN_USE,
						   .endpt = NONE };
			return &mproc[i];
		}
	}
	return NULL;
}

void mp_free(struct mproc *mp)
{
	mp_set_endpt(mp, NONE);
	*mp = (struct mproc){ .endpt = NONE };
}

static bool slot_ok(int slot)
{
	return slot >= 0 && slot < NR_PROCS;
}

void mp_set_endpt(struct mproc *mp, endpoint_t e)
{
	if (mp->endpt != NONE) {
		int old = ENDPOINT_P(mp->endpt);
		if (slot_ok(old) && slot_map[old] == mp_index(mp))
			slot_map[old] = -1;
	}
	mp->endpt = e;
	if (e != NONE && slot_ok(ENDPOINT_P(e)))
		slot_map[ENDPOINT_P(e)] = (int16_t)mp_index(mp);
}

struct mproc *mp_by_endpt(endpoint_t e)
{
	int slot = ENDPOINT_P(e);

	if (e == NONE || e == ANY || !slot_ok(slot) || slot_map[slot] < 0)
		return NULL;
	struct mproc *mp = &mproc[slot_map[slot]];
	return mp->endpt == e && !(mp->flags & MP_ZOMBIE) ? mp : NULL;
}

struct mproc *mp_by_pid(int32_t pid)
{
	if (pid <= 0)
		return NULL;
	for (int i = 0; i < NR_MPROCS; i++)
		if ((mproc[i].flags & MP_IN_USE) && mproc[i].pid == pid)
			return &mproc[i];
	return NULL;
}

int mp_index(const struct mproc *mp)
{
	return (int)(mp - mproc);
}

int mp_count_used(void)
{
	int n = 0;

	for (int i = 0; i < NR_MPROCS; i++)
		if (mproc[i].flags & MP_IN_USE)
			n++;
	return n;
}

bool mp_fork_allowed(void)
{
	return mp_count_used() < NR_MPROCS - PM_SLOT_RESERVE;
}

static bool pid_in_use(int32_t pid)
{
	for (int i = 0; i < NR_MPROCS; i++) {
		const struct mproc *mp = &mproc[i];
		if ((mp->flags & MP_IN_USE) &&
		    (mp->pid == pid || mp->pgid == pid || mp->sid == pid))
			return true;
	}
	return false;
}

int32_t mp_alloc_pid(void)
{
	for (int tries = 0; tries < PID_MAX; tries++) {
		int32_t pid = next_pid;
		next_pid = next_pid >= PID_MAX ? INIT_PID + 1 : next_pid + 1;
		if (!pid_in_use(pid))
			return pid;
	}
	return -EAGAIN;
}

bool mp_is_user(const struct mproc *mp)
{
	return mp != NULL && (mp->flags & MP_IN_USE) &&
	       !(mp->flags & MP_SYSTEM);
}

bool mp_wait_matches(const struct mproc *parent, const struct mproc *child,
		     int32_t pid)
{
	if (!(child->flags & MP_IN_USE) || child->ppid != parent->pid ||
	    child == parent)
		return false;
	if (pid == -1)
		return true;
	if (pid > 0)
		return child->pid == pid;
	if (pid == 0)
		return child->pgid == parent->pgid;
	return pid != INT32_MIN && child->pgid == -pid;
}

enum wait_find mp_wait_find(const struct mproc *parent, int32_t pid,
			    struct mproc **zombie)
{
	enum wait_find result = WAIT_NO_CHILD;

	for (int i = 0; i < NR_MPROCS; i++) {
		struct mproc *c = &mproc[i];
		if (!mp_wait_matches(parent, c, pid))
			continue;
		if (c->flags & MP_ZOMBIE) {
			*zombie = c;
			return WAIT_ZOMBIE;
		}
		result = WAIT_BLOCK;
	}
	return result;
}

bool mp_reparent_children(const struct mproc *dead)
{
	bool zombie = false;

	for (int i = 0; i < NR_MPROCS; i++) {
		struct mproc *c = &mproc[i];
		if (!(c->flags & MP_IN_USE) || c == dead ||
		    c->ppid != dead->pid)
			continue;
		c->ppid = INIT_PID;
		if (c->flags & MP_ZOMBIE)
			zombie = true;
	}
	return zombie;
}

bool mp_pgrp_exists(int32_t pgid, int32_t sid)
{
	for (int i = 0; i < NR_MPROCS; i++) {
		const struct mproc *mp = &mproc[i];
		if ((mp->flags & MP_IN_USE) && !(mp->flags & MP_ZOMBIE) &&
		    mp->pgid == pgid && mp->sid == sid)
			return true;
	}
	return false;
}

int mp_check_setpgid(const struct mproc *caller, int32_t pid, int32_t pgid,
		     struct mproc **target)
{
	if (pid < 0 || pgid < 0)
		return -EINVAL;
	struct mproc *t = pid == 0 ? (struct mproc *)caller : mp_by_pid(pid);
	if (t == NULL || (t->flags & MP_ZOMBIE) ||
	    (t != caller && t->ppid != caller->pid))
		return -ESRCH;
	if (t != caller && (t->flags & MP_EXECED))
		return -EACCES;
	if (t->sid != caller->sid || t->sid == t->pid)
		return -EPERM; /* other session, or a session leader */
	if (pgid == 0)
		pgid = t->pid;
	if (pgid != t->pid && !mp_pgrp_exists(pgid, caller->sid))
		return -EPERM;
	*target = t;
	return OK;
}

int mp_check_setsid(const struct mproc *caller)
{
	for (int i = 0; i < NR_MPROCS; i++) {
		const struct mproc *mp = &mproc[i];
		if ((mp->flags & MP_IN_USE) && mp->pgid == caller->pid)
			return -EPERM; /* a group leader, or its group lives */
	}
	return OK;
}

bool mp_may_signal(const struct mproc *sender, const struct mproc *target)
{
	if (sender->euid == 0 || (sender->flags & MP_SYSTEM))
		return true;
	return sender->uid == target->uid || sender->euid == target->uid ||
	       sender->uid == target->euid || sender->euid == target->euid;
}
