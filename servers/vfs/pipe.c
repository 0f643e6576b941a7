// SPDX-License-Identifier: BSD-2-Clause
/*
 * Pipes, held in VFS memory: a pool of ring buffers (ring.c), each behind
 * an anonymous vnode shared by a read and a write description.  A reader
 * of an empty pipe and a writer of a full one are suspended (SUSP_PIPE)
 * and retried whenever the pipe changes.  No writers left: reads see end
 * of file.  No readers left: a write fails with -EPIPE and the writer
 * gets SIGPIPE (PM_SRV_KILL).  O_NONBLOCK gives -EAGAIN instead of a
 * wait.  Writes of at most RING_SIZE bytes are atomic.
 */
#include "vfs.h"

struct pipe {
	bool in_use;
	int readers, writers;
	struct ring ring;
};

static struct pipe pipes[NR_PIPES];

static struct pipe *pipe_of(const struct vnode *vn)
{
	return &pipes[vn->pipe];
}

static void send_sigpipe(struct fproc *fp)
{
	message m = { 0 };

	if (fp->pid <= 0)
		return; /* a process PM never told us about */
	m.m_type = PM_SRV_KILL;
	m.pm_kill.pid = fp->pid;
	m.pm_kill.sig = SIGPIPE;
	if (asynsend(PM_PROC_NR, &m) != OK)
		printf("vfs: SIGPIPE for %d not sent\n", fp->pid);
}

/* Move up to len bytes from the user into the ring; bytes or -EFAULT. */
static int copy_in(struct ring *r, endpoint_t e, vir_bytes buf, size_t len)
{
	size_t done = 0, n;
	uint8_t *at;

	while (done < len && (n = ring_write_span(r, &at)) > 0) {
		if (n > len - done)
			n = len - done;
		if (sys_vircopy(e, buf + done, SELF, (vir_bytes)at, n) != OK)
			return done > 0 ? (int)done : -EFAULT;
		ring_commit_write(r, n);
		done += n;
	}
	return (int)done;
}

static int copy_out(struct ring *r, endpoint_t e, vir_bytes buf, size_t len)
{
	size_t done = 0, n;
	uint8_t *at;

	while (done < len && (n = ring_read_span(r, &at)) > 0) {
		if (n > len - done)
			n = len - done;
		if (sys_vircopy(SELF, (vir_bytes)at, e, buf + done, n) != OK)
			return done > 0 ? (int)done : -EFAULT;
		ring_commit_read(r, n);
		done += n;
	}
	return (int)done;
}

/*
 * One attempt at fp's transfer (done bytes already moved): the result to
 * answer, or -EDONTREPLY while it must wait.
 */
static int attempt(struct fproc *fp, struct filp *f, bool write, vir_bytes buf,
		   size_t len, size_t done)
{
	struct pipe *p = pipe_of(f->vn);
	bool nonblock = (f->flags & VFS_O_NONBLOCK) != 0;
	int n;

	if (!write) {
		if (p->ring.len == 0)
			return p->writers == 0 ? 0 :
			       nonblock	       ? -EAGAIN :
						 -EDONTREPLY;
		return copy_out(&p->ring, fp->endpt, buf, len);
	}
	if (p->readers == 0) {
		send_sigpipe(fp);
		return done > 0 ? (int)done : -EPIPE;
	}
	if (len - done <= RING_SIZE && RING_SIZE - p->ring.len < len - done)
		return nonblock ? (done > 0 ? (int)done : -EAGAIN) :
				  -EDONTREPLY;
	if ((n = copy_in(&p->ring, fp->endpt, buf + done, len - done)) < 0)
		return done > 0 ? (int)done : n;
	done += (size_t)n;
	if (done == len || nonblock)
		return done > 0 ? (int)done : -EAGAIN;
	fp->susp_done_bytes = done;
	return -EDONTREPLY;
}

