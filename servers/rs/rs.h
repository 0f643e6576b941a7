/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * RS, the reincarnation server: the root system process.  It starts the
 * boot services (boot.c) with the privileges of its boot table (table.c),
 * keeps one rproc entry per system process it manages, and is their
 * signal manager (signal.c).
 */
#ifndef RS_RS_H
#define RS_RS_H

#include "syslib.h"
#include "sef.h"
#include <axo/priv.h>

#define NR_RPROCS     32
#define RS_INIT_TICKS (10 * HZ) /* a boot service's init must answer in time */

/* The part of an rproc entry other servers may be told about. */
struct rprocpub {
	char label[PROC_NAME_LEN];
	endpoint_t endpoint;
	bool in_use;
	bool sys_proc; /* false: runs with user privileges (init) */
};

/* Service states. */
enum rp_state {
	RP_FREE,
	RP_INITIALIZING, /* allowed to run, init reply not yet in */
	RP_RUNNING,
	RP_INIT_FAILED, /* its init callback reported an error */
	RP_DEAD,	/* crashed or exited; frozen until recovery exists */
};

struct rproc {
	struct rprocpub pub;
	enum rp_state state;
	int init_result;
	int restarts;
	int exit_signal; /* the signal that killed it, or 0 */
};

/* The hardware a driver may touch. */
struct boot_device {
	int nr_io;
	struct io_range io[2];
	int irq; /* -1: none */
};

/* One line of the boot table: how RS sets up a boot service. */
struct boot_priv {
	const char *label;
	uint32_t flags;		  /* priv flags besides SYS_PROC */
	const int *calls;	  /* kernel calls, ended by 0 */
	const char *const *peers; /* may exchange IPC with, ended by NULL */
	const struct boot_device *device; /* NULL: no hardware */
};

extern struct rproc rproc[NR_RPROCS];

/* table.c */
const struct boot_priv *boot_priv_find(const char *label);
int boot_priv_spec(const struct boot_priv *bp,
		   const struct boot_image_entry *image, int n,
		   struct priv_spec *spec);

/* boot.c */
int rs_boot(int type, const struct sef_init_info *info);
struct rproc *rproc_by_endpoint(endpoint_t e);

/* signal.c */
int rs_signal_manager(endpoint_t target, int signo);

#endif
