// SPDX-License-Identifier: BSD-2-Clause
/*
 * PM's side of the VFS protocol (VFS_PM_* in <axo/msg_vfs.h>): PM tells
 * VFS of every fork, exit and change of ids or session, so that VFS's
 * descriptor tables follow the processes, and asks VFS to load programs
 * from files and to end a process's wait when a signal is caught.
 *
 * Images without VFS (the kernel tests, the process benchmarks) run PM
 * alone: then every notice is skipped and exec takes boot files only.
 * VFS never waits on PM, so PM's sendrec to VFS cannot deadlock.
 */
#include "pm.h"

static bool have_vfs;

void pm_vfs_init(void)
{
	have_vfs = boot_endpoint("vfs") == VFS_PROC_NR;
}

bool pm_vfs_present(void)
{
	return have_vfs;
}

int pm_vfs_call(message *m)
{
	if (!have_vfs)
		return -ENOSYS;
	int r = ipc_sendrec(VFS_PROC_NR, m);
	return r != OK ? r : m->m_type;
}

/* Send notice type about e (and m's other fields); complain on failure. */
static void notice(int type, message *m, endpoint_t e)
{
	if (!have_vfs)
		return;
	m->m_type = type;
	m->vfs_pm.endpt = e;
	int r = pm_vfs_call(m);
	if (r != OK)
		printf("pm: VFS refused notice 0x%x about %d: %d\n", type, e,
		       r);
}

void vfs_fork(const struct mproc *parent, const struct mproc *child)
{
	message m = { 0 };

	m.vfs_pm.child = child->endpt;
	m.vfs_pm.pid = child->pid;
	notice(VFS_PM_FORK, &m, parent->endpt);
}

void vfs_exit(const struct mproc *mp)
{
	message m = { 0 };

	notice(VFS_PM_EXIT, &m, mp->endpt);
}

void vfs_setids(const struct mproc *mp)
{
	message m = { 0 };

	m.vfs_pm.uid = mp->uid;
	m.vfs_pm.euid = mp->euid;
	m.vfs_pm.gid = mp->gid;
	m.vfs_pm.egid = mp->egid;
	notice(VFS_PM_SETIDS, &m, mp->endpt);
}

void vfs_setsid(const struct mproc *mp)
{
	message m = { 0 };

	notice(VFS_PM_SETSID, &m, mp->endpt);
}

void vfs_unpause(const struct mproc *mp)
{
	message m = { 0 };

	notice(VFS_PM_UNPAUSE, &m, mp->endpt);
}

int vfs_reboot(void)
{
	message m = { .m_type = VFS_PM_REBOOT };

	return have_vfs ? pm_vfs_call(&m) : OK;
}
