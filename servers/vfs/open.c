// SPDX-License-Identifier: BSD-2-Clause
/*
 * Descriptors: open (lookup or create, permission checks, truncation,
 * the device open of a device node), close, dup, dup2 and fcntl.
 */
#include "vfs.h"

#define TYPE_OF(vn) ((vn)->mode & VFS_S_IFMT)

int open_install(struct fproc *fp, int fd, struct vnode *vn, int32_t flags)
{
	struct filp *f = filp_alloc(vn, flags & ~VFS_O_CLOEXEC);

	if (f == NULL) {
		vn_put(vn);
		return -ENFILE;
	}
	fp->fd[fd] = f;
	if (flags & VFS_O_CLOEXEC)
		fp->cloexec |= 1u << fd;
	else
		fp->cloexec &= ~(1u << fd);
	return fd;
}

/* Create regular file `name` in dir (a reference that is dropped). */
static int create_file(struct fproc *fp, struct vnode *dir, const char *name,
		       uint32_t mode, struct vnode **res)
{
	message m = { 0 };
	int r;

	if (!vn_perm(fp, dir, PERM_W | PERM_X))
		r = -EACCES;
	else if (dir->vmnt->rdonly)
		r = -EROFS;
	else {
		m.fs_rq.mode = VFS_S_IFREG | (mode & 07777 & ~fp->umask);
		m.fs_rq.uid = fp->euid;
		m.fs_rq.gid = fp->egid;
		r = fs_name_call(dir, FS_CREATE, name, &m);
	}
	if (r >= 0 && (*res = vn_from_node(dir->vmnt, &m.fs_node)) == NULL)
		r = -ENFILE;
	vn_put(dir);
	return r < 0 ? r : OK;
}

/* The file to open: looked up, or created with O_CREAT. */
static int open_lookup(struct fproc *fp, const char *path, int32_t flags,
		       uint32_t mode, struct vnode **vn, bool *created)
{
	char last[VFS_NAME_MAX + 1];
	struct vnode *dir;
	bool slash;
	int r = path_resolve(fp, path, (flags & VFS_O_NOFOLLOW) ? 0 : LK_FOLLOW,
			     vn, NULL, NULL);

	*created = false;
	if (r == OK && (flags & VFS_O_CREAT) && (flags & VFS_O_EXCL)) {
		vn_put(*vn);
		return -EEXIST;
	}
	if (r != -ENOENT || !(flags & VFS_O_CREAT))
		return r;
	if ((r = path_resolve(fp, path, LK_PARENT, &dir, last, &slash)) < 0)
		return r;
	if (slash) {
		vn_put(dir);
		return -EISDIR;
	}
	*created = true;
	return create_file(fp, dir, last, mode, vn);
}

/* May fp open vn with flags?  Truncates when asked. */
static int open_check(struct fproc *fp, struct vnode *vn, int32_t flags,
		      bool created)
{
	int acc = flags & VFS_O_ACCMODE;
	bool wr = acc == VFS_O_WRONLY || acc == VFS_O_RDWR;
	int want = (acc != VFS_O_WRONLY ? PERM_R : 0) | (wr ? PERM_W : 0);
	message m = { 0 };

	if (TYPE_OF(vn) == VFS_S_IFLNK)
		return -ELOOP;
	if ((flags & VFS_O_DIRECTORY) && TYPE_OF(vn) != VFS_S_IFDIR)
		return -ENOTDIR;
	if (TYPE_OF(vn) == VFS_S_IFDIR && wr)
		return -EISDIR;
	if (!created && !vn_perm(fp, vn, want))
		return -EACCES;
	if (wr && vn->vmnt != NULL && vn->vmnt->rdonly &&
	    TYPE_OF(vn) != VFS_S_IFCHR && TYPE_OF(vn) != VFS_S_IFBLK)
		return -EROFS;
	if (TYPE_OF(vn) == VFS_S_IFIFO || TYPE_OF(vn) == VFS_S_IFSOCK)
		return -ENXIO; /* named pipes are not supported */
	if (wr && (flags & VFS_O_TRUNC) && TYPE_OF(vn) == VFS_S_IFREG &&
	    vn->size != 0) {
		m.fs_rq.ino = vn->ino;
		int r = fs_call(vn->fs_e, FS_FTRUNC, &m);
		if (r < 0)
			return r;
		vn->size = 0;
	}
	return OK;
}

