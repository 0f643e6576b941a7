/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The process table as ps reads it: procs_axo.c asks PM (PM_GETPROCS);
 * procs_host.c gives a fixed table for the host tests.
 */
#ifndef CMD_PS_PROCS_H
#define CMD_PS_PROCS_H

#define PS_NAME_LEN 32
#define PS_MAX	    256		  /* processes at most */
#define PS_NO_ENDPT (-0x7fff - 1) /* a zombie has no endpoint */

struct ps_proc {
	int pid, ppid;
	int endpt;  /* PS_NO_ENDPT for a zombie */
	char state; /* R running, S sleeping, T stopped, Z zombie */
	char name[PS_NAME_LEN];
};

/* Fill p[0..max); the number filled, or -1 with errno. */
int ps_read_procs(struct ps_proc *p, int max);

#endif