/* Retry every process waiting on vn's pipe, until none makes progress. */
static void pipe_wakeup(struct vnode *vn)
{
	bool progress = true;

	while (progress) {
		progress = false;
		for (int i = 0; i < NR_FPROCS; i++) {
			struct fproc *fp = &fproc[i];
			if (!fp->in_use || fp->susp != SUSP_PIPE ||
			    fp->susp_vn != vn)
				continue;
			size_t before = fp->susp_done_bytes;
			const struct vfs_io_msg *io = &fp->susp_msg.vfs_io;
			int r = attempt(fp, fp->susp_filp, fp->susp_id != 0,
					io->buf, io->len, before);
			if (r == -EDONTREPLY) {
				progress |= fp->susp_done_bytes != before;
				continue;
			}
			fp->susp = SUSP_NONE;
			vfs_reply(fp->endpt, r, NULL);
			progress = true;
		}
	}
	select_wakeup();
}

int pipe_io(struct fproc *fp, struct filp *f, bool write, vir_bytes buf,
	    size_t len)
{
	int r;

	if (len == 0)
		return 0;
	if (len > 0x7fffffff)
		len = 0x7fffffff;
	fp->susp_done_bytes = 0;
	r = attempt(fp, f, write, buf, len, 0);
	if (r == -EDONTREPLY) {
		fp->susp = SUSP_PIPE;
		fp->susp_vn = f->vn;
		fp->susp_filp = f;
		fp->susp_id = write;
		fp->susp_msg.vfs_io =
			(struct vfs_io_msg){ .buf = buf, .len = len };
	}
	if (r > 0)
		pipe_wakeup(f->vn);
	return r;
}

int do_pipe(struct fproc *fp, message *m)
{
	int32_t extra = m->vfs_pipe.flags & (VFS_O_NONBLOCK | VFS_O_CLOEXEC);
	int fd0 = fd_alloc(fp, 0), fd1, slot = -1;
	struct vnode *vn;

	if (fd0 < 0)
		return fd0;
	if ((fd1 = fd_alloc(fp, fd0 + 1)) < 0) /* fd0 is the lowest free */
		return fd1;
	for (int i = 0; i < NR_PIPES && slot < 0; i++)
		if (!pipes[i].in_use)
			slot = i;
	if (slot < 0 || (vn = vn_alloc_pipe()) == NULL)
		return -ENFILE;
	vn->pipe = slot;
	vn->ino = (uint32_t)slot + 1;
	pipes[slot] =
		(struct pipe){ .in_use = true, .readers = 1, .writers = 1 };
	ring_init(&pipes[slot].ring);
	vn_hold(vn);
	if (open_install(fp, fd0, vn, VFS_O_RDONLY | extra) < 0) {
		pipes[slot].in_use = false;
		vn_put(vn);
		return -ENFILE;
	}
	if (open_install(fp, fd1, vn, VFS_O_WRONLY | extra) < 0) {
		pipes[slot].writers = 0;
		fd_close(fp, fd0);
		return -ENFILE;
	}
	m->vfs_pipe.fd_read = fd0;
	m->vfs_pipe.fd_write = fd1;
	return OK;
}

void pipe_release(struct vnode *vn, int32_t flags)
{
	struct pipe *p = pipe_of(vn);

	if ((flags & VFS_O_ACCMODE) == VFS_O_RDONLY)
		p->readers--;
	else
		p->writers--;
	if (p->readers == 0 && p->writers == 0)
		p->in_use = false;
	else
		pipe_wakeup(vn);
}

void pipe_cancel(struct fproc *fp)
{
	fp->susp = SUSP_NONE;
}

uint32_t pipe_ready(struct vnode *vn, uint32_t ops)
{
	struct pipe *p = pipe_of(vn);
	uint32_t ready = 0;

	if ((ops & CDEV_OP_RD) && (p->ring.len > 0 || p->writers == 0))
		ready |= CDEV_OP_RD;
	if ((ops & CDEV_OP_WR) && (p->ring.len < RING_SIZE || p->readers == 0))
		ready |= CDEV_OP_WR;
	return ready;
}

void pipe_stat(struct vnode *vn, struct vfs_stat *st)
{
	st->ino = vn->ino;
	st->mode = VFS_S_IFIFO | 0600;
	st->nlink = 1;
	st->size_lo = pipe_of(vn)->ring.len;
	st->blksize = RING_SIZE;
}
