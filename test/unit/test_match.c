// SPDX-License-Identifier: BSD-2-Clause
// UNIT_SOURCES: servers/ds/match.c
/*
 * DS subscription patterns: whole-key matching with '.', '*', '+', '?',
 * escapes and bracket classes, and rejection of malformed patterns.
 */
#include "unit.h"
#include "../../servers/ds/match.h"

static void pattern_literal_matches_only_the_whole_key(void)
{
	expect_true("pattern_match(\"drv.up\", \"drv.up\")",
		    pattern_match("drv.up", "drv.up"));
	expect_true("!pattern_match(\"drv\", \"drv.up\")",
		    !pattern_match("drv", "drv.up"));
	expect_true("!pattern_match(\"drv.up.x\", \"drv.up\")",
		    !pattern_match("drv.up.x", "drv.up"));
}

static void pattern_escaped_dot_is_literal_and_dot_star_is_anything(void)
{
	expect_true("pattern_match(\"drv\\\\.chr\\\\..*\", \"drv.chr.hello\")",
		    pattern_match("drv\\.chr\\..*", "drv.chr.hello"));
	expect_true("pattern_match(\"drv\\\\.chr\\\\..*\", \"drv.chr.\")",
		    pattern_match("drv\\.chr\\..*", "drv.chr."));
	expect_true("!pattern_match(\"drv\\\\.chr\\\\..*\", \"drvXchr.hello\")",
		    !pattern_match("drv\\.chr\\..*", "drvXchr.hello"));
	expect_true("!pattern_match(\"drv\\\\.chr\\\\..*\", \"drv.blk.hello\")",
		    !pattern_match("drv\\.chr\\..*", "drv.blk.hello"));
}

static void pattern_plus_and_question_count_repetitions(void)
{
	expect_true("pattern_match(\"ab+c\", \"abbbc\")",
		    pattern_match("ab+c", "abbbc"));
	expect_true("!pattern_match(\"ab+c\", \"ac\")",
		    !pattern_match("ab+c", "ac"));
	expect_true("pattern_match(\"ab?c\", \"ac\")",
		    pattern_match("ab?c", "ac"));
	expect_true("pattern_match(\"ab?c\", \"abc\")",
		    pattern_match("ab?c", "abc"));
	expect_true("!pattern_match(\"ab?c\", \"abbc\")",
		    !pattern_match("ab?c", "abbc"));
}

static void pattern_classes_match_ranges_and_negations(void)
{
	expect_true("pattern_match(\"v[0-9]+\", \"v42\")",
		    pattern_match("v[0-9]+", "v42"));
	expect_true("!pattern_match(\"v[0-9]+\", \"v4a\")",
		    !pattern_match("v[0-9]+", "v4a"));
	expect_true("pattern_match(\"[^.]*\", \"label\")",
		    pattern_match("[^.]*", "label"));
	expect_true("!pattern_match(\"[^.]*\", \"a.b\")",
		    !pattern_match("[^.]*", "a.b"));
	expect_true("pattern_match(\"[]x]\", \"]\")",
		    pattern_match("[]x]", "]"));
}

static void pattern_star_backtracks(void)
{
	expect_true("pattern_match(\"a.*b.*c\", \"a123b456c\")",
		    pattern_match("a.*b.*c", "a123b456c"));
	expect_true("!pattern_match(\"a.*b.*c\", \"a123c456b\")",
		    !pattern_match("a.*b.*c", "a123c456b"));
}

static void malformed_patterns_are_rejected(void)
{
	expect_true("!pattern_valid(\"*abc\")", !pattern_valid("*abc"));
	expect_true("!pattern_valid(\"[abc\")", !pattern_valid("[abc"));
	expect_true("!pattern_valid(\"ab\\\\\")", !pattern_valid("ab\\"));
	expect_true("!pattern_valid(\"a**\")", !pattern_valid("a**"));
	expect_true("pattern_valid(\"drv\\\\.chr\\\\..*\")",
		    pattern_valid("drv\\.chr\\..*"));
	expect_true("pattern_valid(\"\")", pattern_valid(""));
}

static const struct unit_test tests[] = {
	UNIT_TEST(pattern_literal_matches_only_the_whole_key),
	UNIT_TEST(pattern_escaped_dot_is_literal_and_dot_star_is_anything),
	UNIT_TEST(pattern_plus_and_question_count_repetitions),
	UNIT_TEST(pattern_classes_match_ranges_and_negations),
	UNIT_TEST(pattern_star_backtracks),
	UNIT_TEST(malformed_patterns_are_rejected),
};

int main(void)
{
	return unit_run(tests, UNIT_COUNT(tests));
}
