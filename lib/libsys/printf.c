// SPDX-License-Identifier: BSD-2-Clause
/*
 * printf for system processes: format and write to the kernel log with
 * sys_sysctl(SYSCTL_PRINT).  One call per line-sized chunk, so concurrent
 * writers interleave by lines at worst.
 */
#include "syslib.h"

#define PRINTF_CHUNK 256

int printf(const char *fmt, ...)
{
	char buf[PRINTF_CHUNK];
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	size_t len = n < PRINTF_CHUNK ? (size_t)n : PRINTF_CHUNK - 1;
	sys_sysctl(SYSCTL_PRINT, buf, len, NONE);
	return n;
}
