/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The permission matrix (issue 7): permtest.c runs the cells of cells.c,
 * each one forbidden thing tried by a normal user in a child process.
 */
#ifndef PERMTEST_PERMTEST_H
#define PERMTEST_PERMTEST_H

#include <errno.h>
#include <stdint.h>

#include <axo/errno.h>
#include <axo/ipc.h>

#define PERM_UID 1000 /* the normal user every cell runs as */

/* Raw IPC trap with message m; OK or -E*. */
int perm_trap(uint32_t trap, endpoint_t dst, message *m);

/* The reply's status when the trap succeeded, else the trap's error. */
int r_of(int r, const message *m);

/* Cells: each returns OK or -E* (cell_port_io only if not killed). */
int cell_ipc(int e);
int cell_trap(int t);
int cell_kcall(int nr);
int cell_forged_grant(int g);
int cell_port_io(int which);
int cell_open_write(int i);
int cell_open_disk(int i);
int cell_server(int which);

#endif
