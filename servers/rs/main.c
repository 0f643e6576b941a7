// SPDX-License-Identifier: BSD-2-Clause
/*
 * RS main loop.  RS is the root process: SEF runs its fresh-init callback
 * (the boot protocol in boot.c) without a handshake.  Afterwards SEF
 * delivers signals of managed processes to rs_signal_manager(); the loop
 * gets the clock (the periodic check), pings answered, init replies,
 * live-update prepare reports (update.c) and the `service` requests.
 * Anything else from a system process (a stray reply) is dropped; a user
 * gets -ENOSYS.
 */
#include "rs.h"

int main(void);
int main(void)
{
	message m;
	uint32_t status;

	sef_setcb_init_fresh(rs_boot);
	sef_setcb_init_restart(rs_takeover);
	sef_setcb_init_lu(rs_update_take_over);
	sef_setcb_signal_manager(rs_signal_manager);
	sef_startup();
	for (;;) {
		if (sef_receive_status(ANY, &m, &status) != OK)
			continue;
		if (is_ipc_notify(status)) {
			if (m.m_source == CLOCK)
				rs_period();
			else
				rs_pong(m.m_source);
		} else if (m.m_type == RS_INIT) {
			rs_init_reply(&m);
		} else if (m.m_type == RS_LU_PREPARE) {
			rs_update_prepared(&m);
		} else if (IS_RS_CALL(m.m_type)) {
			rs_request(&m);
		} else if (rproc_by_endpoint(m.m_source) == NULL) {
			m.m_type = -ENOSYS;
			ipc_sendnb(m.m_source, &m);
		}
	}
}
