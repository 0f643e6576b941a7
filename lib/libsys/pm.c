// SPDX-License-Identifier: BSD-2-Clause
/*
 * PM client for servers: RS's calls for service processes (struct
 * pm_srv_msg).  One sendrec to PM per call, returning OK or -E*.
 */
#include "syslib.h"
#include "pm.h"

static int pm_call(int type, message *m)
{
	m->m_type = type;
	int r = ipc_sendrec(PM_PROC_NR, m);
	return r != OK ? r : m->m_type;
}

/* A new frozen, empty child of RS called name; its endpoint and pid. */
int srv_fork(uint32_t uid, const char *name, endpoint_t *e, int *pid)
{
	message m = { 0 };

	m.pm_srv.uid = (int32_t)uid;
	strlcpy(m.pm_srv.name, name, sizeof(m.pm_srv.name));
	int r = pm_call(PM_SRV_FORK, &m);
	if (r == OK) {
		*e = m.pm_srv.endpt;
		*pid = m.pm_srv.pid;
	}
	return r;
}

/* End service process e at once (memory, slot, PM and VFS entries). */
int srv_exit(endpoint_t e)
{
	message m = { 0 };

	m.pm_srv.endpt = e;
	return pm_call(PM_SRV_EXIT, &m);
}

/*
 * The pid and user id of endpoint e, as PM knows it; asked only when PM
 * is free to answer at once, -EAGAIN while it is busy.  PM may be
 * waiting for VFS, VFS for a file system, the file system for a disk
 * driver that crashed, and the driver for its restart by RS, the caller:
 * waiting here could close that circle.
 */
int pm_getepinfo(endpoint_t e, int *pid, uint32_t *uid)
{
	message m = { .m_type = PM_GETEPINFO };

	m.pm_srv.endpt = e;
	int r = ipc_sendrec_nb(PM_PROC_NR, &m);
	if (r == -ENOTREADY)
		return -EAGAIN;
	if (r == OK)
		r = m.m_type;
	if (r == OK) {
		*pid = m.pm_ids.pid;
		*uid = (uint32_t)m.pm_ids.uid;
	}
	return r;
}
