// SPDX-License-Identifier: BSD-2-Clause
/*
 * RS main loop.  RS is the root process: SEF runs its fresh-init callback
 * (the boot protocol in boot.c) without a handshake.  Afterwards SEF
 * delivers signals of managed processes to rs_signal_manager(); requests
 * reach the loop.  The `service` requests arrive with crash recovery and
 * live update; until then every request is answered ENOSYS.
 */
#include "rs.h"

int main(void);
int main(void)
{
	message m;
	uint32_t status;

	sef_setcb_init_fresh(rs_boot);
	sef_setcb_signal_manager(rs_signal_manager);
	sef_startup();
	for (;;) {
		if (sef_receive_status(ANY, &m, &status) != OK)
			continue;
		if (is_ipc_notify(status))
			continue;
		m.m_type = -ENOSYS;
		ipc_sendnb(m.m_source, &m);
	}
}
