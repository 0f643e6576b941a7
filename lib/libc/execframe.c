// SPDX-License-Identifier: BSD-2-Clause
/*
 * The exec argument frame (see execframe.h): sizing and building.  Words
 * are written with memcpy so the same code runs in the guest and in the
 * host unit test (test/unit/test_execframe.c).
 */
#include <string.h>

#include "execframe.h"

/* Entries of a NULL-terminated vector (a NULL vector has none). */
static size_t vec_count(char *const vec[])
{
	size_t n = 0;

	if (vec != NULL)
		while (vec[n] != NULL)
			n++;
	return n;
}

/*
 * Adds the bytes of vec's strings (with their NULs) to *total; false if
 * the sum passes max on the way.
 */
static int vec_string_bytes(char *const vec[], size_t n, size_t max,
			    size_t *total)
{
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(vec[i]) + 1;

		if (len > max || *total > max - len)
			return 0;
		*total += len;
	}
	return 1;
}

size_t execframe_size(char *const argv[], char *const envp[], size_t max)
{
	size_t argc = vec_count(argv), envc = vec_count(envp);
	size_t total;

	if (argc > max / 4 || envc > max / 4)
		return 0;
	total = (1 + argc + 1 + envc + 1) * 4;
	if (total > max || !vec_string_bytes(argv, argc, max, &total) ||
	    !vec_string_bytes(envp, envc, max, &total))
		return 0;
	total = (total + 15) & ~(size_t)15;
	return total <= max ? total : 0;
}

static void put_word(unsigned char *buf, size_t *off, uint32_t w)
{
	unsigned char b[4] = { w & 0xff, (w >> 8) & 0xff, (w >> 16) & 0xff,
			       w >> 24 };

	memcpy(buf + *off, b, 4);
	*off += 4;
}

/*
 * Writes the pointer words of vec and its terminating 0 at *woff, and its
 * strings at *soff, advancing both.
 */
static void put_vec(unsigned char *buf, uint32_t base, char *const vec[],
		    size_t n, size_t *woff, size_t *soff)
{
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(vec[i]) + 1;

		put_word(buf, woff, base + (uint32_t)*soff);
		memcpy(buf + *soff, vec[i], len);
		*soff += len;
	}
	put_word(buf, woff, 0);
}

void execframe_build(void *buf, size_t len, uint32_t base, char *const argv[],
		     char *const envp[])
{
	unsigned char *p = buf;
	size_t argc = vec_count(argv), envc = vec_count(envp);
	size_t woff = 0, soff = (1 + argc + 1 + envc + 1) * 4;

	memset(p, 0, len);
	put_word(p, &woff, (uint32_t)argc);
	put_vec(p, base, argv, argc, &woff, &soff);
	put_vec(p, base, envp, envc, &woff, &soff);
}
