// SPDX-License-Identifier: BSD-2-Clause
/*
 * Host tests of the error codes.  errno.h is the one list of codes; this
 * test reads it as text at run time (argv[1], default include/axo/errno.h)
 * and checks the numbers: unique, positive, POSIX ones below 200 and our
 * own system ones (ERESTART onwards) from 200 up.  It then reads the
 * message table (argv[2], default lib/libsys/strerror.c) and checks that
 * each code has exactly one `[ENAME] = "..."` entry, worded as the
 * comment in errno.h, and that the table names no other code.
 *
 * Usage: test_errno [errno.h [strerror.c]], run from the repository root.
 */
#include <ctype.h>
#include <stdlib.h>

#include "unit.h"

#define MAX_CODES    256
#define NAME_LEN     32
#define TEXT_LEN     128
#define SYSTEM_FIRST "ERESTART" /* first of our own codes in errno.h */
#define SYSTEM_LAST  "EBADEPT"
#define SYSTEM_BASE  200

struct errno_code {
	char name[NAME_LEN];
	long value;
	char comment[TEXT_LEN]; /* the comment after the number */
	int line;
};

static const char *errno_path = "include/axo/errno.h";
static const char *strerror_path = "lib/libsys/strerror.c";

static struct errno_code codes[MAX_CODES];
static int nr_codes;
static bool errno_read;		/* errno.h was opened */
static int first_unparsed_line; /* a `#define E*` that is no number */
static char *strerror_text;	/* all of strerror.c, or NULL */

/* Copy the text of a trailing comment into out, trimmed. */
static void parse_comment(const char *p, char *out, size_t size)
{
	const char *start = strstr(p, "/*"), *end;
	size_t len;

	out[0] = '\0';
	if (!start)
		return;
	start += 2;
	end = strstr(start, "*/");
	if (!end)
		return;
	while (start < end && isspace((unsigned char)*start))
		start++;
	while (end > start && isspace((unsigned char)end[-1]))
		end--;
	len = (size_t)(end - start) < size - 1 ? (size_t)(end - start) :
						 size - 1;
	memcpy(out, start, len);
	out[len] = '\0';
}

/*
 * Parse one line; records `#define E<NAME> <decimal>` and remembers the
 * first `#define E<NAME>` that has no plain number.
 */
static void parse_errno_line(const char *line, int lineno)
{
	char name[NAME_LEN];
	long value;
	int end = 0;

	if (sscanf(line, " # define %31s%n", name, &end) != 1 || name[0] != 'E')
		return;
	if (sscanf(line + end, " %ld", &value) != 1 || nr_codes == MAX_CODES) {
		if (!first_unparsed_line)
			first_unparsed_line = lineno;
		return;
	}
	struct errno_code *c = &codes[nr_codes++];

	snprintf(c->name, sizeof(c->name), "%s", name);
	c->value = value;
	c->line = lineno;
	parse_comment(line + end, c->comment, sizeof(c->comment));
}

static void read_errno_h(const char *path)
{
	char line[512];
	int lineno = 0;
	FILE *f = fopen(path, "r");

	if (!f)
		return;
	errno_read = true;
	while (fgets(line, sizeof(line), f))
		parse_errno_line(line, ++lineno);
	fclose(f);
}

/* Read a whole file into a NUL-terminated heap buffer, or NULL. */
static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;

	if (!f)
		return NULL;
	do {
		if (cap - len < 4096) {
			char *bigger = realloc(buf, cap ? cap * 2 : 8192);

			if (!bigger) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = bigger;
			cap = cap ? cap * 2 : 8192;
		}
		n = fread(buf + len, 1, cap - len - 1, f);
		len += n;
	} while (n > 0);
	fclose(f);
	if (buf)
		buf[len] = '\0';
	return buf;
}

static int find_code(const char *name)
{
	for (int i = 0; i < nr_codes; i++)
		if (strcmp(codes[i].name, name) == 0)
			return i;
	return -1;
}

/* The guards of the tests: fail the test if its input is missing. */
static bool have_errno_h(void)
{
	return expect_true(unit_fmt("%s readable", errno_path), errno_read);
}

static bool have_strerror_c(void)
{
	return expect_true(unit_fmt("%s readable", strerror_path),
			   strerror_text != NULL);
}

static void errno_h_defines_codes_as_plain_numbers(void)
{
	if (!have_errno_h())
		return;
	expect_true(unit_fmt("%d codes parsed", nr_codes), nr_codes >= 20);
	expect_eq_int("line of a #define E* without a plain number", 0,
		      first_unparsed_line);
	expect_true("EPERM parsed", find_code("EPERM") >= 0);
	expect_true(SYSTEM_FIRST " parsed", find_code(SYSTEM_FIRST) >= 0);
	expect_true(SYSTEM_LAST " parsed", find_code(SYSTEM_LAST) >= 0);
	for (int i = 0; i < nr_codes; i++)
		expect_true(unit_fmt("%s has a comment", codes[i].name),
			    codes[i].comment[0] != '\0');
}

static void errno_numbers_are_positive_and_unique(void)
{
	if (!have_errno_h())
		return;
	for (int i = 0; i < nr_codes; i++) {
		expect_true(unit_fmt("%s = %ld > 0", codes[i].name,
				     codes[i].value),
			    codes[i].value > 0);
		for (int j = i + 1; j < nr_codes; j++)
			expect_ne_int(unit_fmt("%s (line %d) vs %s (line %d)",
					       codes[j].name, codes[j].line,
					       codes[i].name, codes[i].line),
				      codes[i].value, codes[j].value);
	}
}

