// SPDX-License-Identifier: BSD-2-Clause
/*
 * Attributes: stat/lstat/fstat, chmod, chown, utime, truncate and
 * ftruncate, access, umask, statvfs and sync.  Owners and root may
 * change modes and times; only root changes owners.
 */
#include "vfs.h"

#define TYPE_OF(vn) ((vn)->mode & VFS_S_IFMT)

/* Write vn's stat to the user's buf. */
static int stat_out(struct fproc *fp, struct vnode *vn, vir_bytes buf,
		    vir_bytes len)
{
	struct vfs_stat st = { 0 };
	message m = { 0 };
	int r;

	if (len < sizeof(st))
		return -EINVAL;
	if (vn->pipe >= 0)
		pipe_stat(vn, &st);
	else if ((r = fs_data_call(vn, FS_STAT, &st, sizeof(st), CPF_WRITE,
				   &m)) < 0)
		return r;
	if (sys_vircopy(SELF, (vir_bytes)&st, fp->endpt, buf, sizeof(st)) != OK)
		return -EFAULT;
	return OK;
}

static int stat_path(struct fproc *fp, message *m, int flags)
{
	struct vnode *vn;
	int r = path_user(fp, m->vfs_path.path, m->vfs_path.path_len, flags,
			  &vn);

	if (r < 0)
		return r;
	r = stat_out(fp, vn, m->vfs_path.buf, m->vfs_path.buf_len);
	vn_put(vn);
	return r;
}

int do_stat(struct fproc *fp, message *m)
{
	return stat_path(fp, m, LK_FOLLOW);
}

int do_lstat(struct fproc *fp, message *m)
{
	return stat_path(fp, m, 0);
}

int do_fstat(struct fproc *fp, message *m)
{
	struct filp *f = fd_filp(fp, m->vfs_io.fd);

	if (f == NULL)
		return -EBADF;
	return stat_out(fp, f->vn, m->vfs_io.buf, m->vfs_io.len);
}

/* The file of a path call, checked for a change by its owner or root. */
static int owned_file(struct fproc *fp, message *m, struct vnode **vn)
{
	int r = path_user(fp, m->vfs_path.path, m->vfs_path.path_len, LK_FOLLOW,
			  vn);

	if (r < 0)
		return r;
	if (fp->euid != 0 && (uint32_t)fp->euid != (*vn)->uid)
		r = -EPERM;
	else if ((*vn)->vmnt->rdonly)
		r = -EROFS;
	if (r < 0)
		vn_put(*vn);
	return r;
}

/* A request about vn alone; attributes are read again after it. */
static int attr_call(struct vnode *vn, int type, message *fm)
{
	int r;

	fm->fs_rq.ino = vn->ino;
	r = fs_call(vn->fs_e, type, fm);
	if (r >= 0)
		vn_refresh(vn);
	vn_put(vn);
	return r < 0 ? r : OK;
}

int do_chmod(struct fproc *fp, message *m)
{
	struct vnode *vn;
	message fm = { 0 };
	int r = owned_file(fp, m, &vn);

	if (r < 0)
		return r;
	fm.fs_rq.mode = m->vfs_path.mode & 07777;
	return attr_call(vn, FS_CHMOD, &fm);
}

int do_chown(struct fproc *fp, message *m)
{
	struct vnode *vn;
	message fm = { 0 };
	int r;

	if (fp->euid != 0)
		return -EPERM;
	if ((r = owned_file(fp, m, &vn)) < 0)
		return r;
	fm.fs_rq.uid = m->vfs_path.uid;
	fm.fs_rq.gid = m->vfs_path.gid;
	return attr_call(vn, FS_CHOWN, &fm);
}

static uint32_t now_seconds(void)
{
	struct sys_times_msg t;

	if (sys_times(NONE, &t) != OK)
		return 0;
	return (uint32_t)(t.uptime / HZ);
}

