/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The PM protocol: the POSIX process calls of user programs.  Every call
 * is a sendrec to PM_PROC_NR; the reply's m_type is the result (>= 0) or
 * -E*.  One named payload per call, listed in MSG_PM_MEMBERS for the union
 * in <axo/ipc.h>.  Pointers are addresses in the caller's memory.
 */
#ifndef AXO_MSG_PM_H
#define AXO_MSG_PM_H

#include <axo/types.h>
#include <axo/msgtype.h>
#include <axo/config.h>

#define PM_EXIT	       (PM_RQ_BASE + 0)	 /* pm_exit: never answered */
#define PM_FORK	       (PM_RQ_BASE + 1)	 /* -> child pid; the child gets 0 */
#define PM_WAITPID     (PM_RQ_BASE + 2)	 /* pm_wait -> pid */
#define PM_EXEC	       (PM_RQ_BASE + 3)	 /* pm_exec: no answer on success */
#define PM_KILL	       (PM_RQ_BASE + 4)	 /* pm_kill */
#define PM_GETPID      (PM_RQ_BASE + 5)	 /* -> pid; pm_ids.ppid */
#define PM_GETUID      (PM_RQ_BASE + 6)	 /* -> 0; pm_ids */
#define PM_SETUID      (PM_RQ_BASE + 7)	 /* pm_ids.uid */
#define PM_SETGID      (PM_RQ_BASE + 8)	 /* pm_ids.gid */
#define PM_SETSID      (PM_RQ_BASE + 9)	 /* -> new session id */
#define PM_GETPGRP     (PM_RQ_BASE + 10) /* pm_pgid.pid -> pgid (0: self) */
#define PM_SETPGID     (PM_RQ_BASE + 11) /* pm_pgid */
#define PM_GETSID      (PM_RQ_BASE + 12) /* pm_pgid.pid -> session id */
#define PM_SIGACTION   (PM_RQ_BASE + 13) /* pm_sigaction */
#define PM_SIGPROCMASK (PM_RQ_BASE + 14) /* pm_sigmask */
#define PM_SIGPENDING  (PM_RQ_BASE + 15) /* pm_sigmask.set out */
#define PM_SIGSUSPEND  (PM_RQ_BASE + 16) /* pm_sigmask.set: -EINTR */
#define PM_SIGRETURN   (PM_RQ_BASE + 17) /* pm_sigreturn: no answer */
#define PM_ALARM       (PM_RQ_BASE + 18) /* pm_alarm -> seconds left */
#define PM_TIMES       (PM_RQ_BASE + 19) /* pm_times */
#define PM_TIME	       (PM_RQ_BASE + 20) /* pm_time: wall clock */
#define PM_REBOOT      (PM_RQ_BASE + 21) /* pm_reboot: superuser only */
#define PM_KLOG	       (PM_RQ_BASE + 22) /* pm_klog: stdout until a tty exists */
#define PM_SRV_KILL    (PM_RQ_BASE + 23) /* pm_kill, system processes: no answer */
#define PM_GETPROCS    (PM_RQ_BASE + 24) /* pm_getprocs -> entries copied */
#define PM_SRV_FORK    (PM_RQ_BASE + 25) /* pm_srv: RS only -> child endpt, pid */
#define PM_SRV_EXIT    (PM_RQ_BASE + 26) /* pm_srv: RS only, end it now */
#define PM_GETEPINFO   (PM_RQ_BASE + 27) /* pm_srv.endpt -> pm_ids of it */
#define PM_NR_CALLS    28

/* waitpid options (newlib's values). */
#define PM_WNOHANG   1
#define PM_WUNTRACED 2

/* sigprocmask how (newlib's values). */
#define PM_SIG_SETMASK 0
#define PM_SIG_BLOCK   1
#define PM_SIG_UNBLOCK 2

/* sigaction flags and special handlers (newlib's values). */
#define PM_SA_NOCLDSTOP 0x1
#define PM_SA_SIGINFO	0x2
#define PM_SA_RESETHAND 0x4
#define PM_SA_NODEFER	0x8
#define PM_SIG_DFL	((vir_bytes)0)
#define PM_SIG_IGN	((vir_bytes)1)

/* reboot how. */
#define PM_RB_HALT     0
#define PM_RB_REBOOT   1
#define PM_RB_POWEROFF 2 /* leave the emulator with pm_reboot.status */

/* Wait status encoding, as newlib's <sys/wait.h> decodes it. */
#define PM_W_EXITED(code)  (((code)&0xff) << 8)
#define PM_W_SIGNALED(sig) ((sig)&0x7f)

struct pm_exit_msg {
	int32_t status; /* exit code, 0..255 */
};

struct pm_wait_msg {
	int32_t pid;	 /* -1: any child; > 0: that one; 0 / < -1: group */
	int32_t options; /* PM_WNOHANG ... */
	int32_t status;	 /* reply: wait status */
};

struct pm_exec_msg {
	vir_bytes path;	    /* NUL-terminated */
	vir_bytes path_len; /* bytes including the NUL */
	vir_bytes frame;    /* argument frame, see VM_EXEC */
	vir_bytes frame_len;
};

