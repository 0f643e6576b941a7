/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Shared by the guest programs that write data they later check
 * (fstest's workload, copyloop): a deterministic content stream
 * (xorshift32) and a checksum of what was read (FNV-1a, 32 bits).
 */
#ifndef TEST_GUEST_PRNG_H
#define TEST_GUEST_PRNG_H

#include <stddef.h>
#include <stdint.h>

#define FNV_OFFSET 2166136261u /* the checksum of nothing */
#define FNV_PRIME  16777619u

/* The next value of the stream in *s (never 0 if *s was not 0). */
static inline uint32_t xorshift(uint32_t *s)
{
	uint32_t x = *s;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *s = x;
}

/* Checksum h extended by the n bytes at p. */
static inline uint32_t fnv(uint32_t h, const void *p, size_t n)
{
	const uint8_t *b = p;

	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * FNV_PRIME;
	return h;
}

#endif
