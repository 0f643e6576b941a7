// SPDX-License-Identifier: BSD-2-Clause
/*
 * The ext2 file system server: SEF start-up, the receive loop and the
 * dispatch table of the FS protocol (<axo/msg_fs.h>).  It serves one
 * mount, of the device VFS names in FS_READSUPER.
 *
 * Whom we serve: exactly one endpoint, chosen at init.  When the boot
 * image holds VFS, that is VFS_PROC_NR.  When it does not (the ktest
 * image), it is the root process that started us (sef_rs_endpoint()),
 * which plays VFS in the kernel test suite; the root process can already
 * kill or replace us, so serving it gives it nothing new.  Requests from
 * anybody else get -EPERM; notifications are ignored.
 */
#include <sef.h>

#include "fs.h"

static endpoint_t served = NONE;

struct fs_call {
	fs_handler_t fn;
	bool writes;  /* refused with -EROFS on a read-only mount */
	bool mounted; /* needs a mounted file system */
};

static const struct fs_call calls[FS_NR_CALLS] = {
	[FS_READSUPER - FS_RQ_BASE] = { do_readsuper, false, false },
	[FS_UNMOUNT - FS_RQ_BASE] = { do_unmount, false, true },
	[FS_LOOKUP - FS_RQ_BASE] = { do_lookup, false, true },
	[FS_PUTNODE - FS_RQ_BASE] = { do_putnode, false, true },
	[FS_CREATE - FS_RQ_BASE] = { do_create, true, true },
	[FS_MKDIR - FS_RQ_BASE] = { do_mkdir, true, true },
	[FS_MKNOD - FS_RQ_BASE] = { do_mknod, true, true },
	[FS_UNLINK - FS_RQ_BASE] = { do_unlink, true, true },
	[FS_RMDIR - FS_RQ_BASE] = { do_rmdir, true, true },
	[FS_RENAME - FS_RQ_BASE] = { do_rename, true, true },
	[FS_LINK - FS_RQ_BASE] = { do_link, true, true },
	[FS_SYMLINK - FS_RQ_BASE] = { do_symlink, true, true },
	[FS_RDLINK - FS_RQ_BASE] = { do_rdlink, false, true },
	[FS_READ - FS_RQ_BASE] = { do_read, false, true },
	[FS_WRITE - FS_RQ_BASE] = { do_write, true, true },
	[FS_GETDENTS - FS_RQ_BASE] = { do_getdents, false, true },
	[FS_STAT - FS_RQ_BASE] = { do_stat, false, true },
	[FS_CHMOD - FS_RQ_BASE] = { do_chmod, true, true },
	[FS_CHOWN - FS_RQ_BASE] = { do_chown, true, true },
	[FS_FTRUNC - FS_RQ_BASE] = { do_ftrunc, true, true },
	[FS_UTIME - FS_RQ_BASE] = { do_utime, true, true },
	[FS_STATVFS - FS_RQ_BASE] = { do_statvfs, false, true },
	[FS_SYNC - FS_RQ_BASE] = { do_sync, false, true },
};

/* Run one request of caller; the status for the reply's m_type. */
static int dispatch(endpoint_t caller, message *m)
{
	uint32_t nr = (uint32_t)m->m_type - FS_RQ_BASE;

	if (caller != served)
		return -EPERM;
	if (nr >= FS_NR_CALLS || calls[nr].fn == NULL)
		return -ENOSYS;
	if (calls[nr].mounted && fs_mounted == NULL)
		return -EINVAL;
	if (calls[nr].writes && fs_rdonly)
		return -EROFS;
	return calls[nr].fn(caller, m);
}

/* Fresh start: decide whom we serve (see the file comment). */
static int init(int type, const struct sef_init_info *info)
{
	(void)type;
	(void)info;
	served = boot_endpoint("vfs") != NONE ? VFS_PROC_NR : sef_rs_endpoint();
	return OK;
}

int main(void);
int main(void)
{
	message m;
	uint32_t status;

	sef_setcb_init_fresh(init);
	/* A restart takes over the mount, the cache and its dirty blocks. */
	sef_setcb_init_restart(sef_cb_init_restart_stateful);
	sef_startup();
	for (;;) {
		if (sef_receive_status(ANY, &m, &status) != OK ||
		    is_ipc_notify(status))
			continue;
		endpoint_t caller = m.m_source;
		m.m_type = dispatch(caller, &m);
		ipc_sendnb(caller, &m);
	}
}
