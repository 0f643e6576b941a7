// SPDX-License-Identifier: BSD-2-Clause
/*
 * Mounts.  The first mount is the root: "/" while no root exists, its
 * device named by one of DMAP_ROOT_DEVS (there is no /dev to look in
 * yet).  Later mounts look up their block device node and mount point
 * normally.  A mount names its file system server by label (resolved in
 * DS) and hands it the block driver's endpoint with FS_READSUPER.
 * umount refuses (-EBUSY) while anything inside is in use.  REBOOT
 * syncs every mount and unmounts them, innermost first.
 */
#include "vfs.h"

struct vmnt vmnts[NR_VMNTS];

struct root_dev {
	const char *path;
	uint32_t major, minor;
};
static const struct root_dev root_devs[] = { DMAP_ROOT_DEVS };

static int copy_str(endpoint_t e, vir_bytes addr, vir_bytes len, char *buf,
		    size_t size)
{
	if (len > size)
		return -ENAMETOOLONG;
	return path_copy_in(e, addr, len, buf);
}

static int root_device(const char *path, uint32_t *dev)
{
	for (size_t i = 0; i < sizeof(root_devs) / sizeof(root_devs[0]); i++)
		if (strcmp(root_devs[i].path, path) == 0) {
			*dev = VFS_MAKEDEV(root_devs[i].major,
					   root_devs[i].minor);
			return OK;
		}
	printf("vfs: %s is not a root device\n", path);
	return -ENODEV;
}

/* The device of block special file path. */
static int device_of(struct fproc *fp, const char *path, uint32_t *dev)
{
	struct vnode *vn;
	int r = path_resolve(fp, path, LK_FOLLOW, &vn, NULL, NULL);

	if (r < 0)
		return r;
	if ((vn->mode & VFS_S_IFMT) != VFS_S_IFBLK)
		r = -ENODEV;
	*dev = vn->rdev;
	vn_put(vn);
	return r;
}

/* A directory nothing is mounted on yet, with a reference. */
static int mount_point(struct fproc *fp, const char *path, struct vnode **dir)
{
	struct vnode *vn;
	int r = path_resolve(fp, path, LK_FOLLOW, &vn, NULL, NULL);

	if (r < 0)
		return r;
	if ((vn->mode & VFS_S_IFMT) != VFS_S_IFDIR)
		r = -ENOTDIR;
	else if (vn->mounted != NULL || (vn->vmnt && vn == vn->vmnt->root))
		r = -EBUSY;
	if (r < 0)
		vn_put(vn);
	else
		*dir = vn;
	return r;
}

static struct vmnt *vmnt_alloc(endpoint_t fs_e)
{
	struct vmnt *free_slot = NULL;

	for (int i = 0; i < NR_VMNTS; i++) {
		if (vmnts[i].in_use && vmnts[i].fs_e == fs_e)
			return NULL;
		if (!vmnts[i].in_use && free_slot == NULL)
			free_slot = &vmnts[i];
	}
	return free_slot;
}

/* Ask fs_e to serve dev; fill in vmp and its root vnode. */
static int read_super(struct vmnt *vmp, uint32_t dev, int flags)
{
	endpoint_t driver = dmap_driver(VFS_MAJOR(dev));
	message m = { 0 };
	int r;

	if (driver == NONE) {
		printf("vfs: mount: no driver for major %u\n",
		       (unsigned)VFS_MAJOR(dev));
		return -ENXIO;
	}
	m.fs_readsuper.driver = driver;
	m.fs_readsuper.dev = dev;
	m.fs_readsuper.flags = (flags & VFS_MNT_RDONLY) ? FS_RDONLY : 0;
	if ((r = fs_call(vmp->fs_e, FS_READSUPER, &m)) < 0) {
		printf("vfs: mount: %s refused device 0x%x: %d\n", vmp->label,
		       (unsigned)dev, r);
		return r;
	}
	vmp->in_use = true;
	vmp->dev = dev;
	vmp->rdonly = (flags & VFS_MNT_RDONLY) != 0;
	if ((vmp->root = vn_from_node(vmp, &m.fs_node)) == NULL) {
		fs_call(vmp->fs_e, FS_UNMOUNT, &m);
		vmp->in_use = false;
		return -ENFILE;
	}
	return OK;
}

