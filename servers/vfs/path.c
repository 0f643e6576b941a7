// SPDX-License-Identifier: BSD-2-Clause
/*
 * Path lookup: a path is walked one component at a time with FS_LOOKUP,
 * so VFS sees every mount point (crossed downwards onto the mounted root,
 * upwards from a mounted root to the directory it covers before "..")
 * and every symlink (spliced into the rest of the path, at most
 * SYMLOOP_MAX of them).  Searching a directory needs execute permission
 * for the caller's effective ids.  A trailing slash demands a directory.
 * Also chdir, fchdir and getcwd, which are about directories of paths.
 *
 * Until a root file system is mounted every lookup fails with -ENOENT.
 */
#include "vfs.h"

struct vnode *root_vnode;

#define S_ISDIR_V(vn) (((vn)->mode & VFS_S_IFMT) == VFS_S_IFDIR)
#define S_ISLNK_V(vn) (((vn)->mode & VFS_S_IFMT) == VFS_S_IFLNK)

static char walk_buf[VFS_PATH_MAX];
static char link_buf[VFS_PATH_MAX];

int path_copy_in(endpoint_t e, vir_bytes addr, vir_bytes len, char *buf)
{
	int r;

	if (len > VFS_PATH_MAX)
		return -ENAMETOOLONG;
	if (len == 0)
		return -EINVAL;
	if ((r = sys_vircopy(e, addr, SELF, (vir_bytes)buf, len)) != OK)
		return -EFAULT;
	if (buf[len - 1] != '\0')
		return -EINVAL;
	return buf[0] == '\0' ? -ENOENT : OK;
}

static struct vnode *proc_root(const struct fproc *fp)
{
	return fp->root != NULL ? fp->root : root_vnode;
}

/* Where a lookup starts, with a reference. */
static struct vnode *start_dir(const struct fproc *fp, bool absolute)
{
	struct vnode *vn = absolute || fp->cwd == NULL ? proc_root(fp) :
							 fp->cwd;
	vn_hold(vn);
	return vn;
}

/* vn, or the root mounted on it (repeatedly); the reference moves. */
static struct vnode *cross_down(struct vnode *vn)
{
	while (vn->mounted != NULL) {
		struct vnode *root = vn->mounted->root;
		vn_hold(root);
		vn_put(vn);
		vn = root;
	}
	return vn;
}

/* The child `name` of directory dir, with a reference, into *next. */
static int step(struct fproc *fp, struct vnode *dir, const char *name,
		struct vnode **next)
{
	message m = { 0 };
	struct vnode *vn;
	int r;

	if (!S_ISDIR_V(dir))
		return -ENOTDIR;
	if (!vn_perm(fp, dir, PERM_X))
		return -EACCES;
	if (strcmp(name, ".") == 0 ||
	    (strcmp(name, "..") == 0 && dir == proc_root(fp))) {
		vn_hold(dir);
		*next = dir;
		return OK;
	}
	if (strcmp(name, "..") == 0)
		while (dir->vmnt != NULL && dir == dir->vmnt->root &&
		       dir->vmnt->mounted_on != NULL)
			dir = dir->vmnt->mounted_on;
	if ((r = fs_name_call(dir, FS_LOOKUP, name, &m)) < 0)
		return r;
	if ((vn = vn_from_node(dir->vmnt, &m.fs_node)) == NULL)
		return -ENFILE;
	*next = cross_down(vn);
	return OK;
}

/*
 * Replace walk_buf by the text of symlink `link` followed by the rest of
 * the path `rest`; an absolute target moves *cur to the root.
 */
