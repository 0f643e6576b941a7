// SPDX-License-Identifier: BSD-2-Clause
/*
 * Open file descriptions: what open() creates and dup()/fork() share: a
 * vnode, a position and the open flags.  The last release closes the
 * device (CDEV_CLOSE, unless its driver instance is gone: device.c) or
 * the pipe end and drops the vnode.
 */
#include "vfs.h"

static struct filp filps[NR_FILPS];

struct filp *filp_alloc(struct vnode *vn, int32_t flags)
{
	for (int i = 0; i < NR_FILPS; i++) {
		if (filps[i].count == 0) {
			filps[i] = (struct filp){ .count = 1,
						  .vn = vn,
						  .flags = flags };
			return &filps[i];
		}
	}
	printf("vfs: out of open file descriptions\n");
	return NULL;
}

void filp_hold(struct filp *f)
{
	f->count++;
}

void filp_release(struct filp *f)
{
	struct vnode *vn = f->vn;

	if (--f->count > 0)
		return;
	if (f->cdev_open)
		cdev_close(f);
	if (vn->pipe >= 0)
		pipe_release(vn, f->flags);
	f->vn = NULL;
	vn_put(vn);
}

int filp_in_use(const struct vnode *vn)
{
	int n = 0;

	for (int i = 0; i < NR_FILPS; i++)
		if (filps[i].count > 0 && filps[i].vn == vn)
			n++;
	return n;
}