int do_mount(struct fproc *fp, message *m)
{
	static char dev_path[VFS_PATH_MAX], dir_path[VFS_PATH_MAX];
	const struct vfs_mount_msg *mm = &m->vfs_mount;
	char label[LABEL_MAX];
	struct vnode *dir = NULL;
	struct vmnt *vmp;
	endpoint_t fs_e;
	uint32_t dev;
	int r;

	if (fp->euid != 0)
		return -EPERM;
	if ((r = copy_str(fp->endpt, mm->dev, mm->dev_len, dev_path,
			  sizeof(dev_path))) < 0 ||
	    (r = copy_str(fp->endpt, mm->dir, mm->dir_len, dir_path,
			  sizeof(dir_path))) < 0 ||
	    (r = copy_str(fp->endpt, mm->label, mm->label_len, label,
			  sizeof(label))) < 0)
		return r;
	if (root_vnode == NULL)
		r = strcmp(dir_path, "/") != 0 ? -ENOENT :
						 root_device(dev_path, &dev);
	else if ((r = device_of(fp, dev_path, &dev)) == OK)
		r = mount_point(fp, dir_path, &dir);
	if (r < 0)
		return r;
	if ((r = ds_retrieve_label_endpt(label, &fs_e)) != OK) {
		printf("vfs: mount: no file system server \"%s\"\n", label);
		r = -ESRCH;
	} else if ((vmp = vmnt_alloc(fs_e)) == NULL) {
		r = -EBUSY;
	} else {
		*vmp = (struct vmnt){ .fs_e = fs_e };
		strlcpy(vmp->label, label, sizeof(vmp->label));
		r = read_super(vmp, dev, mm->flags);
	}
	if (r < 0) {
		vn_put(dir);
		return r;
	}
	vmp->mounted_on = dir;
	if (dir != NULL)
		dir->mounted = vmp;
	else
		root_vnode = vmp->root;
	return OK;
}

/* Is anything of vmp in use besides its root, held `root_refs` times? */
static bool vmnt_busy(const struct vmnt *vmp, int root_refs)
{
	for (int i = 0; i < NR_VNODES; i++) {
		const struct vnode *vn = &vnodes[i];
		if (vn->refs == 0 || vn->vmnt != vmp)
			continue;
		if (vn != vmp->root || vn->refs > root_refs ||
		    vn->mounted != NULL)
			return true;
	}
	return false;
}

int do_umount(struct fproc *fp, message *m)
{
	struct vnode *vn;
	struct vmnt *vmp;
	message fm = { 0 };
	int r;

	if (fp->euid != 0)
		return -EPERM;
	if ((r = path_user(fp, m->vfs_path.path, m->vfs_path.path_len,
			   LK_FOLLOW, &vn)) < 0)
		return r;
	vmp = vn->vmnt;
	if (vmp == NULL || vn != vmp->root)
		r = -EINVAL;
	else if (vmp->mounted_on == NULL || vmnt_busy(vmp, 2))
		r = -EBUSY;
	else
		r = fs_call(vmp->fs_e, FS_UNMOUNT, &fm);
	if (r < 0) {
		vn_put(vn);
		return r;
	}
	vn->fs_refs = 0; /* the FS forgot them with the unmount */
	vn_put(vn);
	vn_put(vmp->root);
	vmp->mounted_on->mounted = NULL;
	vn_put(vmp->mounted_on);
	vmp->in_use = false;
	return OK;
}

int mount_sync_all(void)
{
	for (int i = 0; i < NR_VMNTS; i++) {
		message m = { 0 };
		if (vmnts[i].in_use)
			fs_call(vmnts[i].fs_e, FS_SYNC, &m);
	}
	return OK;
}

/* A mount nothing else is mounted inside, or NULL. */
static struct vmnt *innermost(void)
{
	for (int i = 0; i < NR_VMNTS; i++) {
		bool has_child = false;
		if (!vmnts[i].in_use)
			continue;
		for (int j = 0; j < NR_VMNTS; j++)
			if (vmnts[j].in_use && vmnts[j].mounted_on != NULL &&
			    vmnts[j].mounted_on->vmnt == &vmnts[i])
				has_child = true;
		if (!has_child)
			return &vmnts[i];
	}
	return NULL;
}

void mount_reboot(void)
{
	struct vmnt *vmp;

	mount_sync_all();
	while ((vmp = innermost()) != NULL) {
		message m = { 0 };
		int r = fs_call(vmp->fs_e, FS_UNMOUNT, &m);
		if (r < 0)
			printf("vfs: reboot: unmount of %s: %d\n", vmp->label,
			       r);
		vmp->in_use = false;
	}
	root_vnode = NULL;
}
