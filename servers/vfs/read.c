// SPDX-License-Identifier: BSD-2-Clause
/*
 * read, write, lseek and getdents.  Regular files and directories go to
 * their FS server with a magic grant on the user's buffer (revoked when
 * the FS answers); pipes are served from VFS memory (pipe.c); character
 * devices through the asynchronous device protocol (device.c).
 */
#include "vfs.h"

#define TYPE_OF(vn) ((vn)->mode & VFS_S_IFMT)

static uint64_t pos_of(uint32_t lo, uint32_t hi)
{
	return ((uint64_t)hi << 32) | lo;
}

/* FS_READ, FS_WRITE or FS_GETDENTS of len bytes at f->pos for fp. */
static int fs_io(struct fproc *fp, struct filp *f, int type, vir_bytes buf,
		 size_t len)
{
	struct vnode *vn = f->vn;
	int access = type == FS_WRITE ? CPF_READ : CPF_WRITE;
	message m = { 0 };
	cp_grant_id_t g;
	int r;

	if (len == 0)
		return 0;
	if (len > 0x7fffffff)
		len = 0x7fffffff;
	g = cpf_grant_magic(vn->fs_e, fp->endpt, buf, len, access);
	if (g == GRANT_INVALID)
		return -ENOMEM;
	m.fs_rq.ino = vn->ino;
	m.fs_rq.grant = g;
	m.fs_rq.count = (uint32_t)len;
	m.fs_rq.pos_lo = (uint32_t)f->pos;
	m.fs_rq.pos_hi = (uint32_t)(f->pos >> 32);
	r = fs_call(vn->fs_e, type, &m);
	cpf_revoke(g);
	if (r < 0)
		return r;
	if (type == FS_GETDENTS)
		f->pos = pos_of(m.fs_node.pos_lo, m.fs_node.pos_hi);
	else
		f->pos += (uint32_t)r;
	if (type == FS_WRITE && f->pos > vn->size)
		vn->size = f->pos;
	return r;
}

static int rw(struct fproc *fp, message *m, bool write)
{
	const struct vfs_io_msg *io = &m->vfs_io;
	struct filp *f = fd_filp(fp, io->fd);
	int acc;

	if (f == NULL)
		return -EBADF;
	acc = f->flags & VFS_O_ACCMODE;
	if (write ? acc == VFS_O_RDONLY : acc == VFS_O_WRONLY)
		return -EBADF;
	if (f->vn->pipe >= 0)
		return pipe_io(fp, f, write, io->buf, io->len);
	switch (TYPE_OF(f->vn)) {
	case VFS_S_IFCHR:
		return cdev_io(fp, f, write ? CDEV_WRITE : CDEV_READ, io->buf,
			       io->len);
	case VFS_S_IFDIR:
		return -EISDIR;
	case VFS_S_IFREG:
		if (write && (f->flags & VFS_O_APPEND))
			f->pos = f->vn->size;
		return fs_io(fp, f, write ? FS_WRITE : FS_READ, io->buf,
			     io->len);
	default:
		return -ENOSYS; /* block devices: file system servers only */
	}
}

int do_read(struct fproc *fp, message *m)
{
	return rw(fp, m, false);
}

int do_write(struct fproc *fp, message *m)
{
	return rw(fp, m, true);
}

int do_lseek(struct fproc *fp, message *m)
{
	struct vfs_seek_msg *s = &m->vfs_seek;
	struct filp *f = fd_filp(fp, s->fd);
	int64_t off = (int64_t)pos_of(s->offset_lo, s->offset_hi), base;

	if (f == NULL)
		return -EBADF;
	if (f->vn->pipe >= 0)
		return -ESPIPE;
	switch (s->whence) {
	case VFS_SEEK_SET:
		base = 0;
		break;
	case VFS_SEEK_CUR:
		base = (int64_t)f->pos;
		break;
	case VFS_SEEK_END:
		base = (int64_t)f->vn->size;
		break;
	default:
		return -EINVAL;
	}
	if ((off < 0 && base + off < 0) || (off > 0 && base + off < base))
		return -EINVAL;
	f->pos = (uint64_t)(base + off);
	s->offset_lo = (uint32_t)f->pos;
	s->offset_hi = (uint32_t)(f->pos >> 32);
	return OK;
}

int do_getdents(struct fproc *fp, message *m)
{
	const struct vfs_io_msg *io = &m->vfs_io;
	struct filp *f = fd_filp(fp, io->fd);

	if (f == NULL)
		return -EBADF;
	if (f->vn->pipe >= 0 || TYPE_OF(f->vn) != VFS_S_IFDIR)
		return -ENOTDIR;
	return fs_io(fp, f, FS_GETDENTS, io->buf, io->len);
}
