/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * PM's process table and its pure bookkeeping: entries, pids, the
 * parent/child relation, wait matching, process groups and sessions, and
 * the signal-action decisions (sigact.c).  Nothing here calls the kernel,
 * so proc.c, sigact.c and exec_path.c are unit-tested on the host.
 *
 * An entry lives from fork (or boot) until its parent has waited for it:
 * a zombie keeps its pid and wait status but has no endpoint any more.
 * The table is independent of kernel slots: a live entry is found through
 * a slot map, so a zombie never holds a kernel slot.
 */
#ifndef PM_PROC_H
#define PM_PROC_H

#include <axo/types.h>
#include <axo/config.h>
#include <axo/endpoint.h>
#include <axo/errno.h>
#include <axo/msg_pm.h>

#define NR_MPROCS	NR_PROCS
#define PM_SLOT_RESERVE 16    /* entries never given to fork (services) */
#define PID_MAX		30000 /* pids are 1..PID_MAX */
#define INIT_PID	1
#define PM_NSIG		32 /* signals 1..31 */

/* mproc flags */
#define MP_IN_USE	0x01
#define MP_ZOMBIE	0x02 /* exited, waiting to be reaped */
#define MP_SYSTEM	0x04 /* a system service: not PM's to signal */
#define MP_WAITING	0x08 /* blocked in PM_WAITPID */
#define MP_SIGSUSPENDED 0x10 /* blocked in PM_SIGSUSPEND */
#define MP_EXECED	0x20 /* has called exec since fork (setpgid) */

struct mproc {
	uint32_t flags;
	endpoint_t endpt; /* NONE for a zombie */
	int32_t pid, ppid, pgid, sid;
	int32_t uid, euid, gid, egid;
	int32_t wait_status; /* zombie: what the parent's wait gets */
	int32_t wait_pid, wait_options; /* MP_WAITING: the request */
	uint32_t sig_mask;		/* blocked signals */
	uint32_t sig_pending;
	uint32_t sig_saved_mask; /* MP_SIGSUSPENDED: mask to restore */
	vir_bytes sig_trampoline;
	struct pm_sigaction_abi sigact[PM_NSIG];
	uint32_t utime, stime;	 /* zombie: own ticks at exit */
	uint32_t cutime, cstime; /* ticks of reaped children */
	char name[PROC_NAME_LEN];
};

extern struct mproc mproc[NR_MPROCS];

/* Reset the table: every entry free, no slot mapped. */
void mp_table_init(void);

/* A free entry, zeroed and marked in use; NULL when the table is full. */
struct mproc *mp_alloc(void);

/* Release mp (unmapping its endpoint if still mapped). */
void mp_free(struct mproc *mp);

/* Bind mp to endpoint e (a live process); unbind with e == NONE. */
void mp_set_endpt(struct mproc *mp, endpoint_t e);

/* The live (non-zombie) entry of endpoint e, or NULL. */
struct mproc *mp_by_endpt(endpoint_t e);

/* The entry (live or zombie) with pid, or NULL. */
struct mproc *mp_by_pid(int32_t pid);

/* The index of mp in mproc[]. */
int mp_index(const struct mproc *mp);

/* Entries in use (live, zombie and system). */
int mp_count_used(void);

/* May a fork take one more entry?  Keeps PM_SLOT_RESERVE free. */
bool mp_fork_allowed(void);

/*
 * The next free pid: one not used as a pid, process group or session id
 * by any entry.  Returns the pid (> 0) or -EAGAIN when none is left.
 */
int32_t mp_alloc_pid(void);

/* Is mp a user process PM manages (in use, not a system service)? */
bool mp_is_user(const struct mproc *mp);

/* Does child match a waitpid(pid) of parent (pid as in pm_wait_msg)? */
bool mp_wait_matches(const struct mproc *parent, const struct mproc *child,
		     int32_t pid);

enum wait_find {
	WAIT_NO_CHILD, /* no child matches: -ECHILD */
	WAIT_BLOCK,    /* children match, none has exited yet */
	WAIT_ZOMBIE,   /* *zombie is a matching exited child */
};

/* Look for a child of parent that waitpid(pid) can collect. */
enum wait_find mp_wait_find(const struct mproc *parent, int32_t pid,
			    struct mproc **zombie);

/*
 * Give every child of dead to the process with pid INIT_PID.  Returns
 * true when one of them is a zombie (init has something to reap).
 */
bool mp_reparent_children(const struct mproc *dead);

/* Does a process group pgid exist in session sid? */
bool mp_pgrp_exists(int32_t pgid, int32_t sid);

/*
 * setpgid(pid, pgid) by caller, checked as POSIX asks: returns the
 * target entry through *target and OK, or -EINVAL, -ESRCH, -EACCES,
 * -EPERM.  Changes nothing.
 */
int mp_check_setpgid(const struct mproc *caller, int32_t pid, int32_t pgid,
		     struct mproc **target);

/* setsid() by caller: OK or -EPERM.  Changes nothing. */
int mp_check_setsid(const struct mproc *caller);

/* May sender signal target?  Superuser, or a matching real/eff. uid. */
bool mp_may_signal(const struct mproc *sender, const struct mproc *target);

#endif
