/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Freestanding string and formatting routines, one implementation shared
 * by the kernel and libsys (lib/libsys/string.c, lib/libsys/vsnprintf.c).
 * The formatter knows %d %i %u %x %p %s %c %%, l/ll, width and 0-padding.
 */
#ifndef AXO_FMT_H
#define AXO_FMT_H

#include <stdarg.h>
#include <stddef.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
size_t strlcpy(char *dst, const char *src, size_t size);

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