int do_utime(struct fproc *fp, message *m)
{
	struct vnode *vn;
	message fm = { 0 };
	int r = owned_file(fp, m, &vn);

	if (r < 0)
		return r;
	if (m->vfs_path.flags & VFS_UTIME_NOW) {
		fm.fs_rq.pos_lo = fm.fs_rq.pos_hi = now_seconds();
	} else {
		fm.fs_rq.pos_lo = m->vfs_path.atime;
		fm.fs_rq.pos_hi = m->vfs_path.mtime;
	}
	return attr_call(vn, FS_UTIME, &fm);
}

/* Truncate vn (a reference that is dropped) to size. */
static int truncate_vn(struct fproc *fp, struct vnode *vn, uint64_t size,
		       bool check_perm)
{
	message fm = { 0 };

	if (TYPE_OF(vn) != VFS_S_IFREG || vn->pipe >= 0) {
		int r = TYPE_OF(vn) == VFS_S_IFDIR ? -EISDIR : -EINVAL;
		vn_put(vn);
		return r;
	}
	if (check_perm && !vn_perm(fp, vn, PERM_W)) {
		vn_put(vn);
		return -EACCES;
	}
	fm.fs_rq.pos_lo = (uint32_t)size;
	fm.fs_rq.pos_hi = (uint32_t)(size >> 32);
	return attr_call(vn, FS_FTRUNC, &fm);
}

int do_truncate(struct fproc *fp, message *m)
{
	uint64_t size = ((uint64_t)m->vfs_path.offset_hi << 32) |
			m->vfs_path.offset_lo;
	struct vnode *vn;
	int r = path_user(fp, m->vfs_path.path, m->vfs_path.path_len, LK_FOLLOW,
			  &vn);

	if (r < 0)
		return r;
	if ((int64_t)size < 0) {
		vn_put(vn);
		return -EINVAL;
	}
	return truncate_vn(fp, vn, size, true);
}

int do_ftruncate(struct fproc *fp, message *m)
{
	uint64_t size = ((uint64_t)m->vfs_seek.offset_hi << 32) |
			m->vfs_seek.offset_lo;
	struct filp *f = fd_filp(fp, m->vfs_seek.fd);

	if (f == NULL || (f->flags & VFS_O_ACCMODE) == VFS_O_RDONLY)
		return f == NULL ? -EBADF : -EINVAL;
	if ((int64_t)size < 0)
		return -EINVAL;
	vn_hold(f->vn);
	return truncate_vn(fp, f->vn, size, false);
}

/* access() checks with the real ids. */
int do_access(struct fproc *fp, message *m)
{
	struct vnode *vn;
	int want = (int)(m->vfs_path.mode & 7), r;

	if (m->vfs_path.mode & ~7u)
		return -EINVAL;
	if ((r = path_user(fp, m->vfs_path.path, m->vfs_path.path_len,
			   LK_FOLLOW, &vn)) < 0)
		return r;
	if (!perm_permits(vn->mode, (int32_t)vn->uid, (int32_t)vn->gid, fp->uid,
			  fp->gid, want))
		r = -EACCES;
	vn_put(vn);
	return r;
}

int do_umask(struct fproc *fp, message *m)
{
	uint32_t old = fp->umask;

	fp->umask = m->vfs_path.mode & 0777;
	return (int)old;
}

int do_statvfs(struct fproc *fp, message *m)
{
	struct vfs_statvfs sv = { 0 };
	struct vnode *vn;
	message fm = { 0 };
	int r;

	if (m->vfs_path.buf_len < sizeof(sv))
		return -EINVAL;
	if ((r = path_user(fp, m->vfs_path.path, m->vfs_path.path_len,
			   LK_FOLLOW, &vn)) < 0)
		return r;
	r = vn->pipe >= 0 ? -EINVAL :
			    fs_data_call(vn, FS_STATVFS, &sv, sizeof(sv),
					 CPF_WRITE, &fm);
	if (r >= 0 && vn->vmnt->rdonly)
		sv.flags |= VFS_MNT_RDONLY;
	vn_put(vn);
	if (r < 0)
		return r;
	if (sys_vircopy(SELF, (vir_bytes)&sv, fp->endpt, m->vfs_path.buf,
			sizeof(sv)) != OK)
		return -EFAULT;
	return OK;
}

int do_sync(struct fproc *fp, message *m)
{
	(void)fp;
	(void)m;
	return mount_sync_all();
}
