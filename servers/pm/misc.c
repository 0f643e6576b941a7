// SPDX-License-Identifier: BSD-2-Clause
/*
 * Alarms, times, the clock, reboot (VFS syncs and unmounts first) and
 * the interim console output.
 * Alarms are libsys timers (one per entry) multiplexed on PM's kernel
 * alarm; main.c feeds them the CLOCK notifications.
 */
#include "pm.h"

static struct sys_timer alarms[NR_MPROCS];

static clock_t64 uptime(void)
{
	struct sys_times_msg t;

	return sys_times(NONE, &t) == OK ? t.uptime : 0;
}

static void alarm_expired(int index)
{
	sig_raise(&mproc[index], SIGALRM, false);
}

void alarm_cancel(struct mproc *mp)
{
	tmr_cancel(&alarms[mp_index(mp)]);
}

/* Whole seconds left on t, rounded up (0: not armed). */
static uint32_t seconds_left(const struct sys_timer *t)
{
	if (!t->armed)
		return 0;
	clock_t64 now = uptime();
	clock_t64 left = t->expires > now ? t->expires - now : 0;
	uint32_t s = (uint32_t)((left + HZ - 1) / HZ);
	return s > 0 ? s : 1;
}

int do_alarm(struct mproc *caller, message *m)
{
	struct sys_timer *t = &alarms[mp_index(caller)];
	uint32_t seconds = m->pm_alarm.seconds;
	uint32_t left = seconds_left(t);

	tmr_cancel(t);
	if (seconds > 0) {
		uint32_t ticks = seconds > UINT32_MAX / HZ ? UINT32_MAX :
							     seconds * HZ;
		tmr_set(t, ticks, alarm_expired, mp_index(caller));
	}
	return (int)left;
}

int do_times(struct mproc *caller, message *m)
{
	struct sys_times_msg t;
	int r;

	if ((r = sys_times(caller->endpt, &t)) != OK)
		return r;
	m->pm_times = (struct pm_times_msg){
		.utime = t.user_ticks,
		.stime = t.sys_ticks,
		.cutime = caller->cutime,
		.cstime = caller->cstime,
		.uptime_lo = (uint32_t)t.uptime,
		.uptime_hi = (uint32_t)(t.uptime >> 32),
	};
	return OK;
}

/*
 * Wall-clock time.  There is no RTC driver yet, so the system believes
 * it booted at the epoch: the time is the uptime.
 */
int do_time(struct mproc *caller, message *m)
{
	clock_t64 now = uptime();

	(void)caller;
	m->pm_time.sec = (uint32_t)(now / HZ);
	m->pm_time.usec = (uint32_t)(now % HZ) * (1000000u / HZ);
	return OK;
}

int do_reboot(struct mproc *caller, message *m)
{
	int how = m->pm_reboot.how;

	if (caller->euid != 0)
		return -EPERM;
	if (how != PM_RB_HALT && how != PM_RB_REBOOT && how != PM_RB_POWEROFF)
		return -EINVAL;
	int r = vfs_reboot();
	if (r != OK)
		printf("pm: file systems not unmounted cleanly: %d\n", r);
	switch (how) {
	case PM_RB_HALT:
		return sys_abort(ABORT_HALT, 0);
	case PM_RB_REBOOT:
		return sys_abort(ABORT_REBOOT, 0);
	default:
		return sys_abort(ABORT_EXIT, m->pm_reboot.status);
	}
}

/*
 * A user process's output to the kernel log.  Interim: this goes away
 * with the tty driver and VFS.  Returns the bytes written.
 */
int do_klog(struct mproc *caller, message *m)
{
	static char buf[PM_KLOG_MAX];
	vir_bytes len = m->pm_klog.len;
	int r;

	if (len > PM_KLOG_MAX)
		return -EINVAL;
	if (len == 0)
		return 0;
	if (sys_vircopy(caller->endpt, m->pm_klog.buf, SELF, (vir_bytes)buf,
			len) != OK)
		return -EFAULT;
	r = sys_sysctl(SYSCTL_PRINT, buf, len, NONE);
	return r == OK ? (int)len : r;
}
