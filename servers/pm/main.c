// SPDX-License-Identifier: BSD-2-Clause
/*
 * PM main loop and dispatch.  PM starts through SEF; its init gives
 * every boot process an entry (init is pid 1; system services get pids
 * too, for ps, but their signals are RS's business).  Requests go
 * through a designated-initialiser table that also says which calls a
 * system process may make; the reply carries the handler's status in
 * m_type.  After every message, pending signals are delivered, so that a
 * caller is answered before its own signal frame is pushed.
 */
#include "pm.h"

struct pm_call {
	pm_handler_t fn;
	bool system_ok; /* system processes may call it too */
};

#define CALL(nr) [(nr)-PM_RQ_BASE]
static const struct pm_call calls[PM_NR_CALLS] = {
	CALL(PM_EXIT) = { do_exit, false },
	CALL(PM_FORK) = { do_fork, false },
	CALL(PM_WAITPID) = { do_waitpid, false },
	CALL(PM_EXEC) = { do_exec, false },
	CALL(PM_KILL) = { do_kill, true },
	CALL(PM_GETPID) = { do_getpid, true },
	CALL(PM_GETUID) = { do_getuid, true },
	CALL(PM_SETUID) = { do_setuid, false },
	CALL(PM_SETGID) = { do_setgid, false },
	CALL(PM_SETSID) = { do_setsid, false },
	CALL(PM_GETPGRP) = { do_getpgrp, true },
	CALL(PM_SETPGID) = { do_setpgid, false },
	CALL(PM_GETSID) = { do_getsid, true },
	CALL(PM_SIGACTION) = { do_sigaction, false },
	CALL(PM_SIGPROCMASK) = { do_sigprocmask, false },
	CALL(PM_SIGPENDING) = { do_sigpending, false },
	CALL(PM_SIGSUSPEND) = { do_sigsuspend, false },
	CALL(PM_SIGRETURN) = { do_sigreturn, false },
	CALL(PM_ALARM) = { do_alarm, false },
	CALL(PM_TIMES) = { do_times, true },
	CALL(PM_TIME) = { do_time, true },
	CALL(PM_REBOOT) = { do_reboot, false },
	CALL(PM_KLOG) = { do_klog, true },
	CALL(PM_SRV_KILL) = { do_srv_kill, true },
	CALL(PM_GETPROCS) = { do_getprocs, true },
	CALL(PM_SRV_FORK) = { do_srv_fork, true },
	CALL(PM_SRV_EXIT) = { do_srv_exit, true },
	CALL(PM_GETEPINFO) = { do_getepinfo, true },
};

/* Stands in for a caller without an entry (a service RS started later). */
static struct mproc stranger;

void pm_reply(endpoint_t e, int result, message *m)
{
	message empty = { 0 };
	int r;

	if (m == NULL)
		m = &empty;
	m->m_type = result;
	if ((r = ipc_sendnb(e, m)) != OK)
		printf("pm: reply to %d failed: %d\n", e, r);
}

int pm_vm_call(message *m)
{
	int r = ipc_sendrec(VM_PROC_NR, m);

	return r != OK ? r : m->m_type;
}

static struct mproc *caller_of(endpoint_t e)
{
	struct mproc *mp = mp_by_endpt(e);

	if (mp != NULL)
		return mp;
	stranger = (struct mproc){ .flags = MP_IN_USE | MP_SYSTEM, .endpt = e };
	return &stranger;
}

/*
 * Is mp, the live entry of e when its call began, still that after the
 * call?  A kill of itself ends the caller: mp_free() resets the endpoint
 * and a zombie keeps it but is no longer live (mp_by_endpt's test,
 * without the lookup).
 */
static bool still_caller(const struct mproc *mp, endpoint_t e)
{
	return mp->endpt == e && !(mp->flags & MP_ZOMBIE);
}

static void handle_request(message *m)
{
	endpoint_t e = m->m_source;
	uint32_t nr = (uint32_t)m->m_type - PM_RQ_BASE;
	struct mproc *mp = caller_of(e);
	int r;

	if (nr >= PM_NR_CALLS || calls[nr].fn == NULL)
		r = -ENOSYS;
	else if ((mp->flags & MP_SYSTEM) && !calls[nr].system_ok)
		r = -EPERM;
	else
		r = calls[nr].fn(mp, m);
	if (r == -EDONTREPLY)
		return;
	if (mp != &stranger && !still_caller(mp, e))
		return; /* the call ended the caller (kill of itself) */
	pm_reply(e, r, m);
}

/* An entry for boot process b; init is pid 1, the rest get the next. */
static void add_boot_process(const struct boot_image_entry *b)
{
	struct mproc *mp = mp_alloc();
	bool is_init = b->endpoint == INIT_PROC_NR && (b->flags & BOOT_USER);

	if (mp == NULL)
		panic("add_boot_process: no entry for %s", b->name);
	mp->pid = is_init ? INIT_PID : mp_alloc_pid();
	mp->ppid = (b->flags & BOOT_USER) && !is_init ? INIT_PID : 0;
	mp->pgid = mp->sid = mp->pid;
	if (!(b->flags & BOOT_USER))
		mp->flags |= MP_SYSTEM;
	strlcpy(mp->name, b->name, sizeof(mp->name));
	mp_set_endpt(mp, b->endpoint);
}

static int init_fresh(int type, const struct sef_init_info *info)
{
	static struct boot_image_entry image[BOOT_IMAGE_MAX];
	int n = sys_boot_image(image);

	(void)type;
	(void)info;
	if (n < 0)
		return n;
	mp_table_init();
	pm_vfs_init();
	for (int i = 0; i < n; i++)
		if (image[i].proc_nr >= 0 && !(image[i].flags & BOOT_FILE))
			add_boot_process(&image[i]);
	if (mp_by_pid(INIT_PID) == NULL)
		printf("pm: no init in the boot image\n");
	return OK;
}

int main(void);
int main(void)
{
	message m;
	uint32_t status;

	sef_setcb_init_fresh(init_fresh);
	sef_setcb_init_restart(sef_cb_init_restart_stateful);
	sef_setcb_signal_manager(pm_ksig);
	sef_startup();
	for (;;) {
		if (sef_receive_status(ANY, &m, &status) != OK)
			continue;
		if (!is_ipc_notify(status))
			handle_request(&m);
		else if (m.m_source == CLOCK)
			tmr_expire(m.notify.timestamp);
		sig_deliver_all();
	}
}
