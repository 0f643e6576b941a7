// SPDX-License-Identifier: BSD-2-Clause
/*
 * The echo server that tests run in children: answers ECHO_REQ with the
 * request's first word plus one and m_type = tag, so a caller can tell
 * which image served it; answers ECHO_PREPARE by blocking in a sendrec of
 * ECHO_READY to the requester, the state sys_update needs.
 */
#include "ktest.h"

_Noreturn int echo_server(uint32_t tag)
{
	message m;
	uint32_t status;

	for (;;) {
		if (ipc_receive(ANY, &m, &status) != OK ||
		    is_ipc_notify(status))
			continue;
		endpoint_t from = m.m_source;
		if (m.m_type == ECHO_PREPARE) {
			message ready = { .m_type = ECHO_READY };
			ipc_sendrec(from, &ready);
			continue;
		}
		m.m_type = (int32_t)tag;
		m.word[0]++;
		ipc_sendnb(from, &m);
	}
}
