/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What the service command and RS exchange (minix-facts §3, §5): the
 * description of a service to start, update or edit (struct rs_start,
 * which RS copies from the caller), and one line of `service status` (struct
 * rs_status).  The requests themselves are in <axo/msg_rs.h>.
 */
#ifndef AXO_RS_H
#define AXO_RS_H

#include <axo/types.h>
#include <axo/config.h>
#include <axo/kcall.h>
#include <axo/priv.h>

#define RS_CMD_LEN    128 /* the binary's absolute path, NUL included */
#define RS_ARGS_LEN   128 /* -args, NUL included */
#define RS_SCRIPT_LEN 128 /* -script path, NUL included */
#define RS_IPC_LEN    256 /* the ipc list: names separated by spaces */
#define RS_EXEC_MAX   (1024u * 1024) /* largest binary RS keeps a copy of */
#define RS_CMD_SELF   "self"	     /* cmd of `service update self` */

/* rs_start.flags: the service command's single-letter flags, and more. */
#define RSS_COPY	       0x00001 /* -c: keep the binary (always done) */
#define RSS_NOBLOCK	       0x00002 /* -n: answer before init ends */
#define RSS_REPLICA	       0x00004 /* -p: keep a hot-standby replica */
#define RSS_NO_BIN_EXP	       0x00008 /* -b: no exponential backoff */
#define RSS_BATCH	       0x00010 /* -q: schedule; `sysctl upd_run` */
#define RSS_PREPARE_ONLY_LU    0x00020 /* -o: prepare, then roll back */
#define RSS_FORCE_SELF_LU      0x00040 /* -s */
#define RSS_FORCE_INIT_CRASH   0x00080 /* -x: the new instance crashes */
#define RSS_FORCE_INIT_FAIL    0x00100 /* -y: its init reports ENOSYS */
#define RSS_FORCE_INIT_TIMEOUT 0x00200 /* -z: its init never answers */
#define RSS_FORCE_INIT_DEFCB   0x00400 /* -d: default init callbacks */
#define RSS_DETACH	       0x00800 /* -e */
#define RSS_NORESTART	       0x01000 /* -f: never restart it */
#define RSS_SYS_BASIC_CALLS    0x02000 /* add the calls every service makes */
#define RSS_IRQ_ALL	       0x04000 /* irq ALL: unchecked */
#define RSS_IO_ALL	       0x08000 /* io ALL: unchecked */
#define RSS_SELF_LU	       0x10000 /* `update self` */

/*
 * A service as the service command describes it.  Privileges come from
 * /etc/system.conf; RS grants nothing beyond them.  Strings are
 * NUL-terminated; RS refuses an rs_start whose strings are not (-EINVAL).
 */
struct rs_start {
	uint32_t flags;			    /* RSS_* */
	char label[PROC_NAME_LEN];	    /* default: the program name */
	char progname[PROC_NAME_LEN];	    /* default: basename of cmd */
	char cmd[RS_CMD_LEN];		    /* absolute path, or RS_CMD_SELF */
	char args[RS_ARGS_LEN];		    /* -args, split at spaces */
	char script[RS_SCRIPT_LEN];	    /* -script, "" for none */
	int32_t major;			    /* -dev/-major; -1: not a driver */
	int32_t period;			    /* heartbeat ticks; 0: none */
	int32_t restarts;		    /* -restarts override; -1: keep */
	uint32_t uid;			    /* system.conf uid */
	vir_bytes exec;			    /* the binary, in the caller */
	uint32_t exec_len;		    /* its size; at most RS_EXEC_MAX */
	uint32_t k_calls[KCALL_MASK_WORDS]; /* bit (call - KERNEL_CALL) */
	uint32_t vm_calls;		    /* bit (call - VM_RQ_BASE) */
	int32_t nr_irq;
	int32_t irq[NR_IRQ_PER_PRIV];
	int32_t nr_io;
	struct io_range io[NR_IO_RANGE];
	char ipc[RS_IPC_LEN]; /* ALL, ALL_SYS, or labels, SYSTEM, USER */
	int32_t lu_state;     /* update: SEF_LU_STATE_*, 0 means 1 */
	int32_t lu_maxtime;   /* update: ticks; 0 default (2 s), -1 none */
};

/* rs_status.sys_flags: how RS treats the service (MINIX's SF_*). */
#define SF_CORE_SRV    0x0001 /* cannot be downed */
#define SF_NEED_COPY   0x0004 /* must keep a copy of its binary */
#define SF_USE_COPY    0x0008 /* keeps a copy of its binary */
#define SF_NEED_REPL   0x0010 /* recovered only from a replica */
#define SF_USE_REPL    0x0020 /* keeps a hot-standby replica */
#define SF_USE_SCRIPT  0x0200
#define SF_DET_RESTART 0x0400
#define SF_NORESTART   0x0800
#define SF_NO_BIN_EXP  0x1000

/* rs_status.flags: the instance's state (MINIX's RS_* instance flags). */
#define RS_IN_USE	0x0001
#define RS_EXITING	0x0002 /* its end is expected: no restart */
#define RS_REFRESHING	0x0004 /* start it again when it ends */
#define RS_NOPINGREPLY	0x0008 /* killed for missing heartbeats */
#define RS_TERMINATED	0x0010 /* dead, recovery pending */
#define RS_LATEREPLY	0x0020 /* a caller waits for the outcome */
#define RS_INITIALIZING 0x0040 /* its init reply is not in yet */
#define RS_UPDATING	0x0080 /* a live update is in progress */
#define RS_ACTIVE	0x0800 /* the instance that is the service now */

/* rs_status.policy: what a crash does to the endpoint. */
#define RS_POLICY_RESTART 0 /* same endpoint: clients do not notice */
#define RS_POLICY_RESET	  1 /* new endpoint: clients must look it up */

/*
 * One service, as `service status` prints it.  Times are clock ticks
 * since boot (0: never); durations are TSC cycles, which under
 * `-icount shift=0` are executed guest instructions (virtual ns).
 */
struct rs_status {
	char label[PROC_NAME_LEN];
	char progname[PROC_NAME_LEN];
	endpoint_t endpoint;
	int32_t pid;
	int32_t restarts;
	uint32_t flags;		  /* RS_* instance flags */
	uint32_t sys_flags;	  /* SF_* */
	int32_t period;		  /* heartbeat ticks; 0: none */
	int32_t policy;		  /* RS_POLICY_* */
	int32_t major;		  /* -1: not a driver */
	int32_t backoff;	  /* seconds until the next restart; 0: none */
	int32_t last_signal;	  /* what ended the last instance; 0: none */
	uint32_t crash_ticks;	  /* when the last crash happened */
	uint64_t recovery_cycles; /* crash -> new instance initialised */
	/* The last live update; all 0 if there was none. */
	uint64_t upd_prepare_cycles; /* asked to prepare -> ready */
	uint64_t upd_swap_cycles;    /* ready -> new instance swapped in */
	uint64_t upd_init_cycles;    /* swapped in -> its init reported */
	uint64_t upd_total_cycles;   /* update started -> committed */
	uint64_t upd_blackout_cycles; /* old instance's last answer -> new's first */
	int32_t upd_result;	      /* its outcome, OK or -E* */
	uint32_t pad;
};

#endif
