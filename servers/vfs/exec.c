// SPDX-License-Identifier: BSD-2-Clause
/*
 * exec for PM (VFS_PM_EXEC): resolve the program as the process (its
 * working directory and ids, execute permission, a regular file), read
 * the whole file into VFS memory grown for the purpose with vm_brk, have
 * VM build the new image from it (VM_EXEC_FILE), give the memory back,
 * and on success close the close-on-exec descriptors.  On any failure
 * the old image is untouched.
 */
#include "vfs.h"

/* Read all of vn (size bytes) to VFS memory at buf. */
static int read_all(struct vnode *vn, uint8_t *buf, uint32_t size)
{
	uint32_t done = 0;

	while (done < size) {
		message m = { 0 };
		m.fs_rq.pos_lo = done;
		int r = fs_data_call(vn, FS_READ, buf + done, size - done,
				     CPF_WRITE, &m);
		if (r < 0)
			return r;
		if (r == 0)
			return -EIO; /* shorter than its size */
		done += (uint32_t)r;
	}
	return OK;
}

/* The last component of path, for the process name. */
static const char *base_name(const char *path)
{
	const char *b = path;

	for (const char *p = path; *p != '\0'; p++)
		if (*p == '/' && p[1] != '\0' && p[1] != '/')
			b = p + 1;
	return b;
}

/* Load vn and ask VM for the image; fills entry and sp. */
static int load(struct vfs_pm_exec_msg *x, struct vnode *vn, const char *name)
{
	uint32_t size = (uint32_t)vn->size;
	vir_bytes old_brk, new_brk;
	message m = { 0 };
	int r;

	if (vn->size == 0 || vn->size > EXEC_MAX)
		return -ENOEXEC;
	if ((r = vm_brk(0, &old_brk)) != OK)
		return r;
	new_brk = (old_brk + size + 4095) & ~(vir_bytes)4095;
	if ((r = vm_brk(new_brk, NULL)) != OK)
		return r;
	if ((r = read_all(vn, (uint8_t *)old_brk, size)) == OK) {
		m.m_type = VM_EXEC_FILE;
		m.vm_exec.endpt = x->endpt;
		m.vm_exec.frame = x->frame;
		m.vm_exec.frame_len = x->frame_len;
		strlcpy(m.vm_exec.name, name, sizeof(m.vm_exec.name));
		m.vm_exec.image = old_brk;
		m.vm_exec.image_len = size;
		r = ipc_sendrec(VM_PROC_NR, &m);
		if (r == OK)
			r = m.m_type;
	}
	vm_brk(old_brk, NULL);
	if (r == OK) {
		x->entry = m.vm_exec.entry;
		x->sp = m.vm_exec.sp;
	}
	return r;
}

int pm_exec(message *m)
{
	static char path[VFS_PATH_MAX];
	struct vfs_pm_exec_msg *x = &m->vfs_pm_exec;
	struct fproc *fp = fp_get_or_add(x->endpt);
	struct vnode *vn;
	int r;

	if (fp == NULL)
		return -ENFILE;
	if ((r = path_copy_in(x->endpt, x->path, x->path_len, path)) < 0 ||
	    (r = path_resolve(fp, path, LK_FOLLOW, &vn, NULL, NULL)) < 0)
		return r;
	if ((vn->mode & VFS_S_IFMT) != VFS_S_IFREG)
		r = -EACCES;
	else if (!vn_perm(fp, vn, PERM_X))
		r = -EACCES;
	else
		r = load(x, vn, base_name(path));
	vn_put(vn);
	if (r < 0)
		return r;
	for (int fd = 0; fd < VFS_OPEN_MAX; fd++)
		if (fp->cloexec & (1u << fd))
			fd_close(fp, fd);
	return OK;
}