static int splice_link(struct fproc *fp, struct vnode **cur, struct vnode *link,
		       const char *rest, int *links)
{
	message m = { 0 };
	size_t rest_len = strlen(rest);
	int n;

	if (++*links > SYMLOOP_MAX)
		return -ELOOP;
	n = fs_data_call(link, FS_RDLINK, link_buf, sizeof(link_buf) - 1,
			 CPF_WRITE, &m);
	if (n < 0)
		return n;
	if (n == 0)
		return -ENOENT;
	if ((size_t)n + 1 + rest_len + 1 > sizeof(link_buf))
		return -ENAMETOOLONG;
	link_buf[n] = '/';
	memcpy(link_buf + n + 1, rest, rest_len + 1);
	memcpy(walk_buf, link_buf, (size_t)n + 1 + rest_len + 1);
	if (walk_buf[0] == '/') {
		vn_put(*cur);
		*cur = start_dir(fp, true);
	}
	return OK;
}

static bool is_dot_or_dotdot(const char *c)
{
	return strcmp(c, ".") == 0 || strcmp(c, "..") == 0;
}

/* The walk itself; cur holds a reference that is passed on or dropped. */
static int walk(struct fproc *fp, struct vnode *cur, int flags, bool slash,
		struct vnode **res, char *last)
{
	char comp[VFS_NAME_MAX + 1];
	const char *p = walk_buf;
	struct vnode *next;
	int links = 0, n, r = OK;

	while ((n = path_next(&p, comp)) > 0) {
		bool is_last = path_at_end(p);
		if (is_last && (flags & LK_PARENT)) {
			r = !S_ISDIR_V(cur)	   ? -ENOTDIR :
			    is_dot_or_dotdot(comp) ? -EINVAL :
						     OK;
			if (r == OK) {
				strlcpy(last, comp, VFS_NAME_MAX + 1);
				*res = cur;
				return OK;
			}
			break;
		}
		if ((r = step(fp, cur, comp, &next)) < 0)
			break;
		if (S_ISLNK_V(next) &&
		    (!is_last || (flags & LK_FOLLOW) || slash)) {
			r = splice_link(fp, &cur, next, p, &links);
			vn_put(next);
			if (r < 0)
				break;
			p = walk_buf;
			continue;
		}
		vn_put(cur);
		cur = next;
	}
	if (n < 0)
		r = n;
	else if (n == 0)
		r = (flags & LK_PARENT)	     ? -EINVAL :
		    slash && !S_ISDIR_V(cur) ? -ENOTDIR :
					       OK;
	if (r == OK && n == 0) {
		*res = cur;
		return OK;
	}
	vn_put(cur);
	return r;
}

/*
 * Resolve path as fp.  Without LK_PARENT *res is the file (a
 * reference the caller puts); with it *res is the directory holding the
 * last component, whose name goes to last.  *trailing (may be NULL) says
 * whether the path ended in a slash.
 */
int path_resolve(struct fproc *fp, const char *path, int flags,
		 struct vnode **res, char last[VFS_NAME_MAX + 1],
		 bool *trailing)
{
	bool slash;

	if (root_vnode == NULL || path[0] == '\0')
		return -ENOENT;
	if (strlen(path) >= sizeof(walk_buf))
		return -ENAMETOOLONG;
	strlcpy(walk_buf, path, sizeof(walk_buf));
	slash = path_trailing_slash(path);
	if (trailing != NULL)
		*trailing = slash;
	return walk(fp, start_dir(fp, path[0] == '/'), flags, slash, res, last);
}

static char user_path[VFS_PATH_MAX];

int path_user(struct fproc *fp, vir_bytes addr, vir_bytes len, int flags,
	      struct vnode **res)
{
	int r = path_copy_in(fp->endpt, addr, len, user_path);

	return r < 0 ? r : path_resolve(fp, user_path, flags, res, NULL, NULL);
}

int path_user_parent(struct fproc *fp, vir_bytes addr, vir_bytes len,
		     struct vnode **dir, char last[VFS_NAME_MAX + 1],
		     bool *trailing)
{
	int r = path_copy_in(fp->endpt, addr, len, user_path);

	if (r < 0)
		return r;
	return path_resolve(fp, user_path, LK_PARENT, dir, last, trailing);
}

