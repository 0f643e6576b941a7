/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The PM client for servers (lib/libsys/pm.c): RS's calls for service
 * processes.  PM answers SRV_FORK and SRV_EXIT to RS only (-EPERM).
 */
#ifndef LIBSYS_PM_H
#define LIBSYS_PM_H

#include <axo/ipc.h>

int srv_fork(uint32_t uid, const char *name, endpoint_t *e, int *pid);
int srv_exit(endpoint_t e);
int pm_getepinfo(endpoint_t e, int *pid, uint32_t *uid);

#endif
