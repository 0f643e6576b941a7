// SPDX-License-Identifier: BSD-2-Clause
/*
 * VFS main loop and dispatch.  VFS starts through SEF with no root file
 * system (init mounts one), subscribes to driver announcements in DS and
 * then serves four kinds of messages:
 *   - user calls (VFS_*), through the table below, from any process;
 *   - PM's calls about processes (VFS_PM_*), only from PM;
 *   - RS's VFS_MAPDRIVER (dmap.c), only from RS;
 *   - asynchronous answers of character drivers (CDEV_REPLY,
 *     CDEV_SEL_REPLY), matched to a suspended caller by request id
 *     (from anyone but a driver: -EPERM);
 *   - notifications: DS (a driver came up), CLOCK (select timeouts).
 * Anything else is answered -ENOSYS.  A handler returning -EDONTREPLY
 * has suspended its caller, who gets its answer later through
 * vfs_reply().
 */
#include "vfs.h"

#define CALL(nr) [(nr)-VFS_RQ_BASE]
static const vfs_handler_t calls[VFS_NR_USER_CALLS] = {
	CALL(VFS_OPEN) = do_open,	    CALL(VFS_CLOSE) = do_close,
	CALL(VFS_READ) = do_read,	    CALL(VFS_WRITE) = do_write,
	CALL(VFS_LSEEK) = do_lseek,	    CALL(VFS_DUP) = do_dup,
	CALL(VFS_DUP2) = do_dup2,	    CALL(VFS_PIPE) = do_pipe,
	CALL(VFS_FCNTL) = do_fcntl,	    CALL(VFS_STAT) = do_stat,
	CALL(VFS_LSTAT) = do_lstat,	    CALL(VFS_FSTAT) = do_fstat,
	CALL(VFS_CHDIR) = do_chdir,	    CALL(VFS_FCHDIR) = do_fchdir,
	CALL(VFS_GETCWD) = do_getcwd,	    CALL(VFS_MKDIR) = do_mkdir,
	CALL(VFS_RMDIR) = do_rmdir,	    CALL(VFS_UNLINK) = do_unlink,
	CALL(VFS_RENAME) = do_rename,	    CALL(VFS_LINK) = do_link,
	CALL(VFS_SYMLINK) = do_symlink,	    CALL(VFS_READLINK) = do_readlink,
	CALL(VFS_GETDENTS) = do_getdents,   CALL(VFS_UMASK) = do_umask,
	CALL(VFS_ACCESS) = do_access,	    CALL(VFS_CHMOD) = do_chmod,
	CALL(VFS_CHOWN) = do_chown,	    CALL(VFS_TRUNCATE) = do_truncate,
	CALL(VFS_FTRUNCATE) = do_ftruncate, CALL(VFS_SYNC) = do_sync,
	CALL(VFS_MOUNT) = do_mount,	    CALL(VFS_UMOUNT) = do_umount,
	CALL(VFS_IOCTL) = do_ioctl,	    CALL(VFS_SELECT) = do_select,
	CALL(VFS_STATVFS) = do_statvfs,	    CALL(VFS_UTIME) = do_utime,
};

void vfs_reply(endpoint_t e, int result, message *m)
{
	message empty = { 0 };
	int r;

	if (m == NULL)
		m = &empty;
	m->m_type = result;
	if ((r = ipc_sendnb(e, m)) != OK)
		printf("vfs: reply to %d failed: %d\n", e, r);
}

/* A user call: run its handler as the caller and answer unless suspended. */
static void handle_user_call(message *m)
{
	uint32_t nr = (uint32_t)m->m_type - VFS_RQ_BASE;
	struct fproc *fp;
	int r;

	if (nr >= VFS_NR_USER_CALLS || calls[nr] == NULL) {
		vfs_reply(m->m_source, -ENOSYS, m);
		return;
	}
	if ((fp = fp_get_or_add(m->m_source)) == NULL) {
		printf("vfs: no process entry free for %d\n", m->m_source);
		vfs_reply(m->m_source, -ENFILE, m);
		return;
	}
	if (fp->susp != SUSP_NONE) {
		printf("vfs: %d called while suspended\n", m->m_source);
		vfs_reply(m->m_source, -EBUSY, m);
		return;
	}
	r = calls[nr](fp, m);
	if (r != -EDONTREPLY)
		vfs_reply(m->m_source, r, m);
}

static void handle_pm_call(message *m)
{
	int r;

	if (m->m_source != PM_PROC_NR) {
		vfs_reply(m->m_source, -EPERM, m);
		return;
	}
	r = m->m_type == VFS_PM_EXEC ? pm_exec(m) : fp_pm_call(m);
	vfs_reply(m->m_source, r, m);
}

static void handle_message(message *m, uint32_t status)
{
	if (is_ipc_notify(status)) {
		if (m->m_source == CLOCK)
			tmr_expire(m->notify.timestamp);
		else if (m->m_source == ds_endpoint())
			dmap_ds_event();
		return;
	}
	if ((m->m_type == CDEV_REPLY || m->m_type == CDEV_SEL_REPLY) &&
	    !dmap_is_driver(m->m_source))
		vfs_reply(m->m_source, -EPERM, m); /* forged: never wait */
	else if (m->m_type == CDEV_REPLY)
		cdev_reply(m);
	else if (m->m_type == CDEV_SEL_REPLY)
		select_sel_reply(m);
	else if (m->m_type >= VFS_PM_FIRST && m->m_type <= VFS_PM_LAST)
		handle_pm_call(m);
	else if (m->m_type == VFS_MAPDRIVER)
		vfs_reply(m->m_source, do_mapdriver(m), m);
	else if (IS_VFS_CALL(m->m_type))
		handle_user_call(m);
	else /* a caller in sendrec must not wait forever */
		vfs_reply(m->m_source, -ENOSYS, m);
}

static int init_fresh(int type, const struct sef_init_info *info)
{
	(void)type;
	(void)info;
	dmap_init();
	return OK;
}

int main(void);
int main(void)
{
	message m;
	uint32_t status;

	sef_setcb_init_fresh(init_fresh);
	sef_setcb_init_restart(sef_cb_init_restart_stateful);
	sef_startup();
	for (;;) {
		if (sef_receive_status(ANY, &m, &status) != OK)
			continue;
		handle_message(&m, status);
	}
}