/* Make dir (a reference that moves in) the working directory. */
static int set_cwd(struct fproc *fp, struct vnode *dir)
{
	if (!S_ISDIR_V(dir) || !vn_perm(fp, dir, PERM_X)) {
		int r = S_ISDIR_V(dir) ? -EACCES : -ENOTDIR;
		vn_put(dir);
		return r;
	}
	if (fp->cwd != NULL)
		vn_put(fp->cwd);
	fp->cwd = dir;
	return OK;
}

int do_chdir(struct fproc *fp, message *m)
{
	struct vnode *vn;
	int r = path_user(fp, m->vfs_path.path, m->vfs_path.path_len, LK_FOLLOW,
			  &vn);

	return r < 0 ? r : set_cwd(fp, vn);
}

int do_fchdir(struct fproc *fp, message *m)
{
	struct filp *f = fd_filp(fp, m->vfs_fd.fd);

	if (f == NULL)
		return -EBADF;
	vn_hold(f->vn);
	return set_cwd(fp, f->vn);
}

static uint8_t dent_buf[1024];

/* The name under which directory `parent` lists inode ino. */
static int name_of(struct vnode *parent, uint32_t ino, char *name)
{
	uint64_t pos = 0;
	message m;
	int n;

	for (;;) {
		m = (message){ 0 };
		m.fs_rq.pos_lo = (uint32_t)pos;
		m.fs_rq.pos_hi = (uint32_t)(pos >> 32);
		n = fs_data_call(parent, FS_GETDENTS, dent_buf,
				 sizeof(dent_buf), CPF_WRITE, &m);
		if (n <= 0)
			return n < 0 ? n : -ENOENT;
		for (int off = 0; off + 8 <= n;) {
			struct vfs_dirent *d = (void *)(dent_buf + off);
			if (d->reclen < 8 || off + d->reclen > n)
				return -EIO;
			if (d->ino == ino && !is_dot_or_dotdot(d->name)) {
				strlcpy(name, d->name, VFS_NAME_MAX + 1);
				return OK;
			}
			off += d->reclen;
		}
		pos = ((uint64_t)m.fs_node.pos_hi << 32) | m.fs_node.pos_lo;
	}
}

/* Prepend "/name" to the text ending at buf + *start. */
static int prepend(char *buf, size_t *start, const char *name)
{
	size_t n = strlen(name);

	if (n + 1 > *start)
		return -ERANGE;
	*start -= n;
	memcpy(buf + *start, name, n);
	buf[--*start] = '/';
	return OK;
}

int do_getcwd(struct fproc *fp, message *m)
{
	static char out[VFS_PATH_MAX];
	char name[VFS_NAME_MAX + 1];
	size_t start = sizeof(out) - 1, len;
	struct vnode *cur, *parent, *here;
	int r = OK;

	if (root_vnode == NULL)
		return -ENOENT;
	out[start] = '\0';
	cur = start_dir(fp, false);
	while (r == OK && cur != proc_root(fp)) {
		here = cur;
		while (here->vmnt != NULL && here == here->vmnt->root &&
		       here->vmnt->mounted_on != NULL)
			here = here->vmnt->mounted_on;
		if (here == root_vnode)
			break;
		if ((r = step(fp, cur, "..", &parent)) < 0)
			break;
		if ((r = name_of(parent, here->ino, name)) == OK)
			r = prepend(out, &start, name);
		vn_put(cur);
		cur = parent;
	}
	vn_put(cur);
	if (r < 0)
		return r;
	if (out[start] == '\0')
		out[--start] = '/';
	len = sizeof(out) - start;
	if (len > m->vfs_io.len)
		return -ERANGE;
	if (sys_vircopy(SELF, (vir_bytes)(out + start), fp->endpt,
			m->vfs_io.buf, len) != OK)
		return -EFAULT;
	return (int)len - 1;
}
