// SPDX-License-Identifier: BSD-2-Clause
/* DS's value pool: first-fit runs of chunks in a static arena (pool.h). */
#include "pool.h"

static uint8_t arena[POOL_SIZE] __attribute__((aligned(POOL_CHUNK)));
static uint32_t used[POOL_CHUNKS / 32]; /* bit c: chunk c is in use */

static bool chunk_used(size_t c)
{
	return (used[c / 32] >> (c % 32)) & 1u;
}

static void mark(size_t first, size_t count, bool in_use)
{
	for (size_t c = first; c < first + count; c++) {
		if (in_use)
			used[c / 32] |= 1u << (c % 32);
		else
			used[c / 32] &= ~(1u << (c % 32));
	}
}

static size_t chunks_for(size_t n)
{
	return (n + POOL_CHUNK - 1) / POOL_CHUNK;
}

int32_t pool_alloc(size_t n)
{
	size_t want = chunks_for(n), run = 0;

	if (n == 0 || want > POOL_CHUNKS)
		return POOL_NONE;
	for (size_t c = 0; c < POOL_CHUNKS; c++) {
		run = chunk_used(c) ? 0 : run + 1;
		if (run == want) {
			size_t first = c + 1 - want;
			mark(first, want, true);
			return (int32_t)(first * POOL_CHUNK);
		}
	}
	return POOL_NONE;
}

void pool_free(int32_t off, size_t n)
{
	if (off == POOL_NONE || n == 0)
		return;
	mark((size_t)off / POOL_CHUNK, chunks_for(n), false);
}

uint8_t *pool_at(int32_t off)
{
	return &arena[off];
}

size_t pool_free_bytes(void)
{
	size_t n = 0;

	for (size_t c = 0; c < POOL_CHUNKS; c++)
		n += !chunk_used(c);
	return n * POOL_CHUNK;
}
