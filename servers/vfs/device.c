// SPDX-License-Identifier: BSD-2-Clause
/*
 * Character devices, which never block VFS: every request (open, read,
 * write, ioctl) goes out with asynsend under a fresh id, and the caller
 * stays suspended until the driver's CDEV_REPLY with that id arrives;
 * then a completion function finishes the call and answers the caller.
 * User data moves through a magic grant on the caller's memory, revoked
 * when the answer comes.  Close is sent without waiting.  A suspended
 * call is cancelled with CDEV_CANCEL (signal, exit); its late answer
 * then matches nobody and is dropped.
 *
 * Driver recovery (dmap.c decides when an instance went away): every
 * call suspended on the lost instance of a major is answered -EIO at
 * once (cdev_driver_gone), so nobody waits for a dead driver, and each
 * open file description on that major is stale from then on: read,
 * write, ioctl and select fail with -EIO, close never reaches the
 * driver.  A stale file is recognised by its generation (filp.cdev_gen,
 * taken at open) differing from the major's (dmap_gen).  New opens reach
 * the new instance.
 */
#include "vfs.h"

static uint32_t next_id = 1;

static uint32_t new_id(void)
{
	if (next_id == 0)
		next_id = 1;
	return next_id++;
}

static void reply_status(struct fproc *fp, int status)
{
	vfs_reply(fp->endpt, status, NULL);
}

/* Send m to drv and suspend fp until the answer; done finishes. */
static int cdev_send(struct fproc *fp, struct filp *f, endpoint_t drv, int type,
		     message *m, cp_grant_id_t g, cdev_done_t done)
{
	int r;

	m->m_type = type;
	m->cdev_rq.minor = (int32_t)VFS_MINOR(f->vn->rdev);
	m->cdev_rq.id = new_id();
	m->cdev_rq.user = fp->endpt;
	m->cdev_rq.grant = g;
	if ((r = asynsend(drv, m)) != OK) {
		printf("vfs: request to driver %d failed: %d\n", drv, r);
		if (g != GRANT_INVALID)
			cpf_revoke(g);
		return -EIO;
	}
	fp->susp = SUSP_CDEV;
	fp->susp_id = m->cdev_rq.id;
	fp->susp_max = (type == CDEV_READ || type == CDEV_WRITE) ?
			       m->cdev_rq.count :
			       INT32_MAX;
	fp->susp_driver = drv;
	fp->susp_grant = g;
	fp->susp_done = done;
	fp->susp_filp = f;
	return -EDONTREPLY;
}

static void open_done(struct fproc *fp, int status)
{
	struct filp *f = fp->susp_filp;
	int fd = fp->susp_fd;

	if (status < 0) {
		fd_close(fp, fd);
		reply_status(fp, status);
		return;
	}
	f->cdev_open = true;
	if (VFS_MAJOR(f->vn->rdev) == TTY_MAJOR && fp->leader &&
	    !fp->ctty_set && !(f->flags & VFS_O_NOCTTY)) {
		fp->ctty_set = true;
		fp->ctty = f->vn->rdev;
	}
	reply_status(fp, fd);
}

/*
 * Open the device of f, just installed as fd: suspends fp, or fails
 * (having closed fd) when the driver is not up.
 */
int cdev_open(struct fproc *fp, struct filp *f, int fd)
{
	endpoint_t drv = dmap_driver(VFS_MAJOR(f->vn->rdev));
	int acc = f->flags & VFS_O_ACCMODE;
	message m = { 0 };

	if (drv == NONE) {
		fd_close(fp, fd);
		return -ENXIO;
	}
	f->cdev_gen = dmap_gen(VFS_MAJOR(f->vn->rdev));
	m.cdev_rq.access = (acc != VFS_O_WRONLY ? CDEV_R_BIT : 0) |
			   (acc != VFS_O_RDONLY ? CDEV_W_BIT : 0) |
			   ((f->flags & VFS_O_NOCTTY) ? CDEV_NOCTTY : 0);
	fp->susp_fd = fd;
	int r = cdev_send(fp, f, drv, CDEV_OPEN, &m, GRANT_INVALID, open_done);
	if (r != -EDONTREPLY)
		fd_close(fp, fd);
	return r;
}

/* f was opened on a driver instance that has gone away since. */
bool cdev_stale(const struct filp *f)
{
	return f->cdev_gen != dmap_gen(VFS_MAJOR(f->vn->rdev));
}

/* Close f's device, unless the instance that opened it is gone. */
void cdev_close(struct filp *f)
{
	endpoint_t drv = dmap_driver(VFS_MAJOR(f->vn->rdev));
	message m = { 0 };

	if (drv == NONE || cdev_stale(f))
		return;
	m.m_type = CDEV_CLOSE;
	m.cdev_rq.minor = (int32_t)VFS_MINOR(f->vn->rdev);
	m.cdev_rq.id = new_id();
	if (asynsend(drv, &m) != OK)
		printf("vfs: close of device 0x%x failed\n",
		       (unsigned)f->vn->rdev);
}

static void io_done(struct fproc *fp, int status)
{
	if (status > 0)
		fp->susp_filp->pos += (uint32_t)status;
	reply_status(fp, status);
}