/* Codes before ERESTART in errno.h are POSIX codes; newlib's are < 200. */
static void errno_posix_numbers_are_below_200(void)
{
	int first_system = find_code(SYSTEM_FIRST);

	if (!have_errno_h() ||
	    !expect_true(SYSTEM_FIRST " parsed", first_system >= 0))
		return;
	for (int i = 0; i < first_system; i++)
		expect_true(unit_fmt("%s = %ld < %d", codes[i].name,
				     codes[i].value, SYSTEM_BASE),
			    codes[i].value < SYSTEM_BASE);
}

/* ERESTART..EBADEPT and any code after them are ours: 200 and up. */
static void errno_system_numbers_from_erestart_are_at_least_200(void)
{
	int first_system = find_code(SYSTEM_FIRST);
	int last_system = find_code(SYSTEM_LAST);

	if (!have_errno_h() ||
	    !expect_true(SYSTEM_FIRST " parsed", first_system >= 0))
		return;
	expect_true(SYSTEM_LAST " follows " SYSTEM_FIRST,
		    last_system >= first_system);
	for (int i = first_system; i < nr_codes; i++)
		expect_true(unit_fmt("%s = %ld >= %d", codes[i].name,
				     codes[i].value, SYSTEM_BASE),
			    codes[i].value >= SYSTEM_BASE);
}

/* Count the occurrences of needle in haystack. */
static int count_occurrences(const char *haystack, const char *needle)
{
	int n = 0;

	for (const char *p = strstr(haystack, needle); p;
	     p = strstr(p + 1, needle))
		n++;
	return n;
}

static void strerror_table_has_each_errno_code_exactly_once(void)
{
	if (!have_errno_h() || !have_strerror_c())
		return;
	expect_true("strerror.c defines errstr[]",
		    strstr(strerror_text, "errstr[]") != NULL);
	for (int i = 0; i < nr_codes; i++) {
		char key[NAME_LEN + 2];

		snprintf(key, sizeof(key), "[%s]", codes[i].name);
		expect_eq_int(unit_fmt("entries %s in %s", key, strerror_path),
			      1, count_occurrences(strerror_text, key));
	}
}

/* Every `[E...]` in the table must be a code errno.h defines. */
static void strerror_table_names_only_errno_h_codes(void)
{
	if (!have_errno_h() || !have_strerror_c())
		return;
	for (const char *p = strstr(strerror_text, "[E"); p;
	     p = strstr(p + 1, "[E")) {
		char name[NAME_LEN];
		size_t len = 0;

		while (len < sizeof(name) - 1 &&
		       (isupper((unsigned char)p[1 + len]) ||
			isdigit((unsigned char)p[1 + len])))
			len++;
		if (p[1 + len] != ']')
			continue;
		memcpy(name, p + 1, len);
		name[len] = '\0';
		expect_true(unit_fmt("[%s] of %s defined in %s", name,
				     strerror_path, errno_path),
			    find_code(name) >= 0);
	}
}

/* Copy the string literal of `[name] = "..."` into out; false if none. */
static bool table_message(const char *name, char *out, size_t size)
{
	char key[NAME_LEN + 2];
	const char *p;
	size_t len = 0;

	snprintf(key, sizeof(key), "[%s]", name);
	p = strstr(strerror_text, key);
	if (!p)
		return false;
	p += strlen(key);
	while (isspace((unsigned char)*p))
		p++;
	if (*p++ != '=')
		return false;
	while (isspace((unsigned char)*p))
		p++;
	if (*p++ != '"')
		return false;
	while (p[len] && p[len] != '"' && len < size - 1)
		len++;
	memcpy(out, p, len);
	out[len] = '\0';
	return true;
}

static void strerror_messages_match_errno_h_comments(void)
{
	if (!have_errno_h() || !have_strerror_c())
		return;
	for (int i = 0; i < nr_codes; i++) {
		char msg[TEXT_LEN];
		const char *what = unit_fmt("message of [%s]", codes[i].name);

		if (expect_true(what,
				table_message(codes[i].name, msg, sizeof(msg))))
			expect_str_eq(what, codes[i].comment, msg);
	}
}

static const struct unit_test tests[] = {
	UNIT_TEST(errno_h_defines_codes_as_plain_numbers),
	UNIT_TEST(errno_numbers_are_positive_and_unique),
	UNIT_TEST(errno_posix_numbers_are_below_200),
	UNIT_TEST(errno_system_numbers_from_erestart_are_at_least_200),
	UNIT_TEST(strerror_table_has_each_errno_code_exactly_once),
	UNIT_TEST(strerror_table_names_only_errno_h_codes),
	UNIT_TEST(strerror_messages_match_errno_h_comments),
};

int main(int argc, char **argv)
{
	int status;

	if (argc > 1)
		errno_path = argv[1];
	if (argc > 2)
		strerror_path = argv[2];
	read_errno_h(errno_path);
	strerror_text = read_file(strerror_path);
	status = unit_run(tests, UNIT_COUNT(tests));
	free(strerror_text);
	return status;
}
