/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A tiny host unit-test harness in the sel4test spirit.
 *
 * Interface: a test is a `static void name(void)` function that calls the
 * typed expect_*() macros; main() lists the tests with UNIT_TEST() and
 * returns unit_run().  Every test prints exactly one line,
 *
 *	PASS <name>
 *	FAIL <name>: expected X, got Y (<what>, file:line)
 *
 * (the FAIL line ends in "; N more failed checks" if there were more), and
 * the binary ends with "N passed, M failed", exiting 1 if M > 0.  A
 * failed expectation records the first failure and lets the test run on,
 * so a loop over many cases still reports how many of them went wrong.
 * Because tests are static, one left out of the list is an unused
 * function, which -Werror turns into a build failure.
 */
#ifndef AXO_TEST_UNIT_H
#define AXO_TEST_UNIT_H

#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

struct unit_test {
	const char *name;
	void (*fn)(void);
};

/* clang-format off */
#define UNIT_TEST(fn) { #fn, fn }
/* clang-format on */
#define UNIT_COUNT(tests) (sizeof(tests) / sizeof((tests)[0]))

/* State of the test that is running; one test at a time. */
struct unit_state {
	unsigned int failures; /* failed expectations in this test */
	char first[512];       /* message of the first one */
};

static struct unit_state unit_cur;

/*
 * Format a label into one of a few rotating static buffers, so a loop can
 * name the case it checks: expect_eq_int(unit_fmt("slot %d", s), ...).
 */
static inline const char *unit_fmt(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

static inline const char *unit_fmt(const char *fmt, ...)
{
	static char bufs[4][128];
	static unsigned int next;
	char *buf = bufs[next++ % 4];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(bufs[0]), fmt, ap);
	va_end(ap);
	return buf;
}

/* Record a failure; only the first one's text is kept. */
static inline void unit_fail(const char *file, int line, const char *what,
			     const char *expected, const char *got)
{
	if (unit_cur.failures++ == 0)
		snprintf(unit_cur.first, sizeof(unit_cur.first),
			 "expected %s, got %s (%s, %s:%d)", expected, got, what,
			 file, line);
}

static inline bool unit_check_int(const char *file, int line, const char *what,
				  long long expected, long long got)
{
	char e[32], g[32];

	if (expected == got)
		return true;
	snprintf(e, sizeof(e), "%lld", expected);
	snprintf(g, sizeof(g), "%lld", got);
	unit_fail(file, line, what, e, g);
	return false;
}

static inline bool unit_check_ne_int(const char *file, int line,
				     const char *what, long long unexpected,
				     long long got)
{
	char e[40], g[32];

	if (unexpected != got)
		return true;
	snprintf(e, sizeof(e), "not %lld", unexpected);
	snprintf(g, sizeof(g), "%lld", got);
	unit_fail(file, line, what, e, g);
	return false;
}

static inline bool unit_check_u64(const char *file, int line, const char *what,
				  uint64_t expected, uint64_t got)
{
	char e[40], g[40];

	if (expected == got)
		return true;
	snprintf(e, sizeof(e), "0x%" PRIx64, expected);
	snprintf(g, sizeof(g), "0x%" PRIx64, got);
	unit_fail(file, line, what, e, g);
	return false;
}

static inline bool unit_check_size(const char *file, int line, const char *what,
				   size_t expected, size_t got)
{
	char e[32], g[32];

	if (expected == got)
		return true;
	snprintf(e, sizeof(e), "%zu", expected);
	snprintf(g, sizeof(g), "%zu", got);
	unit_fail(file, line, what, e, g);
	return false;
}

static inline bool unit_check_bool(const char *file, int line, const char *what,
				   bool expected, bool got)
{
	if (expected == got)
		return true;
	unit_fail(file, line, what, expected ? "true" : "false",
		  got ? "true" : "false");
	return false;
}

static inline bool unit_check_str(const char *file, int line, const char *what,
				  const char *expected, const char *got)
{
	char e[200], g[200];

	if (expected && got && strcmp(expected, got) == 0)
		return true;
	snprintf(e, sizeof(e), expected ? "\"%s\"" : "%s",
		 expected ? expected : "NULL");
	snprintf(g, sizeof(g), got ? "\"%s\"" : "%s", got ? got : "NULL");
	unit_fail(file, line, what, e, g);
	return false;
}

/*
 * The expectations.  `what` is a string naming the value checked; each
 * argument is evaluated once; each returns true when the check held.
 */
#define expect_eq_int(what, expected, got) \
	unit_check_int(__FILE__, __LINE__, (what), (long long)(expected), \
		       (long long)(got))
#define expect_ne_int(what, unexpected, got) \
	unit_check_ne_int(__FILE__, __LINE__, (what), (long long)(unexpected), \
			  (long long)(got))
#define expect_eq_u32(what, expected, got) \
	unit_check_u64(__FILE__, __LINE__, (what), (uint32_t)(expected), \
		       (uint32_t)(got))
#define expect_eq_u64(what, expected, got) \
	unit_check_u64(__FILE__, __LINE__, (what), (uint64_t)(expected), \
		       (uint64_t)(got))
#define expect_eq_size(what, expected, got) \
	unit_check_size(__FILE__, __LINE__, (what), (size_t)(expected), \
			(size_t)(got))
#define expect_true(what, cond) \
	unit_check_bool(__FILE__, __LINE__, (what), true, (cond) != 0)
#define expect_false(what, cond) \
	unit_check_bool(__FILE__, __LINE__, (what), false, (cond) != 0)
#define expect_str_eq(what, expected, got) \
	unit_check_str(__FILE__, __LINE__, (what), (expected), (got))

/* Run one test and print its verdict line; returns true if it passed. */
static inline bool unit_run_one(const struct unit_test *t)
{
	unit_cur.failures = 0;
	unit_cur.first[0] = '\0';
	t->fn();
	if (unit_cur.failures == 0) {
		printf("PASS %s\n", t->name);
	} else {
		unsigned int more = unit_cur.failures - 1;

		printf("FAIL %s: %s", t->name, unit_cur.first);
		if (more > 0)
			printf("; %u more failed check%s", more,
			       more == 1 ? "" : "s");
		printf("\n");
	}
	fflush(stdout);
	return unit_cur.failures == 0;
}

/* Run every test, print the verdict line; the exit status for main(). */
static inline int unit_run(const struct unit_test *tests, size_t count)
{
	unsigned int passed = 0, failed = 0;

	for (size_t i = 0; i < count; i++) {
		if (unit_run_one(&tests[i]))
			passed++;
		else
			failed++;
	}
	printf("%u passed, %u failed\n", passed, failed);
	return failed > 0 ? 1 : 0;
}

#endif
