// SPDX-License-Identifier: BSD-2-Clause
/*
 * The vnode table: one entry per inode VFS holds (by file system endpoint
 * and inode number), caching what the FS said about it, and the anonymous
 * vnodes of pipes.  Every fs_node reply hands VFS one FS reference; VFS
 * counts them and returns them all with FS_PUTNODE when its own last
 * reference goes.  Also the request helpers for FS servers: a plain call,
 * a call with a name grant, a call with a data grant on VFS memory.
 */
#include "vfs.h"

struct vnode vnodes[NR_VNODES];

static struct vnode *vn_find(endpoint_t fs_e, uint32_t ino)
{
	for (int i = 0; i < NR_VNODES; i++)
		if (vnodes[i].refs > 0 && vnodes[i].pipe < 0 &&
		    vnodes[i].fs_e == fs_e && vnodes[i].ino == ino)
			return &vnodes[i];
	return NULL;
}

static struct vnode *vn_alloc(void)
{
	for (int i = 0; i < NR_VNODES; i++)
		if (vnodes[i].refs == 0) {
			vnodes[i] = (struct vnode){ .refs = 1, .pipe = -1 };
			return &vnodes[i];
		}
	printf("vfs: out of vnodes\n");
	return NULL;
}

void vn_update(struct vnode *vn, const struct fs_node *n)
{
	vn->mode = n->mode;
	vn->size = ((uint64_t)n->size_hi << 32) | n->size_lo;
	vn->uid = (uint32_t)n->uid;
	vn->gid = (uint32_t)n->gid;
	vn->rdev = n->rdev;
	vn->nlink = n->nlink;
}

/*
 * The vnode for an fs_node reply of vmp's server, with one more VFS and
 * one more FS reference.  NULL when the table is full: the FS reference
 * is returned at once.
 */
struct vnode *vn_from_node(struct vmnt *vmp, const struct fs_node *n)
{
	struct vnode *vn = vn_find(vmp->fs_e, n->ino);

	if (vn != NULL) {
		vn->refs++;
	} else if ((vn = vn_alloc()) != NULL) {
		vn->fs_e = vmp->fs_e;
		vn->vmnt = vmp;
		vn->ino = n->ino;
	} else {
		message m = { 0 };
		m.fs_rq.ino = n->ino;
		m.fs_rq.pos_lo = 1;
		fs_call(vmp->fs_e, FS_PUTNODE, &m);
		return NULL;
	}
	vn->fs_refs++;
	vn_update(vn, n);
	return vn;
}

struct vnode *vn_alloc_pipe(void)
{
	struct vnode *vn = vn_alloc();

	if (vn != NULL) {
		vn->fs_e = NONE;
		vn->mode = VFS_S_IFIFO | 0600;
	}
	return vn;
}

void vn_hold(struct vnode *vn)
{
	vn->refs++;
}

void vn_put(struct vnode *vn)
{
	message m = { 0 };

	if (vn == NULL)
		return;
	if (vn->refs <= 0)
		panic("vn_put: vnode %u has no references", vn->ino);
	if (--vn->refs > 0)
		return;
	if (vn->pipe < 0 && vn->fs_refs > 0) {
		m.fs_rq.ino = vn->ino;
		m.fs_rq.pos_lo = (uint32_t)vn->fs_refs;
		fs_call(vn->fs_e, FS_PUTNODE, &m);
	}
	vn->fs_refs = 0;
}

int fs_call(endpoint_t fs_e, int type, message *m)
{
	int r;

	m->m_type = type;
	if ((r = ipc_sendrec(fs_e, m)) != OK) {
		printf("vfs: request 0x%x to fs %d failed: %d\n",
		       (unsigned)type, fs_e, r);
		return r;
	}
	return m->m_type;
}

int fs_name_call(struct vnode *dir, int type, const char *name, message *m)
{
	size_t len = strlen(name) + 1;
	cp_grant_id_t g =
		cpf_grant_direct(dir->fs_e, (vir_bytes)name, len, CPF_READ);
	int r;

	if (g == GRANT_INVALID)
		return -ENOMEM;
	m->fs_rq.dir = dir->ino;
	m->fs_rq.name = g;
	m->fs_rq.name_len = (uint32_t)len;
	r = fs_call(dir->fs_e, type, m);
	cpf_revoke(g);
	return r;
}

int fs_data_call(struct vnode *vn, int type, void *buf, size_t len, int access,
		 message *m)
{
	cp_grant_id_t g =
		cpf_grant_direct(vn->fs_e, (vir_bytes)buf, len, access);
	int r;

	if (g == GRANT_INVALID)
		return -ENOMEM;
	m->fs_rq.ino = vn->ino;
	m->fs_rq.grant = g;
	m->fs_rq.count = (uint32_t)len;
	r = fs_call(vn->fs_e, type, m);
	cpf_revoke(g);
	return r;
}

/* Read the inode's attributes again from its FS (after a change). */
int vn_refresh(struct vnode *vn)
{
	struct vfs_stat st;
	message m = { 0 };
	int r;

	if (vn->pipe >= 0)
		return OK;
	if ((r = fs_data_call(vn, FS_STAT, &st, sizeof(st), CPF_WRITE, &m)) < 0)
		return r;
	vn->mode = st.mode;
	vn->size = ((uint64_t)st.size_hi << 32) | st.size_lo;
	vn->uid = (uint32_t)st.uid;
	vn->gid = (uint32_t)st.gid;
	vn->nlink = st.nlink;
	vn->rdev = st.rdev;
	return OK;
}

bool vn_perm(const struct fproc *fp, const struct vnode *vn, int want)
{
	return perm_permits(vn->mode, (int32_t)vn->uid, (int32_t)vn->gid,
			    fp->euid, fp->egid, want);
}
