// SPDX-License-Identifier: BSD-2-Clause
/*
 * Exec path to boot-file name (see exec_path.h).  This goes away, or
 * becomes the fallback, once VFS resolves paths.
 */
#include "exec_path.h"

#define BOOT_DIR     "/boot/"
#define BOOT_DIR_LEN 6

static size_t bounded_len(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n] != '\0')
		n++;
	return n;
}

static bool has_prefix(const char *s, const char *prefix, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != prefix[i])
			return false;
	return true;
}

int exec_boot_name(const char *path, size_t len, char name[PROC_NAME_LEN])
{
	if (len == 0 || len > PM_PATH_MAX)
		return len == 0 ? -EINVAL : -ENAMETOOLONG;
	size_t n = bounded_len(path, len);
	if (n == len || n == 0)
		return -EINVAL; /* no terminating NUL, or empty */
	if (n > BOOT_DIR_LEN && has_prefix(path, BOOT_DIR, BOOT_DIR_LEN)) {
		path += BOOT_DIR_LEN;
		n -= BOOT_DIR_LEN;
	}
	for (size_t i = 0; i < n; i++)
		if (path[i] == '/')
			return -ENOENT;
	if (n >= PROC_NAME_LEN)
		return -ENAMETOOLONG;
	for (size_t i = 0; i < n; i++)
		name[i] = path[i];
	name[n] = '\0';
	return OK;
}
