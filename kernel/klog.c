// SPDX-License-Identifier: BSD-2-Clause
/*
 * The kernel log: formatted output to COM1, through the formatter shared
 * with libsys (lib/libsys/vsnprintf.c).  Lines longer than the buffer are
 * cut.
 */
#include "kernel.h"

#define KLOG_LINE 256

void kprintf(const char *fmt, ...)
{
	char buf[KLOG_LINE];
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	kputs_n(buf, n < KLOG_LINE ? (size_t)n : KLOG_LINE - 1);
}

/* Write n raw characters, e.g. a user's diagnostic print. */
void kputs_n(const char *str, size_t n)
{
	while (n-- > 0)
		serial_putc(*str++);
}
