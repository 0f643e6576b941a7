// SPDX-License-Identifier: BSD-2-Clause
/*
 * Host tests of the bit sets in the ABI: the privilege masks of <axo/priv.h>
 * (priv_mask_set/clear/test over all NR_SYS_PROCS bits), the IPC trap
 * masks of <axo/ipc.h>, and the kernel signal sets of <axo/signal.h>
 * (ksig_bit, ksig_ismember, KSIG_IS_LETHAL, newlib's signal numbers).
 */
#include <axo/types.h>
#include <axo/config.h>
#include <axo/ipc.h>
#include <axo/priv.h>
#include <axo/signal.h>

#include "unit.h"

/*
 * A privilege mask with a guard word on each side, so a macro that writes
 * outside mask[0..PRIV_MASK_WORDS) is caught.
 */
#define GUARD 0xA5A5A5A5u

struct guarded_mask {
	uint32_t before;
	uint32_t mask[PRIV_MASK_WORDS];
	uint32_t after;
};

static void mask_fill(struct guarded_mask *m, uint32_t word)
{
	m->before = m->after = GUARD;
	for (int w = 0; w < PRIV_MASK_WORDS; w++)
		m->mask[w] = word;
}

static void check_guards(const struct guarded_mask *m, int bit)
{
	expect_eq_u32(unit_fmt("guard before mask, bit %d", bit), GUARD,
		      m->before);
	expect_eq_u32(unit_fmt("guard after mask, bit %d", bit), GUARD,
		      m->after);
}

static void priv_mask_words_cover_exactly_nr_sys_procs_bits(void)
{
	expect_true("PRIV_MASK_WORDS * 32 >= NR_SYS_PROCS",
		    PRIV_MASK_WORDS * 32 >= NR_SYS_PROCS);
	expect_true("(PRIV_MASK_WORDS - 1) * 32 < NR_SYS_PROCS",
		    (PRIV_MASK_WORDS - 1) * 32 < NR_SYS_PROCS);
	expect_true("KCALL_MASK_WORDS * 32 >= NR_SYS_CALLS",
		    KCALL_MASK_WORDS * 32 >= NR_SYS_CALLS);
	expect_true("(KCALL_MASK_WORDS - 1) * 32 < NR_SYS_CALLS",
		    (KCALL_MASK_WORDS - 1) * 32 < NR_SYS_CALLS);
}

/* Setting one bit in an empty mask sets that bit and no other. */
static void priv_mask_set_sets_only_its_own_bit(void)
{
	struct guarded_mask m;

	for (int bit = 0; bit < NR_SYS_PROCS; bit++) {
		mask_fill(&m, 0);
		priv_mask_set(m.mask, bit);
		for (int w = 0; w < PRIV_MASK_WORDS; w++)
			expect_eq_u32(unit_fmt("mask[%d] after set %d", w, bit),
				      w == bit / 32 ? 1u << (bit % 32) : 0,
				      m.mask[w]);
		check_guards(&m, bit);
	}
}

/* Clearing one bit in a full mask clears that bit and no other. */
static void priv_mask_clear_clears_only_its_own_bit(void)
{
	struct guarded_mask m;

	for (int bit = 0; bit < NR_SYS_PROCS; bit++) {
		mask_fill(&m, 0xFFFFFFFFu);
		priv_mask_clear(m.mask, bit);
		for (int w = 0; w < PRIV_MASK_WORDS; w++)
			expect_eq_u32(unit_fmt("mask[%d] after clear %d", w,
					       bit),
				      w == bit / 32 ? ~(1u << (bit % 32)) :
						      0xFFFFFFFFu,
				      m.mask[w]);
		check_guards(&m, bit);
	}
}

/* priv_mask_test sees exactly the bits set, neighbours included. */
static void priv_mask_test_reports_each_bit_independently(void)
{
	struct guarded_mask m;

	for (int bit = 0; bit < NR_SYS_PROCS; bit++) {
		mask_fill(&m, 0);
		priv_mask_set(m.mask, bit);
		for (int i = 0; i < NR_SYS_PROCS; i++)
			expect_eq_u32(unit_fmt("test(%d) with only %d set", i,
					       bit),
				      i == bit, priv_mask_test(m.mask, i));
	}
}