int do_open(struct fproc *fp, message *m)
{
	static char path[VFS_PATH_MAX];
	int32_t flags = m->vfs_path.flags;
	struct vnode *vn;
	bool created;
	int fd, r;

	if ((flags & VFS_O_ACCMODE) == VFS_O_ACCMODE)
		return -EINVAL;
	if ((r = path_copy_in(fp->endpt, m->vfs_path.path, m->vfs_path.path_len,
			      path)) < 0)
		return r;
	if ((fd = fd_alloc(fp, 0)) < 0)
		return fd;
	if ((r = open_lookup(fp, path, flags, m->vfs_path.mode, &vn,
			     &created)) < 0)
		return r;
	if ((r = open_check(fp, vn, flags, created)) < 0) {
		vn_put(vn);
		return r;
	}
	if ((r = open_install(fp, fd, vn, flags)) < 0)
		return r;
	if (TYPE_OF(vn) == VFS_S_IFCHR)
		return cdev_open(fp, fp->fd[fd], fd);
	return fd;
}

int do_close(struct fproc *fp, message *m)
{
	int fd = m->vfs_fd.fd;

	if (fd_filp(fp, fd) == NULL)
		return -EBADF;
	fd_close(fp, fd);
	return OK;
}

/* Make fd2 (free) refer to fd's description; cloexec is cleared. */
static int dup_to(struct fproc *fp, int fd, int fd2)
{
	filp_hold(fp->fd[fd]);
	fp->fd[fd2] = fp->fd[fd];
	fp->cloexec &= ~(1u << fd2);
	return fd2;
}

int do_dup(struct fproc *fp, message *m)
{
	int fd = m->vfs_fd.fd, fd2;

	if (fd_filp(fp, fd) == NULL)
		return -EBADF;
	if ((fd2 = fd_alloc(fp, 0)) < 0)
		return fd2;
	return dup_to(fp, fd, fd2);
}

int do_dup2(struct fproc *fp, message *m)
{
	int fd = m->vfs_fd.fd, fd2 = m->vfs_fd.fd2;

	if (fd_filp(fp, fd) == NULL || fd2 < 0 || fd2 >= VFS_OPEN_MAX)
		return -EBADF;
	if (fd == fd2)
		return fd2;
	if (fp->fd[fd2] != NULL)
		fd_close(fp, fd2);
	return dup_to(fp, fd, fd2);
}

#define SETFL_MASK (VFS_O_APPEND | VFS_O_NONBLOCK)

int do_fcntl(struct fproc *fp, message *m)
{
	const struct vfs_fcntl_msg *c = &m->vfs_fcntl;
	struct filp *f = fd_filp(fp, c->fd);
	int fd2;

	if (f == NULL)
		return -EBADF;
	switch (c->cmd) {
	case VFS_F_DUPFD:
		if (c->arg < 0 || c->arg >= VFS_OPEN_MAX)
			return -EINVAL;
		if ((fd2 = fd_alloc(fp, c->arg)) < 0)
			return fd2;
		return dup_to(fp, c->fd, fd2);
	case VFS_F_GETFD:
		return (fp->cloexec >> c->fd) & 1 ? VFS_FD_CLOEXEC : 0;
	case VFS_F_SETFD:
		if (c->arg & VFS_FD_CLOEXEC)
			fp->cloexec |= 1u << c->fd;
		else
			fp->cloexec &= ~(1u << c->fd);
		return OK;
	case VFS_F_GETFL:
		return f->flags;
	case VFS_F_SETFL:
		f->flags = (f->flags & ~SETFL_MASK) | (c->arg & SETFL_MASK);
		return OK;
	default:
		return -EINVAL;
	}
}
