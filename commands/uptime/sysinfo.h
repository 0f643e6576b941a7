/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What uptime shows: sysinfo_axo.c asks PM (times, PM_GETPROCS);
 * sysinfo_host.c gives fixed figures for the host tests.
 */
#ifndef CMD_UPTIME_SYSINFO_H
#define CMD_UPTIME_SYSINFO_H

/* Seconds since boot and processes; 0, or -1 with errno. */
int uptime_read(unsigned long *seconds, unsigned *procs);

#endif
