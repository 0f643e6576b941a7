/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * RS, the reincarnation server: the root system process.  It starts the
 * boot services (boot.c) with the privileges of its boot table
 * (table.c), keeps one rproc entry per service, is the signal manager of
 * every system process (signal.c), recovers crashed and hung services
 * (manager.c, period.c), replaces them by new versions (live update,
 * update.c) and serves the `service` command (request.c).
 *
 * Recovery never waits on PM or VFS: a new instance comes from VM (an
 * empty fork of RS, then exec of the boot module or of RS's copy of the
 * binary), the kernel swaps it into the dead instance's slot, and RS
 * talks to it asynchronously.  So a crashed disk driver can be recovered
 * while VFS, and PM behind it, wait for that very driver.
 */
#ifndef RS_RS_H
#define RS_RS_H

#include "syslib.h"
#include "sef.h"
#include "ds.h"
#include "pm.h"
#include "vm.h"
#include <axo/priv.h>
#include <axo/rs.h>

#define NR_RPROCS	 32
#define RS_DELTA_T	 HZ	   /* the periodic check runs every second */
#define RS_INIT_TICKS	 (10 * HZ) /* an init must answer in time */
#define RS_STOP_TICKS	 (2 * HZ)  /* SIGTERM, then SIGKILL after this */
#define RS_MAX_BACKOFF	 30	   /* seconds */
#define RS_DRIVER_PERIOD (5 * HZ)  /* heartbeat of the boot drivers */
#define RS_CORE_PERIOD	 (2 * HZ)  /* of DS and VM, which never block */

/*
 * The kernel calls every service makes through libsys: printf, SEF (exit
 * on panic, clearing IPC references), grants, timers.
 */
#define RS_BASIC_CALLS \
	SYS_GETINFO, SYS_SYSCTL, SYS_SETGRANT, SYS_SAFECOPYFROM, \
		SYS_SAFECOPYTO, SYS_TIMES, SYS_SETALARM, SYS_EXIT

/* One service.  The instance is the process at `endpoint`. */
struct rproc {
	bool in_use;
	char label[PROC_NAME_LEN];    /* its name in DS and for `service` */
	char progname[PROC_NAME_LEN]; /* boot module or program name */
	endpoint_t endpoint;
	uint32_t flags;	    /* RS_* instance flags (<axo/rs.h>) */
	uint32_t sys_flags; /* SF_* */
	int policy;	    /* RS_POLICY_*, as the service's init said */
	int major;	    /* -1: not a driver */
	uint32_t uid;
	int restarts;
	int failed; /* recovery attempts that failed since the last success */

	/* Heartbeats and timers, in ticks since boot. */
	int period;	    /* 0: not pinged */
	clock_t64 alive_tm; /* last sign of life */
	clock_t64 check_tm; /* last ping (> alive_tm: one is outstanding) */
	clock_t64 stop_tm;  /* SIGTERM sent (down, refresh); 0: none */
	clock_t64 init_tm;  /* RS_INIT sent */
	int backoff;	    /* seconds until the restart; 0: none pending */

	/* The last crash and its recovery. */
	endpoint_t corpse;  /* the dead instance while its successor inits */
	endpoint_t replica; /* a frozen standby instance, or NONE */
	int last_signal;
	clock_t64 crash_tm;
	uint64_t crash_tsc;
	uint64_t recovery_cycles;
	uint32_t init_flags; /* SEF_INIT_* debug flags for the next init */
	bool fault_armed;    /* `service fi` sent a fault that ends it */

	/* The last live update: its outcome and durations in TSC cycles. */
	int upd_result;
	uint64_t upd_prepare, upd_swap, upd_init, upd_total, upd_blackout;

	/* The program: RS's own copy, or (image_len 0) boot module progname. */
	vir_bytes image;
	size_t image_len, image_cap;

	/* A `service` caller waiting for the outcome (RS_LATEREPLY in status). */
	endpoint_t caller;
	int caller_req;
};

