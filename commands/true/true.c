// SPDX-License-Identifier: BSD-2-Clause
/* true: do nothing, successfully. */
int main(void)
{
	return 0;
}
