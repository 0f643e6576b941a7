// SPDX-License-Identifier: BSD-2-Clause
/*
 * Path components: splitting a path at slashes the way lookup walks it.
 * Pure (no IPC); path.c does the walking, test_vfs_pure tests this.
 */
#include "pathname.h"
#include <axo/errno.h>

int path_next(const char **p, char comp[PATH_COMP_MAX + 1])
{
	const char *s = *p;
	int n = 0;

	while (*s == '/')
		s++;
	while (s[n] != '\0' && s[n] != '/') {
		if (n == PATH_COMP_MAX)
			return -ENAMETOOLONG;
		comp[n] = s[n];
		n++;
	}
	comp[n] = '\0';
	*p = s + n;
	return n;
}

bool path_at_end(const char *p)
{
	while (*p == '/')
		p++;
	return *p == '\0';
}

bool path_trailing_slash(const char *path)
{
	size_t n = 0;
	bool has_comp = false;

	while (path[n] != '\0') {
		if (path[n] != '/')
			has_comp = true;
		n++;
	}
	return has_comp && n > 0 && path[n - 1] == '/';
}