/* Every other bit set, then each one flipped: neighbours stay put. */
static void priv_mask_set_and_clear_leave_neighbouring_bits_alone(void)
{
	struct guarded_mask m;

	mask_fill(&m, 0);
	for (int bit = 0; bit < NR_SYS_PROCS; bit += 2)
		priv_mask_set(m.mask, bit);
	for (int bit = 0; bit < NR_SYS_PROCS; bit++) {
		if (bit % 2)
			priv_mask_set(m.mask, bit);
		else
			priv_mask_clear(m.mask, bit);
	}
	for (int i = 0; i < NR_SYS_PROCS; i++)
		expect_eq_u32(unit_fmt("test(%d) after flipping all", i), i % 2,
			      priv_mask_test(m.mask, i));
	check_guards(&m, -1);
}

static void trap_bit_is_one_bit_per_ipc_trap(void)
{
	const int traps[] = { SEND,   RECEIVE,	 SENDREC, NOTIFY,
			      SENDNB, SENDRECNB, SENDA };

	for (size_t i = 0; i < UNIT_COUNT(traps); i++) {
		expect_true(unit_fmt("trap %d < NR_IPC_TRAPS", traps[i]),
			    traps[i] < NR_IPC_TRAPS);
		expect_eq_u32(unit_fmt("TRAP_BIT(%d)", traps[i]),
			      (uint32_t)1 << traps[i], TRAP_BIT(traps[i]));
	}
	expect_true("NR_IPC_TRAPS fits a 32-bit trap mask", NR_IPC_TRAPS <= 32);
}

static void trap_mask_all_holds_exactly_the_seven_ipc_traps(void)
{
	expect_eq_u32("TRAP_MASK_ALL",
		      (1u << 1) | (1u << 2) | (1u << 3) | (1u << 4) |
			      (1u << 5) | (1u << 6) | (1u << 16),
		      TRAP_MASK_ALL);
}

static void trap_mask_user_allows_only_sendrec(void)
{
	expect_eq_u32("TRAP_MASK_USER", 1u << 3, TRAP_MASK_USER);
	expect_eq_u32("TRAP_MASK_USER & TRAP_BIT(SEND)", 0,
		      TRAP_MASK_USER & TRAP_BIT(SEND));
	expect_eq_u32("TRAP_MASK_USER & TRAP_BIT(SENDA)", 0,
		      TRAP_MASK_USER & TRAP_BIT(SENDA));
}

static void ksig_bit_is_one_distinct_bit_for_signals_1_to_63(void)
{
	ksigset_t seen = 0;

	expect_true("KSIG_LAST fits a ksigset_t",
		    KSIG_LAST < 8 * (int)sizeof(ksigset_t));
	for (int s = KSIG_FIRST; s <= KSIG_LAST; s++) {
		ksigset_t b = ksig_bit(s);

		expect_eq_u64(unit_fmt("ksig_bit(%d)", s), (uint64_t)1 << s, b);
		expect_eq_u64(unit_fmt("overlap of ksig_bit(%d)", s), 0,
			      seen & b);
		seen |= b;
	}
	expect_eq_u64("union of ksig_bit(1..63)", ~(uint64_t)1, seen);
}

static void ksig_ismember_finds_exactly_the_members_of_a_set(void)
{
	const int sigs[] = { SIGHUP, SIGKILL, SIGUSR2, 32, SIGKMEM, SIGKSIG };
	ksigset_t set = 0;

	for (size_t i = 0; i < UNIT_COUNT(sigs); i++)
		set |= ksig_bit(sigs[i]);
	for (int s = KSIG_FIRST; s <= KSIG_LAST; s++) {
		bool member = false;

		for (size_t i = 0; i < UNIT_COUNT(sigs); i++)
			member = member || sigs[i] == s;
		expect_eq_int(unit_fmt("ksig_ismember(set, %d)", s), member,
			      ksig_ismember(set, s));
		expect_eq_int(unit_fmt("ksig_ismember(~set, %d)", s), !member,
			      ksig_ismember(~set, s));
	}
}

