// SPDX-License-Identifier: BSD-2-Clause
/* pwd: print the current working directory. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

int main(void)
{
	char cwd[PATH_MAX];

	if (getcwd(cwd, sizeof(cwd)) == NULL) {
		fprintf(stderr, "pwd: %s\n", strerror(errno));
		return 1;
	}
	puts(cwd);
	return 0;
}
