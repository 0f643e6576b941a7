// SPDX-License-Identifier: BSD-2-Clause
/*
 * select over descriptors 0..31 (uint32_t bitmaps).  Regular files and
 * directories are always ready, pipes by their state, character devices
 * by asking their driver (CDEV_SELECT with CDEV_NOTIFY, answered by
 * CDEV_SEL_REPLY now and again later when something becomes ready).  A
 * select that finds nothing ready waits (SUSP_SELECT) for a pipe change,
 * a device notification or its timeout (a libsys timer); the answer is
 * the count of ready bits, the ready sets written back to the caller.
 * A device whose driver instance is gone (stale, or lost while we wait)
 * counts as ready for everything asked, so the next operation on it
 * reports the -EIO.
 */
#include "vfs.h"

#define TYPE_OF(vn) ((vn)->mode & VFS_S_IFMT)

static const uint32_t op_of[3] = { CDEV_OP_RD, CDEV_OP_WR, CDEV_OP_ERR };
static uint32_t next_sel_id = 0x80000000u; /* apart from cdev ids */

static bool is_cdev(const struct filp *f)
{
	return f->vn->pipe < 0 && TYPE_OF(f->vn) == VFS_S_IFCHR;
}

/* The ops asked for descriptor fd. */
static uint32_t ops_for(const struct fproc *fp, int fd)
{
	uint32_t ops = 0;

	for (int s = 0; s < 3; s++)
		if (fp->sel_want[s] & (1u << fd))
			ops |= op_of[s];
	return ops;
}

static void mark_ready(struct fproc *fp, int fd, uint32_t ops)
{
	for (int s = 0; s < 3; s++)
		if ((ops & op_of[s]) && (fp->sel_want[s] & (1u << fd)))
			fp->sel_ready[s] |= 1u << fd;
}

/* Readiness of the descriptors VFS can judge itself. */
static void scan_local(struct fproc *fp)
{
	for (int fd = 0; fd < VFS_OPEN_MAX; fd++) {
		struct filp *f = fp->fd[fd];
		uint32_t ops = ops_for(fp, fd);
		if (ops == 0 || f == NULL || is_cdev(f))
			continue;
		if (f->vn->pipe >= 0)
			mark_ready(fp, fd, pipe_ready(f->vn, ops));
		else
			mark_ready(fp, fd, ops & (CDEV_OP_RD | CDEV_OP_WR));
	}
}

/* Answer fp's select with what is ready now. */
static void finish(struct fproc *fp)
{
	const struct vfs_select_msg *s = &fp->susp_msg.vfs_select;
	vir_bytes addr[3] = { s->readfds, s->writefds, s->exceptfds };
	int r = bits_count3(fp->sel_ready[0], fp->sel_ready[1],
			    fp->sel_ready[2]);

	if (fp->sel_timed)
		tmr_cancel(&fp->sel_timer);
	fp->sel_timed = false;
	for (int i = 0; i < 3 && r >= 0; i++)
		if (addr[i] != 0 &&
		    sys_vircopy(SELF, (vir_bytes)&fp->sel_ready[i], fp->endpt,
				addr[i], sizeof(uint32_t)) != OK)
			r = -EFAULT;
	fp->susp = SUSP_NONE;
	vfs_reply(fp->endpt, r, NULL);
}

static bool any_ready(const struct fproc *fp)
{
	return (fp->sel_ready[0] | fp->sel_ready[1] | fp->sel_ready[2]) != 0;
}

static void timeout(int arg)
{
	struct fproc *fp = &fproc[arg];

	fp->sel_timed = false;
	if (fp->in_use && fp->susp == SUSP_SELECT)
		finish(fp);
}

/* Copy in the sets and check every descriptor in them. */
static int read_sets(struct fproc *fp, const struct vfs_select_msg *s)
{
	vir_bytes addr[3] = { s->readfds, s->writefds, s->exceptfds };
	uint32_t mask = bits_below(s->nfds);

	if (s->nfds < 0 || s->nfds > VFS_OPEN_MAX)
		return -EINVAL;
	for (int i = 0; i < 3; i++) {
		fp->sel_want[i] = 0;
		fp->sel_ready[i] = 0;
		if (addr[i] != 0 && sys_vircopy(fp->endpt, addr[i], SELF,
						(vir_bytes)&fp->sel_want[i],
						sizeof(uint32_t)) != OK)
			return -EFAULT;
		fp->sel_want[i] &= mask;
	}
	for (int fd = 0; fd < VFS_OPEN_MAX; fd++)
		if (ops_for(fp, fd) != 0 && fp->fd[fd] == NULL)
			return -EBADF;
	return OK;
}