static void ksig_is_lethal_holds_exactly_for_ill_bus_fpe_segv_emt_abrt(void)
{
	const int lethal[] = {
		SIGILL, SIGBUS, SIGFPE, SIGSEGV, SIGEMT, SIGABRT
	};

	for (int s = KSIG_FIRST; s <= KSIG_LAST; s++) {
		bool expected = false;

		for (size_t i = 0; i < UNIT_COUNT(lethal); i++)
			expected = expected || lethal[i] == s;
		expect_eq_int(unit_fmt("KSIG_IS_LETHAL(%d)", s), expected,
			      KSIG_IS_LETHAL(s));
	}
}

/* <axo/signal.h> promises newlib's numbering; the guest libc relies on it. */
static void signal_numbers_match_newlib(void)
{
	static const struct {
		const char *name;
		int got, expected;
	} sigs[] = {
		{ "SIGHUP", SIGHUP, 1 },    { "SIGINT", SIGINT, 2 },
		{ "SIGQUIT", SIGQUIT, 3 },  { "SIGILL", SIGILL, 4 },
		{ "SIGTRAP", SIGTRAP, 5 },  { "SIGABRT", SIGABRT, 6 },
		{ "SIGEMT", SIGEMT, 7 },    { "SIGFPE", SIGFPE, 8 },
		{ "SIGKILL", SIGKILL, 9 },  { "SIGBUS", SIGBUS, 10 },
		{ "SIGSEGV", SIGSEGV, 11 }, { "SIGSYS", SIGSYS, 12 },
		{ "SIGPIPE", SIGPIPE, 13 }, { "SIGALRM", SIGALRM, 14 },
		{ "SIGTERM", SIGTERM, 15 }, { "SIGURG", SIGURG, 16 },
		{ "SIGSTOP", SIGSTOP, 17 }, { "SIGTSTP", SIGTSTP, 18 },
		{ "SIGCONT", SIGCONT, 19 }, { "SIGCHLD", SIGCHLD, 20 },
		{ "SIGUSR1", SIGUSR1, 30 }, { "SIGUSR2", SIGUSR2, 31 },
	};

	for (size_t i = 0; i < UNIT_COUNT(sigs); i++)
		expect_eq_int(sigs[i].name, sigs[i].expected, sigs[i].got);
}

/* Kernel signals sit above the POSIX ones, inside the set. */
static void kernel_signals_are_distinct_and_above_posix_signals(void)
{
	const int ksigs[] = { SIGKMEM, SIGKMESS, SIGKSIGSM, SIGKSIG };

	for (size_t i = 0; i < UNIT_COUNT(ksigs); i++) {
		expect_true(unit_fmt("kernel signal %d > SIGUSR2", ksigs[i]),
			    ksigs[i] > SIGUSR2);
		expect_true(unit_fmt("kernel signal %d <= KSIG_LAST", ksigs[i]),
			    ksigs[i] <= KSIG_LAST);
		for (size_t j = i + 1; j < UNIT_COUNT(ksigs); j++)
			expect_ne_int(unit_fmt("kernel signal %zu vs %zu", i,
					       j),
				      ksigs[i], ksigs[j]);
	}
}

static const struct unit_test tests[] = {
	UNIT_TEST(priv_mask_words_cover_exactly_nr_sys_procs_bits),
	UNIT_TEST(priv_mask_set_sets_only_its_own_bit),
	UNIT_TEST(priv_mask_clear_clears_only_its_own_bit),
	UNIT_TEST(priv_mask_test_reports_each_bit_independently),
	UNIT_TEST(priv_mask_set_and_clear_leave_neighbouring_bits_alone),
	UNIT_TEST(trap_bit_is_one_bit_per_ipc_trap),
	UNIT_TEST(trap_mask_all_holds_exactly_the_seven_ipc_traps),
	UNIT_TEST(trap_mask_user_allows_only_sendrec),
	UNIT_TEST(ksig_bit_is_one_distinct_bit_for_signals_1_to_63),
	UNIT_TEST(ksig_ismember_finds_exactly_the_members_of_a_set),
	UNIT_TEST(ksig_is_lethal_holds_exactly_for_ill_bus_fpe_segv_emt_abrt),
	UNIT_TEST(signal_numbers_match_newlib),
	UNIT_TEST(kernel_signals_are_distinct_and_above_posix_signals),
};

int main(void)
{
	return unit_run(tests, UNIT_COUNT(tests));
}
