// SPDX-License-Identifier: BSD-2-Clause
/*
 * Child bodies that several test files run.  echo_server answers ECHO_REQ
 * with the request's first word plus one and m_type = tag, so a caller
 * can tell which image served it, and answers ECHO_PREPARE by blocking in
 * a sendrec of ECHO_READY to the requester, the state sys_update needs.
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

int return_arg(uint32_t arg)
{
	return (int)arg;
}

/* Sendrec an ECHO_REQ to target; the sendrec's status is the result. */
int sendrec_to(uint32_t target)
{
	message m = { .m_type = ECHO_REQ };

	return ipc_sendrec((endpoint_t)target, &m);
}

/* Receive one message from anyone; its first word is the result. */
int receive_one_and_report_word(uint32_t unused)
{
	message m;
	uint32_t status;

	(void)unused;
	int r = ipc_receive(ANY, &m, &status);
	return r != OK ? r : (int)m.word[0];
}
