// SPDX-License-Identifier: BSD-2-Clause
/*
 * panic() for system processes: print the message and a stack trace of
 * the caller, then exit; the signal manager sees SIGABRT.
 */
#include "syslib.h"

_Noreturn void panic(const char *fmt, ...)
{
	char buf[200];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	printf("panic: %s\n", buf);
	sys_sysctl(SYSCTL_STACKTRACE, NULL, 0, SELF);
	for (;;)
		sys_exit();
}
