// SPDX-License-Identifier: BSD-2-Clause
/*
 * Subscription patterns: a small regular-expression matcher over whole
 * keys (as if wrapped in ^...$).  Supports literals, '.', '*', '+', '?',
 * '\' escapes and bracket classes "[a-z_]" / "[^.]".  No alternation or
 * grouping; the patterns services use (e.g. "drv\.chr\..*") need none.
 */
#include <stddef.h>
#include "match.h"

/* Length of the atom at p (a char, an escape, '.', or a class), or -1. */
static int atom_len(const char *p)
{
	if (*p == '\\')
		return p[1] != '\0' ? 2 : -1;
	if (*p != '[')
		return 1;
	int n = 1;
	if (p[n] == '^')
		n++;
	if (p[n] == ']')
		n++;
	while (p[n] != '\0' && p[n] != ']')
		n++;
	return p[n] == ']' ? n + 1 : -1;
}

static bool class_has(const char *p, int len, char c)
{
	bool neg = p[1] == '^', found = false;
	int i = neg ? 2 : 1;

	for (; i < len - 1; i++) {
		if (p[i + 1] == '-' && i + 2 < len - 1) {
			found |= c >= p[i] && c <= p[i + 2];
			i += 2;
		} else {
			found |= c == p[i];
		}
	}
	return found != neg;
}

static bool atom_matches(const char *p, int len, char c)
{
	if (c == '\0')
		return false;
	if (*p == '\\')
		return c == p[1];
	if (*p == '[')
		return class_has(p, len, c);
	return *p == '.' || *p == c;
}

static bool match_here(const char *p, const char *s)
{
	if (*p == '\0')
		return *s == '\0';
	int len = atom_len(p);
	if (len < 0)
		return false;
	char op = p[len];
	if (op == '*' || op == '+' || op == '?') {
		const char *rest = p + len + 1;
		int min = op == '+' ? 1 : 0, max = op == '?' ? 1 : -1;
		for (int n = 0;; n++, s++) {
			if (n >= min && match_here(rest, s))
				return true;
			if ((max >= 0 && n >= max) || !atom_matches(p, len, *s))
				return false;
		}
	}
	return atom_matches(p, len, *s) && match_here(p + len, s + 1);
}

/* Is the pattern well formed?  (Every atom complete, no dangling operator.) */
bool pattern_valid(const char *p)
{
	if (*p == '*' || *p == '+' || *p == '?')
		return false;
	while (*p != '\0') {
		int len = atom_len(p);
		if (len < 0)
			return false;
		p += len;
		if (*p == '*' || *p == '+' || *p == '?') {
			p++;
			if (*p == '*' || *p == '+' || *p == '?')
				return false;
		}
	}
	return true;
}

bool pattern_match(const char *pattern, const char *key)
{
	return match_here(pattern, key);
}
