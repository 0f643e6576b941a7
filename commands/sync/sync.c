// SPDX-License-Identifier: BSD-2-Clause
/* sync: write every modified file system buffer to its disk. */
#include <unistd.h>

int main(void)
{
	sync();
	return 0;
}
