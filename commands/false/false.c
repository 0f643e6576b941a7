// SPDX-License-Identifier: BSD-2-Clause
/* false: do nothing, unsuccessfully (exit status 1). */
int main(void)
{
	return 1;
}
