// SPDX-License-Identifier: BSD-2-Clause
/*
 * A service for RS's heartbeat test (test/boot/service_recovery.py): it
 * initialises like any service, then spins without ever receiving, so it
 * never answers a ping.  Started with `service up /test/spinner -period
 * 1HZ`, RS must kill it after two silent periods and restart it, with
 * the backoff growing on every repeat.  A restart keeps its endpoint.
 */
#include "sef.h"
#include "syslib.h"

int main(void);
int main(void)
{
	sef_setcb_init_restart(sef_cb_init_null);
	sef_startup();
	printf("spinner: up, now spinning\n");
	for (volatile unsigned long n = 0;; n++)
		;
}
