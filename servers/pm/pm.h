/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * PM, the process manager: pids, parents and children, exit and wait,
 * exec, process groups and sessions, uids, signals of user processes,
 * alarms and times.  main.c runs the loop and the dispatch table; the
 * table and the pure decisions are proc.c and sigact.c; forkexit.c,
 * exec.c, signal.c, ids.c and misc.c hold the requests.
 *
 * Handlers take the caller's entry and the message, fill the reply's
 * payload in the same message and return the reply's m_type, or
 * -EDONTREPLY when there is no reply now (exit, exec, a blocked wait or
 * sigsuspend).  PM blocks only on VM and VFS (sendrec), neither of which
 * ever waits on PM, and on kernel calls.
 */
#ifndef PM_PM_H
#define PM_PM_H

#include <syslib.h>
#include <sef.h>
#include "proc.h"
#include "sigact.h"
#include "exec_path.h"

typedef int (*pm_handler_t)(struct mproc *caller, message *m);

/* main.c */
/* Send result (and m's payload, if m is not NULL) to e, never blocking. */
void pm_reply(endpoint_t e, int result, message *m);
/* sendrec m to VM: the IPC error or VM's reply status. */
int pm_vm_call(message *m);

/* forkexit.c */
int do_fork(struct mproc *caller, message *m);
int do_exit(struct mproc *caller, message *m);
int do_waitpid(struct mproc *caller, message *m);
/*
 * End live user process mp with wait status `status`: its memory and
 * slot go, it stays a zombie until its parent waits (or is freed now if
 * nobody will), its children go to init, its parent hears of it.
 */
void pm_exit_proc(struct mproc *mp, int32_t status);

/*
 * A new entry with a pid, and a new slot from VM holding a copy of
 * parent (or nothing, with VM_FORK_EMPTY in flags); *e is the child's
 * endpoint, not yet runnable.  -EAGAIN when entries, pids or memory run
 * out; nothing is left behind on failure.
 */
int pm_fork_slot(endpoint_t parent, uint32_t flags, struct mproc **child,
		 endpoint_t *e);

/* End service process mp at once: memory, slot, VFS entry, PM entry. */
void pm_release_service(struct mproc *mp);

/* exec.c */
int do_exec(struct mproc *caller, message *m);

/* signal.c */
int do_kill(struct mproc *caller, message *m);
int do_srv_kill(struct mproc *caller, message *m);
int do_sigaction(struct mproc *caller, message *m);
int do_sigprocmask(struct mproc *caller, message *m);
int do_sigpending(struct mproc *caller, message *m);
int do_sigsuspend(struct mproc *caller, message *m);
int do_sigreturn(struct mproc *caller, message *m);
/* Generate sig for mp (nothing for system processes and zombies). */
void sig_raise(struct mproc *mp, int sig, bool fault);
/* Deliver what can be delivered; call after each message is handled. */
void sig_deliver_all(void);
/* SEF signal-manager callback: a kernel signal for a user process. */
int pm_ksig(endpoint_t target, int sig);

/* ids.c */
int do_getpid(struct mproc *caller, message *m);
int do_getuid(struct mproc *caller, message *m);
int do_setuid(struct mproc *caller, message *m);
int do_setgid(struct mproc *caller, message *m);
int do_setsid(struct mproc *caller, message *m);
int do_getpgrp(struct mproc *caller, message *m);
int do_setpgid(struct mproc *caller, message *m);
int do_getsid(struct mproc *caller, message *m);

/* vfs.c: notices to VFS; all are skipped when the image has no VFS. */
void pm_vfs_init(void);
bool pm_vfs_present(void);
/* sendrec m to VFS: the IPC error or VFS's reply status (-ENOSYS: none). */
int pm_vfs_call(message *m);
void vfs_fork(const struct mproc *parent, const struct mproc *child);
void vfs_exit(const struct mproc *mp);
void vfs_setids(const struct mproc *mp);
void vfs_setsid(const struct mproc *mp);
/* End mp's wait in VFS, if any, with -EINTR (a signal is to be caught). */
void vfs_unpause(const struct mproc *mp);
/* Sync and unmount every file system (before a halt). */
int vfs_reboot(void);

/* misc.c */
int do_alarm(struct mproc *caller, message *m);
int do_times(struct mproc *caller, message *m);
int do_time(struct mproc *caller, message *m);
int do_reboot(struct mproc *caller, message *m);
int do_klog(struct mproc *caller, message *m);
/* Stop mp's alarm (at exit). */
void alarm_cancel(struct mproc *mp);

/* procinfo.c */
int do_getprocs(struct mproc *caller, message *m);

/* service.c */
int do_srv_fork(struct mproc *caller, message *m);
int do_srv_exit(struct mproc *caller, message *m);
int do_getepinfo(struct mproc *caller, message *m);

#endif
