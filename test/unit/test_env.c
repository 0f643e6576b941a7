// SPDX-License-Identifier: BSD-2-Clause
// UNIT_SOURCES: lib/libsys/env_parse.c
/* Boot-parameter parsing: words, key=value pairs, numbers. */
#include "unit.h"
#include <axo/env.h>
#include <axo/errno.h>

static void env_finds_values_and_bare_flags(void)
{
	char v[16];

	expect_eq_int("seed=42", 0,
		      env_find("bench seed=42 x", "seed", v, sizeof(v)));
	expect_str_eq("seed value", "42", v);
	expect_eq_int("bare flag", 0,
		      env_find("bench seed=42", "bench", v, sizeof(v)));
	expect_str_eq("flag value", "", v);
	expect_eq_int("empty value", 0,
		      env_find("k= other", "k", v, sizeof(v)));
	expect_str_eq("empty value", "", v);
}

static void env_matches_whole_keys_only(void)
{
	char v[16];

	expect_eq_int("prefix of a key", -ESRCH,
		      env_find("seeds=1", "seed", v, sizeof(v)));
	expect_eq_int("inside a value", -ESRCH,
		      env_find("a=seed", "seed", v, sizeof(v)));
	expect_eq_int("absent", -ESRCH, env_find("", "seed", v, sizeof(v)));
	expect_eq_int("second word", 0,
		      env_find("  a=1  seed=7", "seed", v, sizeof(v)));
	expect_str_eq("second word", "7", v);
}

static void env_refuses_values_that_do_not_fit(void)
{
	char v[4];

	expect_eq_int("too long", -E2BIG,
		      env_find("k=12345", "k", v, sizeof(v)));
	expect_eq_int("fits exactly", 0, env_find("k=123", "k", v, sizeof(v)));
	expect_str_eq("fits exactly", "123", v);
}

static void env_parses_decimal_and_hex_numbers(void)
{
	uint32_t n = 0;

	expect_eq_int("decimal", 0, env_parse_u32("4294967295", &n));
	expect_eq_u32("decimal value", 4294967295u, n);
	expect_eq_int("hex", 0, env_parse_u32("0x1F", &n));
	expect_eq_u32("hex value", 31, n);
	expect_eq_int("overflow", -EINVAL, env_parse_u32("4294967296", &n));
	expect_eq_int("junk", -EINVAL, env_parse_u32("12a", &n));
	expect_eq_int("empty", -EINVAL, env_parse_u32("", &n));
	expect_eq_int("bare 0x", -EINVAL, env_parse_u32("0x", &n));
}

static const struct unit_test tests[] = {
	UNIT_TEST(env_finds_values_and_bare_flags),
	UNIT_TEST(env_matches_whole_keys_only),
	UNIT_TEST(env_refuses_values_that_do_not_fit),
	UNIT_TEST(env_parses_decimal_and_hex_numbers),
};

int main(void)
{
	return unit_run(tests, UNIT_COUNT(tests));
}
