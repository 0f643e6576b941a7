/* SPDX-License-Identifier: BSD-2-Clause */
/* <utime.h>: newlib's generic build declares the struct but not utime(). */
#ifndef AXO_LIBC_SYS_UTIME_H
#define AXO_LIBC_SYS_UTIME_H

#include <sys/types.h>

struct utimbuf {
	time_t actime;
	time_t modtime;
};

int utime(const char *path, const struct utimbuf *times);

#endif
