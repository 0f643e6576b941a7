/* SPDX-License-Identifier: BSD-2-Clause */
/* DS subscription patterns (match.c); pure, so the host tests use it too. */
#ifndef DS_MATCH_H
#define DS_MATCH_H

#include <stdbool.h>

/* Is pattern well formed (complete atoms, no dangling repetition)? */
bool pattern_valid(const char *pattern);
/* Does all of key match pattern (anchored at both ends)? */
bool pattern_match(const char *pattern, const char *key);

#endif
