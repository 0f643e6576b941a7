// SPDX-License-Identifier: BSD-2-Clause
/*
 * Directory entries: mkdir, rmdir, unlink, rename, link, symlink and
 * readlink.  Each resolves the parent directory of its last component,
 * checks write and search permission there (and a writable mount), then
 * asks the FS; renames and links across mounts fail with -EXDEV.
 */
#include "vfs.h"

#define TYPE_OF(vn) ((vn)->mode & VFS_S_IFMT)

/* May fp change entries of dir? */
static int dir_writable(struct fproc *fp, struct vnode *dir)
{
	if (!vn_perm(fp, dir, PERM_W | PERM_X))
		return -EACCES;
	return dir->vmnt->rdonly ? -EROFS : OK;
}

/* The parent of the user's path and its last component, checked. */
static int parent_of(struct fproc *fp, vir_bytes addr, vir_bytes len,
		     struct vnode **dir, char *last, bool *slash)
{
	int r = path_user_parent(fp, addr, len, dir, last, slash);

	if (r < 0)
		return r;
	if ((r = dir_writable(fp, *dir)) < 0)
		vn_put(*dir);
	return r;
}

int do_mkdir(struct fproc *fp, message *m)
{
	char last[VFS_NAME_MAX + 1];
	struct vnode *dir, *vn;
	message fm = { 0 };
	int r = parent_of(fp, m->vfs_path.path, m->vfs_path.path_len, &dir,
			  last, NULL);

	if (r < 0)
		return r == -EINVAL ? -EEXIST : r;
	fm.fs_rq.mode = VFS_S_IFDIR | (m->vfs_path.mode & 07777 & ~fp->umask);
	fm.fs_rq.uid = fp->euid;
	fm.fs_rq.gid = fp->egid;
	r = fs_name_call(dir, FS_MKDIR, last, &fm);
	if (r >= 0 && (vn = vn_from_node(dir->vmnt, &fm.fs_node)) != NULL)
		vn_put(vn); /* return the reference the FS handed out */
	vn_put(dir);
	return r < 0 ? r : OK;
}

/* Is the entry `name` of dir something that must not be removed? */
static int check_victim(struct fproc *fp, const char *path)
{
	struct vnode *vn;
	int r = path_resolve(fp, path, 0, &vn, NULL, NULL);

	if (r < 0)
		return r;
	if (vn == root_vnode || (vn->vmnt != NULL && vn == vn->vmnt->root))
		r = -EBUSY;
	vn_put(vn);
	return r;
}

static int remove_entry(struct fproc *fp, message *m, int type)
{
	static char path[VFS_PATH_MAX];
	char last[VFS_NAME_MAX + 1];
	struct vnode *dir;
	message fm = { 0 };
	bool slash;
	int r;

	if ((r = path_copy_in(fp->endpt, m->vfs_path.path, m->vfs_path.path_len,
			      path)) < 0)
		return r;
	if (type == FS_RMDIR && (r = check_victim(fp, path)) < 0)
		return r;
	if ((r = path_resolve(fp, path, LK_PARENT, &dir, last, &slash)) < 0)
		return r;
	if ((r = dir_writable(fp, dir)) == OK)
		r = fs_name_call(dir, type, last, &fm);
	vn_put(dir);
	return r < 0 ? r : OK;
}

int do_rmdir(struct fproc *fp, message *m)
{
	return remove_entry(fp, m, FS_RMDIR);
}

int do_unlink(struct fproc *fp, message *m)
{
	return remove_entry(fp, m, FS_UNLINK);
}

/* A call naming (dir, name) and a second name grant. */
static int two_name_call(struct vnode *dir, int type, const char *name,
			 const char *name2, message *fm)
{
	size_t len2 = strlen(name2) + 1;
	cp_grant_id_t g =
		cpf_grant_direct(dir->fs_e, (vir_bytes)name2, len2, CPF_READ);
	int r;

	if (g == GRANT_INVALID)
		return -ENOMEM;
	fm->fs_rq.name2 = g;
	fm->fs_rq.name2_len = (uint32_t)len2;
	r = fs_name_call(dir, type, name, fm);
	cpf_revoke(g);
	return r;
}