/*
 * KILL from a user process; SRV_KILL from a system process (the tty
 * driver's ^C, RS), which PM never answers, so the sender may use
 * asynsend and never wait on PM.
 */
struct pm_kill_msg {
	int32_t pid; /* > 0 one process, 0 own group, -1 all, < -1 group */
	int32_t sig; /* 0: only check */
};

/*
 * RS's calls for services.  SRV_FORK makes a child of RS with an empty
 * address space that cannot run (RTS_NO_PRIV): RS fills it with VM_EXEC
 * and gives it privileges.  SRV_EXIT tears a service process down at
 * once (VM, kernel, VFS, PM's table), with no zombie and no SIGCHLD; it
 * is how RS removes the corpse of a crashed instance.  GETEPINFO
 * answers in pm_ids (pid, uid, euid, gid) for any endpoint PM knows.
 */
struct pm_srv_msg {
	endpoint_t endpt;	  /* SRV_EXIT, GETEPINFO; reply of SRV_FORK */
	int32_t pid;		  /* reply of SRV_FORK */
	int32_t uid;		  /* SRV_FORK: the child's user id */
	char name[PROC_NAME_LEN]; /* SRV_FORK: its name, for ps */
};

struct pm_ids_msg {
	int32_t pid, ppid; /* reply of GETPID */
	int32_t uid, euid; /* reply of GETUID; SETUID takes uid */
	int32_t gid, egid; /* reply of GETUID; SETGID takes gid */
};

struct pm_pgid_msg {
	int32_t pid;
	int32_t pgid;
};

struct pm_sigaction_msg {
	int32_t sig;
	vir_bytes act;	      /* struct pm_sigaction_abi, or 0 */
	vir_bytes oact;	      /* written when not 0 */
	vir_bytes trampoline; /* libc's return path through PM_SIGRETURN */
};

/* sigaction as it travels between libc and PM. */
struct pm_sigaction_abi {
	vir_bytes handler; /* PM_SIG_DFL, PM_SIG_IGN or a function */
	uint32_t mask;	   /* blocked during the handler */
	uint32_t flags;	   /* PM_SA_* */
};

struct pm_sigmask_msg {
	int32_t how;  /* PM_SIG_* for SIGPROCMASK */
	uint32_t set; /* new set; reply: the old (or pending) set */
};

struct pm_sigreturn_msg {
	vir_bytes context; /* the struct sigcontext SYS_SIGSEND saved */
};

struct pm_alarm_msg {
	uint32_t seconds;
};

struct pm_times_msg { /* reply, in clock ticks (HZ) */
	uint32_t utime, stime, cutime, cstime;
	uint32_t uptime_lo, uptime_hi; /* ticks since boot */
};

struct pm_time_msg {  /* reply */
	uint32_t sec; /* seconds since 1970 */
	uint32_t usec;
};

struct pm_reboot_msg {
	int32_t how; /* PM_RB_* */
	int32_t status;
};

/*
 * Until VFS and the tty driver exist, libc writes descriptors 1 and 2 to
 * the kernel log through PM (at most PM_KLOG_MAX bytes per call).
 */
struct pm_klog_msg {
	vir_bytes buf;
	vir_bytes len;
};

#define PM_KLOG_MAX 256

/* Process states in struct pm_procinfo. */
#define PM_PS_RUNNING  0 /* runnable, or blocked outside PM */
#define PM_PS_SLEEPING 1 /* blocked in waitpid, sigsuspend or pause */
#define PM_PS_STOPPED  2
#define PM_PS_ZOMBIE   3 /* exited, not yet waited for */

/* One process as PM_GETPROCS reports it. */
struct pm_procinfo {
	int32_t pid, ppid;
	endpoint_t endpt; /* NONE for a zombie */
	uint32_t state;	  /* PM_PS_* */
	char name[PROC_NAME_LEN];
};

/*
 * Copy at most count entries of struct pm_procinfo, in table order, to
 * buf in the caller's memory.  The reply's m_type is the number copied;
 * total is how many processes PM has (more than copied: buf was short).
 */
struct pm_getprocs_msg {
	vir_bytes buf;
	uint32_t count;
	uint32_t total; /* reply */
};

#define MSG_PM_MEMBERS \
	struct pm_exit_msg pm_exit; \
	struct pm_wait_msg pm_wait; \
	struct pm_exec_msg pm_exec; \
	struct pm_kill_msg pm_kill; \
	struct pm_ids_msg pm_ids; \
	struct pm_pgid_msg pm_pgid; \
	struct pm_sigaction_msg pm_sigaction; \
	struct pm_sigmask_msg pm_sigmask; \
	struct pm_sigreturn_msg pm_sigreturn; \
	struct pm_alarm_msg pm_alarm; \
	struct pm_times_msg pm_times; \
	struct pm_time_msg pm_time; \
	struct pm_reboot_msg pm_reboot; \
	struct pm_klog_msg pm_klog; \
	struct pm_getprocs_msg pm_getprocs; \
	struct pm_srv_msg pm_srv;

_Static_assert(sizeof(struct pm_ids_msg) <= MSG_PAYLOAD_SIZE, "pm_ids");
_Static_assert(sizeof(struct pm_times_msg) <= MSG_PAYLOAD_SIZE, "pm_times");

#endif