int do_select(struct fproc *fp, message *m)
{
	const struct vfs_select_msg *s = &m->vfs_select;
	int r = read_sets(fp, s);

	if (r < 0)
		return r;
	fp->susp_msg = *m;
	fp->susp_id = next_sel_id++;
	fp->sel_pending = 0;
	fp->sel_timed = false;
	scan_local(fp);
	for (int fd = 0; fd < VFS_OPEN_MAX; fd++) {
		struct filp *f = fp->fd[fd];
		uint32_t ops = ops_for(fp, fd);
		if (ops == 0 || !is_cdev(f))
			continue;
		if (cdev_stale(f))
			mark_ready(fp, fd, ops);
		else if (cdev_select(f->vn->rdev, ops | CDEV_NOTIFY,
				     fp->susp_id) == OK)
			fp->sel_pending++;
		else
			mark_ready(fp, fd, ops); /* let the read fail */
	}
	fp->susp = SUSP_SELECT;
	if (fp->sel_pending == 0 && (any_ready(fp) || s->timeout_ms == 0)) {
		finish(fp);
		return -EDONTREPLY;
	}
	if (s->timeout_ms > 0) {
		uint32_t ticks = ((uint32_t)s->timeout_ms * HZ + 999) / 1000;
		tmr_set(&fp->sel_timer, ticks ? ticks : 1, timeout,
			(int)(fp - fproc));
		fp->sel_timed = true;
	}
	return -EDONTREPLY;
}

void select_sel_reply(message *m)
{
	const struct cdev_reply *cr = &m->cdev_reply;

	for (int i = 0; i < NR_FPROCS; i++) {
		struct fproc *fp = &fproc[i];
		if (!fp->in_use || fp->susp != SUSP_SELECT ||
		    fp->susp_id != cr->id)
			continue;
		for (int fd = 0; fd < VFS_OPEN_MAX; fd++) {
			struct filp *f = fp->fd[fd];
			if (f != NULL && is_cdev(f) &&
			    dmap_driver(VFS_MAJOR(f->vn->rdev)) ==
				    m->m_source &&
			    (int32_t)VFS_MINOR(f->vn->rdev) == cr->minor &&
			    cr->status > 0)
				mark_ready(fp, fd, (uint32_t)cr->status);
		}
		if (fp->sel_pending > 0)
			fp->sel_pending--;
		if (fp->sel_pending == 0 &&
		    (any_ready(fp) || fp->susp_msg.vfs_select.timeout_ms == 0))
			finish(fp);
		return;
	}
}

void select_wakeup(void)
{
	for (int i = 0; i < NR_FPROCS; i++) {
		struct fproc *fp = &fproc[i];
		if (!fp->in_use || fp->susp != SUSP_SELECT)
			continue;
		scan_local(fp);
		if (any_ready(fp) && fp->sel_pending == 0)
			finish(fp);
	}
}

/* Selects watching a device of major: it is ready (to fail); answer. */
void select_driver_gone(uint32_t major)
{
	for (int i = 0; i < NR_FPROCS; i++) {
		struct fproc *fp = &fproc[i];
		bool hit = false;
		if (!fp->in_use || fp->susp != SUSP_SELECT)
			continue;
		for (int fd = 0; fd < VFS_OPEN_MAX; fd++) {
			struct filp *f = fp->fd[fd];
			uint32_t ops = ops_for(fp, fd);
			if (ops != 0 && f != NULL && is_cdev(f) &&
			    VFS_MAJOR(f->vn->rdev) == major) {
				mark_ready(fp, fd, ops);
				hit = true;
			}
		}
		if (hit)
			finish(fp); /* late answers then match nobody */
	}
}

void select_cancel(struct fproc *fp)
{
	if (fp->sel_timed)
		tmr_cancel(&fp->sel_timer);
	fp->sel_timed = false;
	fp->susp = SUSP_NONE;
}
