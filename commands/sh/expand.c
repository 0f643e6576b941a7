// SPDX-License-Identifier: BSD-2-Clause
/*
 * sh: word expansion.  Removes quotes and backslashes and substitutes
 * parameters: $NAME, ${NAME}, $?, $$, $!, $#, $0..$9.  'single' quotes
 * keep everything literal; "double" quotes keep all but $ and the
 * backslash escapes \$ \" \\ \`.  The result of an unquoted
 * substitution is split into fields at blanks; an unquoted empty
 * substitution gives no field at all.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

struct expander {
	struct strvec *out;
	struct buf field;
	bool have_field; /* a (possibly empty) field is being built */
	bool split;	 /* split unquoted substitutions into fields */
};

static bool is_name_char(char c, bool first)
{
	return c == '_' || isalpha((unsigned char)c) ||
	       (!first && isdigit((unsigned char)c));
}

/* True if raw starts with NAME= (an assignment word). */
bool is_assignment(const char *raw)
{
	size_t n = 0;

	while (is_name_char(raw[n], n == 0))
		n++;
	return n > 0 && raw[n] == '=';
}

/* The value of a special or named parameter, in a static buffer. */
static const char *param_value(const char *name, size_t len)
{
	static char num[24];
	char key[64];

	if (len == 1 && strchr("?$!#", name[0]) != NULL) {
		long v = name[0] == '?' ? shell.last_status :
			 name[0] == '$' ? shell.pid :
			 name[0] == '!' ? shell.last_bg :
					  (shell.argc > 0 ? shell.argc - 1 : 0);
		if (name[0] == '!' && v == 0)
			return "";
		snprintf(num, sizeof(num), "%ld", v);
		return num;
	}
	if (len == 1 && isdigit((unsigned char)name[0])) {
		int i = name[0] - '0';
		return i < shell.argc ? shell.argv[i] : "";
	}
	if (len >= sizeof(key))
		return "";
	memcpy(key, name, len);
	key[len] = '\0';
	const char *v = var_get(key);
	return v ? v : "";
}

static void end_field(struct expander *e)
{
	if (e->have_field || e->field.len > 0)
		strvec_push(e->out, buf_take(&e->field));
	e->have_field = false;
}

/* Append a substituted value, split at blanks unless quoted. */
static void add_value(struct expander *e, const char *v, bool quoted)
{
	if (quoted || !e->split) {
		buf_adds(&e->field, v);
		e->have_field = true;
		return;
	}
	for (; *v; v++) {
		if (*v == ' ' || *v == '\t' || *v == '\n')
			end_field(e);
		else
			buf_addc(&e->field, *v);
	}
}

/*
 * A $ substitution at p (pointing at the '$'); returns the number of
 * bytes consumed, or -1 for a bad ${...}.
 */
static long dollar(struct expander *e, const char *p, bool quoted)
{
	const char *name = p + 1;
	size_t len = 0;
	long used;

	if (*name == '{') {
		name++;
		const char *end = strchr(name, '}');
		if (end == NULL || end == name) {
			fputs("sh: bad substitution\n", stderr);
			return -1;
		}
		len = (size_t)(end - name);
		used = (long)len + 3;
	} else if (*name &&
		   (strchr("?$!#", *name) || isdigit((unsigned char)*name))) {
		len = 1;
		used = 2;
	} else {
		while (is_name_char(name[len], len == 0))
			len++;
		used = (long)len + 1;
	}
	if (len == 0) {
		buf_addc(&e->field, '$');
		e->have_field = true;
		return 1;
	}
	add_value(e, param_value(name, len), quoted);
	return used;
}

/* Inside "...", starting after the opening quote; returns bytes used. */
static long double_quoted(struct expander *e, const char *p)
{
	const char *s = p;

	e->have_field = true;
	while (*s && *s != '"') {
		if (*s == '\\' && s[1] && strchr("$\"\\`", s[1])) {
			buf_addc(&e->field, s[1]);
			s += 2;
		} else if (*s == '$') {
			long n = dollar(e, s, true);
			if (n < 0)
				return -1;
			s += n;
		} else {
			buf_addc(&e->field, *s++);
		}
	}
	return (s - p) + (*s == '"');
}

static int expand_into(struct expander *e, const char *raw)
{
	const char *p = raw;

	while (*p) {
		long n = 1;
		if (*p == '\'') {
			const char *end = strchr(p + 1, '\'');
			size_t len = end ? (size_t)(end - p - 1) :
					   strlen(p + 1);
			for (size_t i = 0; i < len; i++)
				buf_addc(&e->field, p[1 + i]);
			e->have_field = true;
			n = (long)len + 1 + (end != NULL);
		} else if (*p == '"') {
			n = double_quoted(e, p + 1);
			if (n < 0)
				return -1;
			n++;
		} else if (*p == '\\') {
			if (p[1]) {
				buf_addc(&e->field, p[1]);
				n = 2;
			}
			e->have_field = true;
		} else if (*p == '$') {
			n = dollar(e, p, false);
			if (n < 0)
				return -1;
		} else {
			buf_addc(&e->field, *p);
			e->have_field = true;
		}
		p += n;
	}
	end_field(e);
	return 0;
}

/*
 * Expand raw into fields appended to out.  Returns 0, or -1 after a
 * message (out may then hold some fields; the caller frees it).
 */
int expand_word(const char *raw, struct strvec *out)
{
	struct expander e = { .out = out, .split = true };
	int err = expand_into(&e, raw);

	free(e.field.s);
	return err;
}

/*
 * Expand raw into one string without field splitting (a redirection
 * target, an assignment's value).  NULL after a message on error.
 */
char *expand_single(const char *raw)
{
	struct strvec sv = { 0 };
	struct expander e = { .out = &sv, .split = false };
	char *s = NULL;

	if (expand_into(&e, raw) == 0)
		s = xstrdup(sv.n > 0 ? sv.v[0] : "");
	free(e.field.s);
	strvec_free(&sv);
	return s;
}
