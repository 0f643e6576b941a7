// SPDX-License-Identifier: BSD-2-Clause
#include <syslib.h>
int main(void);
int main(void)
{
	printf("ktest: hello from %d\n", sys_self());
	message m = { .m_type = 0x1F01 };
	m.word[0] = 41;
	int r = ipc_sendrec(1, &m);
	printf("ktest: sendrec r=%d type=%d word=%u\n", r, m.m_type, m.word[0]);
	sys_abort(ABORT_EXIT, 0);
	return 0;
}
