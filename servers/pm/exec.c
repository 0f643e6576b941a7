// SPDX-License-Identifier: BSD-2-Clause
/*
 * exec.  Until VFS exists the path names a boot file (exec_path.c); VM
 * builds the new image from it and copies the argument frame, then the
 * kernel restarts the process at the entry point.  A successful exec is
 * not answered: the process is already running its new program.
 */
#include "pm.h"

/* Read the caller's path and turn it into a boot-file name. */
static int read_name(struct mproc *caller, const message *m,
		     char name[PROC_NAME_LEN])
{
	static char path[PM_PATH_MAX];
	vir_bytes len = m->pm_exec.path_len;

	if (len == 0 || len > PM_PATH_MAX)
		return len == 0 ? -EINVAL : -ENAMETOOLONG;
	if (sys_vircopy(caller->endpt, m->pm_exec.path, SELF, (vir_bytes)path,
			len) != OK)
		return -EFAULT;
	return exec_boot_name(path, len, name);
}

int do_exec(struct mproc *caller, message *m)
{
	char name[PROC_NAME_LEN];
	int r;

	if ((r = read_name(caller, m, name)) != OK)
		return r;
	message vm = { .m_type = VM_EXEC };
	vm.vm_exec.endpt = caller->endpt;
	vm.vm_exec.frame = m->pm_exec.frame;
	vm.vm_exec.frame_len = m->pm_exec.frame_len;
	strlcpy(vm.vm_exec.name, name, sizeof(vm.vm_exec.name));
	if ((r = pm_vm_call(&vm)) != OK)
		return r; /* the old image is intact */

	r = sys_exec(caller->endpt, vm.vm_exec.entry, vm.vm_exec.sp, name);
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
