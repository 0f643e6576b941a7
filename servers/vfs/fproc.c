// SPDX-License-Identifier: BSD-2-Clause
/*
 * The per-process table: descriptors, working and root directory, umask,
 * ids, controlling tty, and the state of a suspended call.  PM tells VFS
 * about processes (fork, exit, ids, setsid, unpause, reboot); a process
 * VFS has never heard of gets an entry with uid 0 on its first call (the
 * boot processes).  Exec is in exec.c.
 */
#include "vfs.h"

struct fproc fproc[NR_FPROCS];

struct fproc *fp_lookup(endpoint_t e)
{
	for (int i = 0; i < NR_FPROCS; i++)
		if (fproc[i].in_use && fproc[i].endpt == e)
			return &fproc[i];
	return NULL;
}

static struct fproc *fp_alloc(endpoint_t e)
{
	for (int i = 0; i < NR_FPROCS; i++) {
		struct fproc *fp = &fproc[i];
		if (!fp->in_use) {
			*fp = (struct fproc){ .in_use = true,
					      .endpt = e,
					      .umask = 022,
					      .susp_grant = GRANT_INVALID };
			return fp;
		}
	}
	return NULL;
}

struct fproc *fp_get_or_add(endpoint_t e)
{
	struct fproc *fp = fp_lookup(e);

	if (fp == NULL && (fp = fp_alloc(e)) != NULL && e == INIT_PROC_NR)
		fp->pid = 1;
	return fp;
}

int fd_alloc(struct fproc *fp, int from)
{
	int fd = slot_lowest_free((void *const *)fp->fd, VFS_OPEN_MAX, from);

	return fd < 0 ? -EMFILE : fd;
}

struct filp *fd_filp(struct fproc *fp, int fd)
{
	if (fd < 0 || fd >= VFS_OPEN_MAX)
		return NULL;
	return fp->fd[fd];
}

void fd_close(struct fproc *fp, int fd)
{
	struct filp *f = fp->fd[fd];

	fp->fd[fd] = NULL;
	fp->cloexec &= ~(1u << fd);
	if (f != NULL)
		filp_release(f);
}

/* End whatever fp waits for, without answering it. */
static void fp_cancel(struct fproc *fp)
{
	switch (fp->susp) {
	case SUSP_CDEV:
		cdev_cancel(fp);
		break;
	case SUSP_PIPE:
		pipe_cancel(fp);
		break;
	case SUSP_SELECT:
		select_cancel(fp);
		break;
	case SUSP_NONE:
		break;
	}
	fp->susp = SUSP_NONE;
}

static void fp_release_all(struct fproc *fp)
{
	fp_cancel(fp);
	for (int fd = 0; fd < VFS_OPEN_MAX; fd++)
		fd_close(fp, fd);
	if (fp->cwd != NULL)
		vn_put(fp->cwd);
	if (fp->root != NULL)
		vn_put(fp->root);
	fp->in_use = false;
}

static int pm_fork(const struct vfs_pm_msg *pm)
{
	struct fproc *parent = fp_get_or_add(pm->endpt), *child;

	if (parent == NULL || fp_lookup(pm->child) != NULL)
		return parent == NULL ? -ENFILE : -EEXIST;
	if ((child = fp_alloc(pm->child)) == NULL)
		return -ENFILE;
	*child = *parent;
	child->endpt = pm->child;
	child->pid = pm->pid;
	child->susp = SUSP_NONE;
	child->leader = false;
	child->susp_grant = GRANT_INVALID;
	for (int fd = 0; fd < VFS_OPEN_MAX; fd++)
		if (child->fd[fd] != NULL)
			filp_hold(child->fd[fd]);
	if (child->cwd != NULL)
		vn_hold(child->cwd);
	if (child->root != NULL)
		vn_hold(child->root);
	return OK;
}

static int pm_unpause(const struct vfs_pm_msg *pm)
{
	struct fproc *fp = fp_lookup(pm->endpt);

	if (fp == NULL || fp->susp == SUSP_NONE)
		return OK;
	fp_cancel(fp);
	vfs_reply(fp->endpt, -EINTR, NULL);
	return OK;
}

int fp_pm_call(message *m)
{
	const struct vfs_pm_msg *pm = &m->vfs_pm;
	struct fproc *fp;

	switch (m->m_type) {
	case VFS_PM_FORK:
		return pm_fork(pm);
	case VFS_PM_EXIT:
		if ((fp = fp_lookup(pm->endpt)) != NULL)
			fp_release_all(fp);
		return OK;
	case VFS_PM_SETIDS:
		if ((fp = fp_get_or_add(pm->endpt)) == NULL)
			return -ENFILE;
		fp->uid = pm->uid;
		fp->euid = pm->euid;
		fp->gid = pm->gid;
		fp->egid = pm->egid;
		return OK;
	case VFS_PM_SETSID:
		if ((fp = fp_get_or_add(pm->endpt)) == NULL)
			return -ENFILE;
		fp->ctty_set = false;
		fp->leader = true;
		return OK;
	case VFS_PM_UNPAUSE:
		return pm_unpause(pm);
	case VFS_PM_REBOOT:
		mount_reboot();
		return OK;
	default:
		return -ENOSYS;
	}
}
