// SPDX-License-Identifier: BSD-2-Clause
// UNIT_SOURCES: servers/ds/pool.c
/*
 * DS's value pool: allocation sizes round up to chunks, freed runs are
 * reused first-fit, fragmentation is survived, the arena's end is kept,
 * and the free count returns to full after everything is freed.
 */
#include "unit.h"
#include "../../servers/ds/pool.h"

static void pool_small_values_take_one_chunk_each(void)
{
	int32_t a = pool_alloc(1), b = pool_alloc(POOL_CHUNK);

	expect_eq_u32("first value at offset 0", 0, (uint32_t)a);
	expect_eq_u32("second value one chunk on", POOL_CHUNK, (uint32_t)b);
	expect_eq_u32("free bytes", POOL_SIZE - 2 * POOL_CHUNK,
		      (uint32_t)pool_free_bytes());
	pool_free(a, 1);
	pool_free(b, POOL_CHUNK);
	expect_eq_u32("all free again", POOL_SIZE, (uint32_t)pool_free_bytes());
}

static void pool_freed_hole_is_reused_first_fit(void)
{
	int32_t a = pool_alloc(100), b = pool_alloc(100), c = pool_alloc(100);

	pool_free(b, 100);
	int32_t d = pool_alloc(65);
	expect_eq_u32("65 bytes fit the two-chunk hole", (uint32_t)b,
		      (uint32_t)d);
	int32_t e = pool_alloc(200);
	expect_true("200 bytes do not fit the hole: placed after c", e > c);
	pool_free(a, 100);
	pool_free(c, 100);
	pool_free(d, 65);
	pool_free(e, 200);
	expect_eq_u32("all free again", POOL_SIZE, (uint32_t)pool_free_bytes());
}

static void pool_refuses_zero_and_oversized_requests(void)
{
	expect_eq_int("zero bytes", POOL_NONE, pool_alloc(0));
	expect_eq_int("more than the arena", POOL_NONE,
		      pool_alloc(POOL_SIZE + 1));
	expect_eq_u32("nothing was taken", POOL_SIZE,
		      (uint32_t)pool_free_bytes());
}

static void pool_whole_arena_once_then_full(void)
{
	int32_t all = pool_alloc(POOL_SIZE);

	expect_eq_u32("the whole arena from 0", 0, (uint32_t)all);
	expect_eq_int("then nothing is left", POOL_NONE, pool_alloc(1));
	pool_at(all)[POOL_SIZE - 1] = 0xab; /* the last byte is ours */
	expect_eq_u32("last byte written", 0xab, pool_at(all)[POOL_SIZE - 1]);
	pool_free(all, POOL_SIZE);
	expect_eq_u32("all free again", POOL_SIZE, (uint32_t)pool_free_bytes());
}

static void pool_fragmented_arena_still_finds_a_large_run(void)
{
	static int32_t small[POOL_CHUNKS + 1]; /* + the failing one */
	int n = 0;

	while ((small[n] = pool_alloc(1)) != POOL_NONE)
		n++;
	expect_eq_u32("every chunk handed out", POOL_CHUNKS, (uint32_t)n);
	for (int i = 0; i < n; i += 2)
		pool_free(small[i], 1); /* every other chunk */
	expect_eq_int("two chunks in a row do not exist", POOL_NONE,
		      pool_alloc(POOL_CHUNK + 1));
	pool_free(small[1], 1); /* joins chunks 0..2 */
	expect_eq_u32("three chunks at 0 now", 0, (uint32_t)pool_alloc(129));
	pool_free(0, 129);
	for (int i = 3; i < n; i += 2)
		pool_free(small[i], 1);
	expect_eq_u32("all free again", POOL_SIZE, (uint32_t)pool_free_bytes());
}

static const struct unit_test tests[] = {
	UNIT_TEST(pool_small_values_take_one_chunk_each),
	UNIT_TEST(pool_freed_hole_is_reused_first_fit),
	UNIT_TEST(pool_refuses_zero_and_oversized_requests),
	UNIT_TEST(pool_whole_arena_once_then_full),
	UNIT_TEST(pool_fragmented_arena_still_finds_a_large_run),
};

int main(void)
{
	return unit_run(tests, UNIT_COUNT(tests));
}
