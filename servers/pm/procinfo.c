// SPDX-License-Identifier: BSD-2-Clause
/*
 * PM_GETPROCS: the process table as ps sees it.  Each entry in use
 * becomes one struct pm_procinfo (pid, parent, endpoint, state, name),
 * built in a local table and copied to the caller in one sys_vircopy.
 */
#include "pm.h"

/* PM's idea of what mp is doing, as a PM_PS_* state. */
static uint32_t proc_state(const struct mproc *mp)
{
	if (mp->flags & MP_ZOMBIE)
		return PM_PS_ZOMBIE;
	if (mp->flags & (MP_WAITING | MP_SIGSUSPENDED))
		return PM_PS_SLEEPING;
	return PM_PS_RUNNING;
}

/* Fill *out from mp (in use). */
static void proc_describe(const struct mproc *mp, struct pm_procinfo *out)
{
	*out = (struct pm_procinfo){
		.pid = mp->pid,
		.ppid = mp->ppid,
		.endpt = (mp->flags & MP_ZOMBIE) ? NONE : mp->endpt,
		.state = proc_state(mp),
	};
	strlcpy(out->name, mp->name, sizeof(out->name));
}

/*
 * Copy up to pm_getprocs.count entries to pm_getprocs.buf; the reply
 * says how many (m_type) and how many exist (pm_getprocs.total).
 * -EFAULT if the buffer cannot be written; count is clipped to the
 * table, so a huge count is harmless.
 */
int do_getprocs(struct mproc *caller, message *m)
{
	static struct pm_procinfo table[NR_MPROCS];
	uint32_t want = m->pm_getprocs.count;
	uint32_t total = 0, copied = 0;

	for (int i = 0; i < NR_MPROCS; i++) {
		if (!(mproc[i].flags & MP_IN_USE))
			continue;
		if (copied < want)
			proc_describe(&mproc[i], &table[copied++]);
		total++;
	}
	if (copied > 0 &&
	    sys_vircopy(SELF, (vir_bytes)table, caller->endpt,
			m->pm_getprocs.buf, copied * sizeof(table[0])) != OK)
		return -EFAULT;
	m->pm_getprocs.total = total;
	return (int)copied;
}
