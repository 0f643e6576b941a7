// SPDX-License-Identifier: BSD-2-Clause
/*
 * Host tests of <axo/endpoint.h>: ENDPOINT() packs a generation and a slot,
 * ENDPOINT_G()/ENDPOINT_P() unpack them for every task and process slot
 * and for generations up to ENDPOINT_MAX_GENERATION; the special endpoints
 * ANY, NONE and SELF never name a real slot; kernel tasks keep the fixed
 * endpoints MINIX gives them.
 */
#include <axo/config.h>
#include <axo/endpoint.h>

#include "unit.h"

/* Generations to try: small ones, a few big ones and the largest. */
static const int generations[] = {
	0,
	1,
	2,
	3,
	7,
	100,
	4096,
	ENDPOINT_MAX_GENERATION - 1,
	ENDPOINT_MAX_GENERATION,
};

/* Check that ENDPOINT(gen, slot) decodes to gen and slot again. */
static void check_round_trip(int gen, int slot)
{
	endpoint_t e = ENDPOINT(gen, slot);

	expect_eq_int(unit_fmt("ENDPOINT_P(ENDPOINT(%d, %d))", gen, slot), slot,
		      ENDPOINT_P(e));
	expect_eq_int(unit_fmt("ENDPOINT_G(ENDPOINT(%d, %d))", gen, slot), gen,
		      ENDPOINT_G(e));
}

static void check_slots_round_trip(int first_slot, int end_slot)
{
	for (size_t g = 0; g < UNIT_COUNT(generations); g++)
		for (int slot = first_slot; slot < end_slot; slot++)
			check_round_trip(generations[g], slot);
}

static void endpoint_generation_round_trips_for_negative_task_slots(void)
{
	check_slots_round_trip(-NR_TASKS, 0);
}

static void endpoint_generation_round_trips_for_user_process_slots(void)
{
	check_slots_round_trip(0, NR_PROCS);
}

static void endpoint_with_generation_zero_equals_its_slot(void)
{
	for (int slot = -NR_TASKS; slot < NR_PROCS; slot++)
		expect_eq_int(unit_fmt("ENDPOINT(0, %d)", slot), slot,
			      ENDPOINT(0, slot));
}

static void endpoint_generations_of_one_slot_are_all_distinct(void)
{
	for (size_t a = 0; a < UNIT_COUNT(generations); a++)
		for (size_t b = a + 1; b < UNIT_COUNT(generations); b++)
			expect_ne_int(unit_fmt("ENDPOINT(%d, 7) vs gen %d",
					       generations[b], generations[a]),
				      ENDPOINT(generations[a], 7),
				      ENDPOINT(generations[b], 7));
}

/*
 * The largest endpoint, plus the MAX_NR_TASKS bias ENDPOINT_G adds, must
 * still fit in an int32_t, or decoding overflows.
 */
static void endpoint_max_generation_decodes_without_overflow(void)
{
	long long largest =
		(long long)ENDPOINT_MAX_GENERATION * ENDPOINT_GENERATION_SIZE +
		(NR_PROCS - 1) + MAX_NR_TASKS;

	expect_true(unit_fmt("%lld <= INT32_MAX", largest),
		    largest <= INT32_MAX);
	expect_true("ENDPOINT(ENDPOINT_MAX_GENERATION, NR_PROCS - 1) > 0",
		    ENDPOINT(ENDPOINT_MAX_GENERATION, NR_PROCS - 1) > 0);
}

static void endpoint_slot_space_holds_all_tasks_and_processes(void)
{
	expect_true("NR_TASKS <= MAX_NR_TASKS", NR_TASKS <= MAX_NR_TASKS);
	expect_true("NR_PROCS <= MAX_NR_PROCS", NR_PROCS <= MAX_NR_PROCS);
	expect_true("MAX_NR_TASKS + MAX_NR_PROCS < ENDPOINT_GENERATION_SIZE",
		    MAX_NR_TASKS + MAX_NR_PROCS < ENDPOINT_GENERATION_SIZE);
}

static void special_endpoints_any_none_self_are_distinct(void)
{
	expect_ne_int("ANY vs NONE", ANY, NONE);
	expect_ne_int("ANY vs SELF", ANY, SELF);
	expect_ne_int("NONE vs SELF", NONE, SELF);
}

/* A special endpoint must decode to no slot of a task or process. */
static void check_names_no_slot(const char *name, endpoint_t e)
{
	int slot = ENDPOINT_P(e);

	expect_true(unit_fmt("ENDPOINT_P(%s) = %d outside [%d, %d)", name, slot,
			     -NR_TASKS, NR_PROCS),
		    slot < -NR_TASKS || slot >= NR_PROCS);
}

static void special_endpoints_decode_to_no_task_or_process_slot(void)
{
	check_names_no_slot("ANY", ANY);
	check_names_no_slot("NONE", NONE);
	check_names_no_slot("SELF", SELF);
}

static void kernel_tasks_have_fixed_endpoints(void)
{
	expect_eq_int("ASYNCM", -5, ASYNCM);
	expect_eq_int("IDLE", -4, IDLE);
	expect_eq_int("CLOCK", -3, CLOCK);
	expect_eq_int("SYSTEM", -2, SYSTEM);
	expect_eq_int("KERNEL", -1, KERNEL);
	expect_eq_int("HARDWARE", KERNEL, HARDWARE);
	expect_eq_int("ASYNCM is the lowest task slot", -NR_TASKS, ASYNCM);
	expect_eq_int("FIRST_BOOT_SLOT", 0, FIRST_BOOT_SLOT);
}

static void kernel_task_endpoints_are_their_own_slots(void)
{
	const endpoint_t tasks[] = { ASYNCM, IDLE, CLOCK, SYSTEM, KERNEL };

	for (size_t i = 0; i < UNIT_COUNT(tasks); i++) {
		expect_eq_int(unit_fmt("ENDPOINT_P(%d)", tasks[i]), tasks[i],
			      ENDPOINT_P(tasks[i]));
		expect_eq_int(unit_fmt("ENDPOINT_G(%d)", tasks[i]), 0,
			      ENDPOINT_G(tasks[i]));
	}
}

static const struct unit_test tests[] = {
	UNIT_TEST(endpoint_generation_round_trips_for_negative_task_slots),
	UNIT_TEST(endpoint_generation_round_trips_for_user_process_slots),
	UNIT_TEST(endpoint_with_generation_zero_equals_its_slot),
	UNIT_TEST(endpoint_generations_of_one_slot_are_all_distinct),
	UNIT_TEST(endpoint_max_generation_decodes_without_overflow),
	UNIT_TEST(endpoint_slot_space_holds_all_tasks_and_processes),
	UNIT_TEST(special_endpoints_any_none_self_are_distinct),
	UNIT_TEST(special_endpoints_decode_to_no_task_or_process_slot),
	UNIT_TEST(kernel_tasks_have_fixed_endpoints),
	UNIT_TEST(kernel_task_endpoints_are_their_own_slots),
};

int main(void)
{
	return unit_run(tests, UNIT_COUNT(tests));
}
