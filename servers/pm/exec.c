// SPDX-License-Identifier: BSD-2-Clause
/*
 * exec.  A path under /boot/ (or any path, in an image without VFS) names
 * a boot file: VM builds the new image from it.  Any other path is VFS's
 * to resolve: it reads the file and has VM build the image.  Either way
 * the argument frame is copied into the new stack, the kernel restarts
 * the process at the entry point, and a successful exec is not answered:
 * the process is already running its new program.
 */
#include "pm.h"

static char path[PM_PATH_MAX];

/* Read the caller's path (NUL-terminated within path_len) into path. */
static int read_path(struct mproc *caller, const message *m)
{
	vir_bytes len = m->pm_exec.path_len;

	if (len == 0 || len > PM_PATH_MAX)
		return len == 0 ? -EINVAL : -ENAMETOOLONG;
	if (sys_vircopy(caller->endpt, m->pm_exec.path, SELF, (vir_bytes)path,
			len) != OK)
		return -EFAULT;
	if (strnlen(path, len) >= len)
		return -EINVAL;
	return OK;
}

/* The process name for path: its last component, cut to fit. */
static void name_of(const char *p, char name[PROC_NAME_LEN])
{
	const char *slash = strrchr(p, '/');

	strlcpy(name, slash != NULL ? slash + 1 : p, PROC_NAME_LEN);
}

static bool from_boot_file(void)
{
	return !pm_vfs_present() || strncmp(path, "/boot/", 6) == 0;
}

/* VM builds the image from a boot file. */
static int load_boot_file(struct mproc *caller, const message *m,
			  vir_bytes *entry, vir_bytes *sp)
{
	message vm = { .m_type = VM_EXEC };
	int r;

	if ((r = exec_boot_name(path, strlen(path) + 1, vm.vm_exec.name)) != OK)
		return r;
	vm.vm_exec.endpt = caller->endpt;
	vm.vm_exec.frame = m->pm_exec.frame;
	vm.vm_exec.frame_len = m->pm_exec.frame_len;
	if ((r = pm_vm_call(&vm)) != OK)
		return r;
	*entry = vm.vm_exec.entry;
	*sp = vm.vm_exec.sp;
	return OK;
}

/* VFS resolves the caller's path and has VM build the image. */
static int load_file(struct mproc *caller, const message *m, vir_bytes *entry,
		     vir_bytes *sp)
{
	message v = { .m_type = VFS_PM_EXEC };
	int r;

	v.vfs_pm_exec.endpt = caller->endpt;
	v.vfs_pm_exec.path = m->pm_exec.path;
	v.vfs_pm_exec.path_len = m->pm_exec.path_len;
	v.vfs_pm_exec.frame = m->pm_exec.frame;
	v.vfs_pm_exec.frame_len = m->pm_exec.frame_len;
	if ((r = pm_vfs_call(&v)) != OK)
		return r;
	*entry = v.vfs_pm_exec.entry;
	*sp = v.vfs_pm_exec.sp;
	return OK;
}

int do_exec(struct mproc *caller, message *m)
{
	char name[PROC_NAME_LEN];
	vir_bytes entry, sp;
	int r;

	if ((r = read_path(caller, m)) != OK)
		return r;
	r = from_boot_file() ? load_boot_file(caller, m, &entry, &sp) :
			       load_file(caller, m, &entry, &sp);
	if (r != OK)
		return r; /* the old image is intact */

	name_of(path, name);
	r = sys_exec(caller->endpt, entry, sp, name);
	if (r != OK) {
		/* The old image is gone: the process cannot go on. */
		printf("pm: sys_exec of %s failed: %d\n", name, r);
		pm_exit_proc(caller, PM_W_SIGNALED(SIGKILL));
		return -EDONTREPLY;
	}
	sig_exec_reset(caller);
	caller->flags |= MP_EXECED;
	strlcpy(caller->name, name, sizeof(caller->name));
	return -EDONTREPLY;
}
