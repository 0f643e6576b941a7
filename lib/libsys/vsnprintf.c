// SPDX-License-Identifier: BSD-2-Clause
/*
 * A small vsnprintf for freestanding code; compiled into both the kernel
 * (its log) and libsys (printf).  Output is always terminated; the return
 * value is the length the full output would have had.
 */
#include <stdint.h>
#include <stdbool.h>
#include <axo/fmt.h>

struct sink {
	char *buf;
	size_t size, len;
};

static void put(struct sink *s, char c)
{
	if (s->len + 1 < s->size)
		s->buf[s->len] = c;
	s->len++;
}

static void put_number(struct sink *s, uint64_t v, unsigned base, bool neg,
		       int width, char pad)
{
	char tmp[24];
	int n = 0;

	do {
		tmp[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v != 0);
	if (neg)
		tmp[n++] = '-';
	for (int i = n; i < width; i++)
		put(s, pad);
	while (n > 0)
		put(s, tmp[--n]);
}

static void put_string(struct sink *s, const char *str, int width)
{
	if (str == NULL)
		str = "(null)";
	for (int i = (int)strlen(str); i < width; i++)
		put(s, ' ');
	while (*str != '\0')
		put(s, *str++);
}

static const char *conversion(struct sink *s, const char *fmt, va_list *ap)
{
	char pad = ' ';
	int width = 0, longs = 0;

	if (*fmt == '0')
		pad = '0';
	while (*fmt >= '0' && *fmt <= '9')
		width = width * 10 + (*fmt++ - '0');
	for (; *fmt == 'l'; fmt++)
		longs++;
	switch (*fmt) {
	case 'd':
	case 'i': {
		int64_t d = longs >= 2 ? va_arg(*ap, int64_t) :
					 va_arg(*ap, int);
		put_number(s, d < 0 ? -(uint64_t)d : (uint64_t)d, 10, d < 0,
			   width, pad);
		break;
	}
	case 'u':
	case 'x': {
		uint64_t u = longs >= 2 ? va_arg(*ap, uint64_t) :
					  va_arg(*ap, unsigned);
		put_number(s, u, *fmt == 'u' ? 10 : 16, false, width, pad);
		break;
	}
	case 'p':
		put_number(s, (uintptr_t)va_arg(*ap, void *), 16, false, 8,
			   '0');
		break;
	case 's':
		put_string(s, va_arg(*ap, const char *), width);
		break;
	case 'c':
		put(s, (char)va_arg(*ap, int));
		break;
	case '\0':
		return fmt;
	default:
		put(s, *fmt);
		break;
	}
	return fmt + 1;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct sink s = { buf, size, 0 };
	va_list args;

	va_copy(args, ap);
	while (*fmt != '\0') {
		if (*fmt != '%')
			put(&s, *fmt++);
		else
			fmt = conversion(&s, fmt + 1, &args);
	}
	va_end(args);
	if (size > 0)
		buf[s.len < size ? s.len : size - 1] = '\0';
	return (int)s.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
