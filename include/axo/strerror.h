/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Error messages for the codes of <axo/errno.h>; the table lives in
 * lib/libsys/strerror.c.
 */
#ifndef AXO_STRERROR_H
#define AXO_STRERROR_H

/*
 * The message for error code err, which may be given as E* or -E*.
 * Never NULL: codes without a message give "unknown error".  The string is
 * static and must not be modified.
 */
const char *sys_strerror(int err);

#endif
