// SPDX-License-Identifier: BSD-2-Clause
/*
 * kecho: a boot-module system server for the kernel tests and the IPC
 * benchmark.  It starts through SEF's init handshake, answers ECHO_REQ
 * with the request's first word plus one and counts what it served;
 * other notifications are counted and dropped.
 */
#include <syslib.h>
#include <sef.h>
#include "../echo_proto.h"

#define KECHO_TAG 1

int main(void);
int main(void)
{
	uint32_t served = 0, notifies = 0, status;
	message m;

	sef_startup();
	printf("kecho: echo server up, endpoint %d\n", sys_self());
	for (;;) {
		if (sef_receive_status(ANY, &m, &status) != OK)
			continue;
		if (is_ipc_notify(status)) {
			notifies++;
			continue;
		}
		endpoint_t from = m.m_source;
		switch (m.m_type) {
		case ECHO_REQ:
			m.m_type = KECHO_TAG;
			m.word[0]++;
			served++;
			break;
		case ECHO_COUNT:
			m.m_type = OK;
			m.word[0] = served;
			m.word[1] = notifies;
			break;
		default:
			m.m_type = -EBADREQUEST;
			break;
		}
		ipc_sendnb(from, &m);
	}
}
