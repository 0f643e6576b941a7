// SPDX-License-Identifier: BSD-2-Clause
/* env_get_param: look a boot parameter up in the kernel command line. */
#include "syslib.h"

int env_get_param(const char *key, char *value, size_t len)
{
	char cmdline[256];
	int r = sys_getinfo(GET_CMDLINE, cmdline, sizeof(cmdline), NONE);

	return r != OK ? r : env_find(cmdline, key, value, len);
}