int cdev_io(struct fproc *fp, struct filp *f, int type, vir_bytes buf,
	    size_t len)
{
	endpoint_t drv = dmap_driver(VFS_MAJOR(f->vn->rdev));
	message m = { 0 };
	cp_grant_id_t g;

	if (cdev_stale(f))
		return -EIO;
	if (drv == NONE)
		return -ENXIO;
	if (len == 0)
		return 0;
	if (len > 0x7fffffff)
		len = 0x7fffffff;
	g = cpf_grant_magic(drv, fp->endpt, buf, len,
			    type == CDEV_READ ? CPF_WRITE : CPF_READ);
	if (g == GRANT_INVALID)
		return -ENOMEM;
	m.cdev_rq.count = (uint32_t)len;
	m.cdev_rq.pos_lo = (uint32_t)f->pos;
	m.cdev_rq.pos_hi = (uint32_t)(f->pos >> 32);
	m.cdev_rq.flags = (f->flags & VFS_O_NONBLOCK) ? CDEV_NONBLOCK : 0;
	return cdev_send(fp, f, drv, type, &m, g, io_done);
}

/* Bytes the argument of ioctl request carries, or 0 if unknown. */
static size_t ioctl_size(uint32_t request)
{
	switch (request) {
	case TTY_TCGETS:
	case TTY_TCSETS:
	case TTY_TCSETSW:
	case TTY_TCSETSF:
		return sizeof(struct tty_termios);
	case TTY_TIOCGPGRP:
	case TTY_TIOCSPGRP:
		return sizeof(int32_t);
	case TTY_TIOCGWINSZ:
		return sizeof(struct tty_winsize);
	default:
		return 0;
	}
}

int do_ioctl(struct fproc *fp, message *m)
{
	const struct vfs_ioctl_msg *io = &m->vfs_ioctl;
	struct filp *f = fd_filp(fp, io->fd);
	size_t size = ioctl_size(io->request);
	message dm = { 0 };
	endpoint_t drv;
	cp_grant_id_t g;

	if (f == NULL)
		return -EBADF;
	if (f->vn->pipe >= 0 || (f->vn->mode & VFS_S_IFMT) != VFS_S_IFCHR ||
	    size == 0)
		return -ENOTTY;
	if (cdev_stale(f))
		return -EIO;
	if ((drv = dmap_driver(VFS_MAJOR(f->vn->rdev))) == NONE)
		return -ENXIO;
	g = cpf_grant_magic(drv, fp->endpt, io->arg, size,
			    CPF_READ | CPF_WRITE);
	if (g == GRANT_INVALID)
		return -ENOMEM;
	dm.cdev_rq.request = io->request;
	dm.cdev_rq.count = (uint32_t)size;
	dm.cdev_rq.flags = (f->flags & VFS_O_NONBLOCK) ? CDEV_NONBLOCK : 0;
	return cdev_send(fp, f, drv, CDEV_IOCTL, &dm, g, reply_status);
}

/*
 * A driver's status, not trusted: a count larger than the request's, or
 * a negative value that is no error number (EBADEPT is the largest),
 * becomes -EIO, as if the driver had failed.
 */
static int32_t sane_status(const struct fproc *fp, int32_t status)
{
	if (status < -EBADEPT ||
	    (status > 0 && (uint32_t)status > fp->susp_max)) {
		printf("vfs: driver %d answered %d: taken as EIO\n",
		       fp->susp_driver, status);
		return -EIO;
	}
	return status;
}

void cdev_reply(message *m)
{
	const struct cdev_reply *cr = &m->cdev_reply;

	for (int i = 0; i < NR_FPROCS; i++) {
		struct fproc *fp = &fproc[i];
		if (!fp->in_use || fp->susp != SUSP_CDEV ||
		    fp->susp_id != cr->id || fp->susp_driver != m->m_source)
			continue;
		if (fp->susp_grant != GRANT_INVALID)
			cpf_revoke(fp->susp_grant);
		fp->susp_grant = GRANT_INVALID;
		fp->susp = SUSP_NONE;
		fp->susp_done(fp, sane_status(fp, cr->status));
		return;
	}
}

/*
 * The driver instance serving major went away: every call suspended on
 * it fails with -EIO now (an open also loses its descriptor), and so
 * does a select watching a device of major.
 */
void cdev_driver_gone(uint32_t major)
{
	for (int i = 0; i < NR_FPROCS; i++) {
		struct fproc *fp = &fproc[i];
		if (!fp->in_use || fp->susp != SUSP_CDEV ||
		    VFS_MAJOR(fp->susp_filp->vn->rdev) != major)
			continue;
		if (fp->susp_grant != GRANT_INVALID)
			cpf_revoke(fp->susp_grant);
		fp->susp_grant = GRANT_INVALID;
		fp->susp = SUSP_NONE;
		fp->susp_done(fp, -EIO);
	}
	select_driver_gone(major);
}

void cdev_cancel(struct fproc *fp)
{
	message m = { 0 };

	m.m_type = CDEV_CANCEL;
	m.cdev_rq.minor = (int32_t)VFS_MINOR(fp->susp_filp->vn->rdev);
	m.cdev_rq.id = fp->susp_id;
	if (asynsend(fp->susp_driver, &m) != OK)
		printf("vfs: cancel to driver %d failed\n", fp->susp_driver);
	if (fp->susp_grant != GRANT_INVALID)
		cpf_revoke(fp->susp_grant);
	fp->susp_grant = GRANT_INVALID;
	if (fp->susp_done == open_done)
		fd_close(fp, fp->susp_fd);
	fp->susp = SUSP_NONE;
}

int cdev_select(uint32_t dev, uint32_t ops, uint32_t id)
{
	endpoint_t drv = dmap_driver(VFS_MAJOR(dev));
	message m = { 0 };

	if (drv == NONE)
		return -ENXIO;
	m.m_type = CDEV_SELECT;
	m.cdev_rq.minor = (int32_t)VFS_MINOR(dev);
	m.cdev_rq.id = id;
	m.cdev_rq.ops = ops;
	return asynsend(drv, &m) == OK ? OK : -EIO;
}
