// SPDX-License-Identifier: BSD-2-Clause
/*
 * fork, exit and waitpid.  Fork asks VM to copy the parent into a new
 * slot; the kernel leaves the child blocked for a reply from PM, so PM
 * allows it to run and answers both.  Exit frees memory (VM) and slot
 * (sys_clear) at once and keeps a zombie entry with the wait status until
 * the parent collects it; orphans go to init, which reaps them.
 */
#include "pm.h"

/* Ask VM to free endpoint e's memory, then free its kernel slot. */
static void release_process(endpoint_t e)
{
	message m = { .m_type = VM_EXIT };
	int r;

	m.vm_endpt.endpt = e;
	if ((r = pm_vm_call(&m)) != OK)
		printf("pm: VM_EXIT of %d failed: %d\n", e, r);
	if ((r = sys_clear(e)) != OK)
		printf("pm: sys_clear of %d failed: %d\n", e, r);
}

/* Fill the new child's entry from its parent's (POSIX fork rules). */
static void init_child(struct mproc *child, const struct mproc *parent,
		       int32_t pid, endpoint_t e)
{
	*child = *parent;
	child->flags = MP_IN_USE;
	child->endpt = NONE;
	child->pid = pid;
	child->ppid = parent->pid;
	child->wait_status = 0;
	child->sig_pending = 0;
	child->utime = child->stime = child->cutime = child->cstime = 0;
	mp_set_endpt(child, e);
}

int pm_fork_slot(endpoint_t parent, uint32_t flags, struct mproc **child,
		 endpoint_t *e)
{
	if (!mp_fork_allowed())
		return -EAGAIN;
	int32_t pid = mp_alloc_pid();
	if (pid < 0)
		return pid;
	struct mproc *mp = mp_alloc();
	if (mp == NULL)
		return -EAGAIN;
	mp->pid = pid;

	message vm = { .m_type = VM_FORK };
	vm.vm_fork.parent = parent;
	vm.vm_fork.slot = -1;
	vm.vm_fork.flags = flags;
	int r = pm_vm_call(&vm);
	if (r != OK) {
		mp_free(mp);
		return r == -ENOMEM || r == -EBUSY ? -EAGAIN : r;
	}
	*child = mp;
	*e = vm.vm_fork.child;
	return OK;
}

int do_fork(struct mproc *caller, message *m)
{
	struct mproc *child;
	endpoint_t e;

	(void)m;
	int r = pm_fork_slot(caller->endpt, 0, &child, &e);
	if (r != OK)
		return r;
	int32_t pid = child->pid;
	if ((r = sys_privctl(e, SYS_PRIV_ALLOW, 0)) != OK) {
		printf("pm: cannot allow forked child %d: %d\n", e, r);
		release_process(e);
		mp_free(child);
		return -EAGAIN;
	}
	init_child(child, caller, pid, e);
	vfs_fork(caller, child);
	pm_reply(e, 0, NULL); /* the child's fork returns 0 */
	return pid;
}

/* Collect zombie z for parent: its status in *status; returns its pid. */
static int32_t reap(struct mproc *parent, struct mproc *z, int32_t *status)
{
	int32_t pid = z->pid;

	parent->cutime += z->utime + z->cutime;
	parent->cstime += z->stime + z->cstime;
	*status = z->wait_status;
	mp_free(z);
	return pid;
}

/* If parent waits for a child that can now be collected, answer it. */
static void wake_parent(struct mproc *parent)
{
	struct mproc *z = NULL;
	message m = { 0 };

	if (!(parent->flags & MP_WAITING))
		return;
	enum wait_find w = mp_wait_find(parent, parent->wait_pid, &z);
	if (w == WAIT_BLOCK)
		return;
	parent->flags &= ~MP_WAITING;
	if (w == WAIT_ZOMBIE)
		pm_reply(parent->endpt, reap(parent, z, &m.pm_wait.status), &m);
	else
		pm_reply(parent->endpt, -ECHILD, &m);
}

/* Record the ticks mp used, for the parent's cutime/cstime. */
static void account(struct mproc *mp)
{
	struct sys_times_msg t;

	if (sys_times(mp->endpt, &t) == OK) {
		mp->utime = t.user_ticks;
		mp->stime = t.sys_ticks;
	}
}

void pm_exit_proc(struct mproc *mp, int32_t status)
{
	alarm_cancel(mp);
	account(mp);
	vfs_exit(mp);
	release_process(mp->endpt);
	mp_set_endpt(mp, NONE);
	mp->flags = (mp->flags & (MP_IN_USE | MP_EXECED)) | MP_ZOMBIE;
	mp->wait_status = status;
	mp->sig_pending = 0;
	if (mp->pid == INIT_PID)
		printf("pm: init exited with status 0x%x\n", (unsigned)status);
	struct mproc *init = mp_by_pid(INIT_PID);
	if (mp_reparent_children(mp) && mp_is_user(init))
		wake_parent(init);

	struct mproc *parent = mp_by_pid(mp->ppid);
	if (!mp_is_user(parent) || (parent->flags & MP_ZOMBIE)) {
		mp_free(mp); /* nobody will wait for it */
		return;
	}
	wake_parent(parent);
	sig_raise(parent, SIGCHLD, false);
}

/* End service process mp at once, leaving nothing behind (PM_SRV_EXIT). */
void pm_release_service(struct mproc *mp)
{
	alarm_cancel(mp);
	vfs_exit(mp);
	release_process(mp->endpt);
	mp_set_endpt(mp, NONE);
	mp_free(mp);
}

int do_exit(struct mproc *caller, message *m)
{
	pm_exit_proc(caller, PM_W_EXITED(m->pm_exit.status));
	return -EDONTREPLY;
}

int do_waitpid(struct mproc *caller, message *m)
{
	int32_t pid = m->pm_wait.pid;
	int32_t options = m->pm_wait.options;
	struct mproc *z = NULL;

	if (options & ~(PM_WNOHANG | PM_WUNTRACED))
		return -EINVAL;
	switch (mp_wait_find(caller, pid, &z)) {
	case WAIT_NO_CHILD:
		return -ECHILD;
	case WAIT_ZOMBIE:
		return reap(caller, z, &m->pm_wait.status);
	case WAIT_BLOCK:
	default:
		break;
	}
	if (options & PM_WNOHANG) {
		m->pm_wait.status = 0;
		return 0;
	}
	caller->flags |= MP_WAITING;
	caller->wait_pid = pid;
	caller->wait_options = options;
	return -EDONTREPLY;
}