/* The hardware a driver may touch. */
struct boot_device {
	int nr_io;
	struct io_range io[4];
	int irq; /* -1: none */
};

/* One line of the boot table: how RS sets up a boot service. */
struct boot_priv {
	const char *label;
	uint32_t flags;		  /* priv flags besides SYS_PROC */
	uint32_t sys_flags;	  /* SF_* */
	int period;		  /* heartbeat ticks; 0: none */
	int major;		  /* -1: not a driver */
	const int *calls;	  /* kernel calls, ended by 0 */
	const char *const *peers; /* may exchange IPC with, ended by NULL */
	const struct boot_device *device; /* NULL: no hardware */
};

extern struct rproc rproc[NR_RPROCS];
extern bool rs_shutting_down;

/* table.c */
const struct boot_priv *boot_priv_find(const char *label);
int boot_priv_spec(const struct boot_priv *bp,
		   const struct boot_image_entry *image, int n,
		   struct priv_spec *spec);

/* boot.c */
int rs_boot(int type, const struct sef_init_info *info);
bool rs_boot_crash(struct rproc *rp);

/* rproc.c: the table */
struct rproc *rproc_by_endpoint(endpoint_t e);
struct rproc *rproc_by_label(const char *label);
struct rproc *rproc_alloc(void);
void rproc_free(struct rproc *rp);
clock_t64 rs_now(void);
uint64_t rs_tsc(void);

/* Why a core server's restart was refused after a crash. */
#define RS_WHY_UNTRUSTED \
	"its state is not trustworthy after a crash that was not requested " \
	"(`service fi`)"

/* manager.c: instances */
void rs_destroy(endpoint_t e);
int rs_current_spec(const struct rproc *rp, struct priv_spec *spec);
_Noreturn void rs_halt(const char *label, const char *why);
void rs_recovered(struct rproc *rp);
bool rs_vm_answers(void);
int rs_create_instance(struct rproc *rp, const struct priv_spec *spec,
		       bool pm_known, endpoint_t *e);
int rs_run_instance(struct rproc *rp, int type, endpoint_t old);
void rs_terminated(struct rproc *rp, int signo);
void rs_restart(struct rproc *rp);
void rs_init_reply(message *m);
void rs_stop(struct rproc *rp, uint32_t how);
void rs_late_reply(struct rproc *rp, int result);
void rs_map_driver(const char *label, int major);

/* replica.c: hot standby */
int rs_replica_make(struct rproc *rp);
void rs_replica_drop(struct rproc *rp);
endpoint_t rs_replica_take(struct rproc *rp);
void rs_replica_refill(void);
int rs_takeover(int type, const struct sef_init_info *info);
int rs_set_backup_manager(endpoint_t e);

/* update.c: live update */
int rs_update_request(struct rproc *rp, const struct rs_start *rs,
		      uint32_t init_flags, endpoint_t caller);
int rs_update_sysctl(int subtype, endpoint_t caller);
void rs_update_prepared(message *m);
bool rs_update_init_reply(const message *m);
int rs_update_take_over(int type, const struct sef_init_info *info);
bool rs_update_death(endpoint_t e);
void rs_update_period(clock_t64 now);
void rs_update_end(int result);
bool rs_update_running(void);
bool rs_update_has(const struct rproc *rp);
bool rs_update_holds(endpoint_t e);

/* period.c */
void rs_period(void);
void rs_pong(endpoint_t e);

/* request.c */
void rs_request(message *m);

/* image.c: RS's copies of service binaries */
int rs_image_load(struct rproc *rp, endpoint_t from, vir_bytes addr,
		  size_t len);

/* privs.c */
int rs_priv_from_start(const struct rs_start *rs, struct priv_spec *spec);

/* signal.c */
int rs_signal_manager(endpoint_t target, int signo);
void rs_forward_signal(const struct rproc *rp, int signo);

#endif