int do_rename(struct fproc *fp, message *m)
{
	const struct vfs_path2_msg *p = &m->vfs_path2;
	char last1[VFS_NAME_MAX + 1], last2[VFS_NAME_MAX + 1];
	struct vnode *d1, *d2;
	message fm = { 0 };
	int r = parent_of(fp, p->path1, p->path1_len, &d1, last1, NULL);

	if (r < 0)
		return r;
	if ((r = parent_of(fp, p->path2, p->path2_len, &d2, last2, NULL)) < 0) {
		vn_put(d1);
		return r;
	}
	if (d1->vmnt != d2->vmnt) {
		r = -EXDEV;
	} else {
		fm.fs_rq.ino = d2->ino;
		r = two_name_call(d1, FS_RENAME, last1, last2, &fm);
	}
	vn_put(d1);
	vn_put(d2);
	return r < 0 ? r : OK;
}

int do_link(struct fproc *fp, message *m)
{
	const struct vfs_path2_msg *p = &m->vfs_path2;
	char last[VFS_NAME_MAX + 1];
	struct vnode *vn, *dir;
	message fm = { 0 };
	int r = path_user(fp, p->path1, p->path1_len, 0, &vn);

	if (r < 0)
		return r;
	if (TYPE_OF(vn) == VFS_S_IFDIR) {
		vn_put(vn);
		return -EPERM;
	}
	if ((r = parent_of(fp, p->path2, p->path2_len, &dir, last, NULL)) < 0) {
		vn_put(vn);
		return r;
	}
	if (dir->vmnt != vn->vmnt) {
		r = -EXDEV;
	} else {
		fm.fs_rq.ino = vn->ino;
		r = fs_name_call(dir, FS_LINK, last, &fm);
	}
	vn_put(dir);
	vn_put(vn);
	return r < 0 ? r : OK;
}

int do_symlink(struct fproc *fp, message *m)
{
	static char target[VFS_PATH_MAX];
	const struct vfs_path2_msg *p = &m->vfs_path2;
	char last[VFS_NAME_MAX + 1];
	struct vnode *dir;
	message fm = { 0 };
	int r = path_copy_in(fp->endpt, p->path1, p->path1_len, target);

	if (r < 0)
		return r;
	if ((r = parent_of(fp, p->path2, p->path2_len, &dir, last, NULL)) < 0)
		return r;
	fm.fs_rq.mode = VFS_S_IFLNK | 0777;
	fm.fs_rq.uid = fp->euid;
	fm.fs_rq.gid = fp->egid;
	r = two_name_call(dir, FS_SYMLINK, last, target, &fm);
	vn_put(dir);
	return r < 0 ? r : OK;
}

int do_readlink(struct fproc *fp, message *m)
{
	static char text[VFS_PATH_MAX];
	struct vnode *vn;
	message fm = { 0 };
	size_t want = m->vfs_path.buf_len;
	int r = path_user(fp, m->vfs_path.path, m->vfs_path.path_len, 0, &vn);

	if (r < 0)
		return r;
	if (TYPE_OF(vn) != VFS_S_IFLNK)
		r = -EINVAL;
	else
		r = fs_data_call(vn, FS_RDLINK, text, sizeof(text), CPF_WRITE,
				 &fm);
	vn_put(vn);
	if (r < 0)
		return r;
	if ((size_t)r > want)
		r = (int)want;
	if (r > 0 && sys_vircopy(SELF, (vir_bytes)text, fp->endpt,
				 m->vfs_path.buf, (vir_bytes)r) != OK)
		return -EFAULT;
	return r;
}
