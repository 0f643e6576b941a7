// SPDX-License-Identifier: BSD-2-Clause
/*
 * sys_update tests: swapping the images behind two endpoints.  The old
 * instance is brought to the updatable state the way the live-update
 * protocol does it: it answers a prepare request by blocking in a sendrec
 * to ktest.  Clients that call it meanwhile queue on its endpoint and must
 * be served by the new image after the swap.
 */
#include "ktest.h"

#define TAG_OLD 1
#define TAG_NEW 2

/* The first thing received: the source of a notification, else -1. */
static int report_first_receive(uint32_t unused)
{
	message m;
	uint32_t status;

	(void)unused;
	if (ipc_receive(ANY, &m, &status) != OK || !is_ipc_notify(status))
		return -1;
	return m.m_source;
}

static _Noreturn int spin_forever(uint32_t unused)
{
	(void)unused;
	for (;;)
		__asm__ volatile("" ::: "memory");
}

static int client_sendrec(uint32_t target_and_word)
{
	message m = { .m_type = ECHO_REQ };
	endpoint_t target = (endpoint_t)(target_and_word >> 8);

	m.word[0] = target_and_word & 0xff;
	int r = ipc_sendrec(target, &m);
	return r != OK ? r : m.m_type * 100 + (int)m.word[0];
}

static int echo_tag(endpoint_t e)
{
	message m = { .m_type = ECHO_REQ };

	int r = ipc_sendrec(e, &m);
	return r != OK ? r : m.m_type;
}

/* Bring e to the prepared state: blocked in sendrec(ECHO_READY) to us. */
static void prepare(endpoint_t e)
{
	message m = { .m_type = ECHO_PREPARE };
	uint32_t status;

	expect_eq(OK, ipc_send(e, &m));
	expect_eq(OK, ktest_receive(e, &m, &status, WAIT_TICKS));
	expect_eq(ECHO_READY, m.m_type);
}

static int spawn_frozen(child_fn fn, uint32_t arg, endpoint_t *e)
{
	struct spawn_opts o = { .kind = SPAWN_SYS, .frozen = true, .slot = -1 };

	return spawn(fn, arg, &o, e);
}

static void update_swaps_images_and_serves_queued_senders(void)
{
	endpoint_t old_e, new_e, client[3];
	int result = 0;

	expect_eq(OK, spawn_sys(echo_server, TAG_OLD, &old_e));
	expect_eq(OK, spawn_frozen(echo_server, TAG_NEW, &new_e));
	expect_eq(TAG_OLD, echo_tag(old_e));
	prepare(old_e);
	for (uint32_t i = 0; i < 3; i++) {
		expect_eq(OK,
			  spawn_sys(client_sendrec, ((uint32_t)old_e << 8) | i,
				    &client[i]));
		expect_eq(OK, wait_until_blocked(client[i], RTS_SENDING));
	}
	expect_eq(OK, sys_update(old_e, new_e, 0));
	expect_eq(OK, sys_privctl(old_e, SYS_PRIV_ALLOW, 0));
	for (int i = 0; i < 3; i++) {
		expect_eq(OK, child_wait(client[i], &result));
		expect_eq(TAG_NEW * 100 + i + 1, result);
	}
	expect_eq(TAG_NEW, echo_tag(old_e));
	/* The old image now lives under the other endpoint, still waiting. */
	expect_true(proc_rts(new_e) & RTS_RECEIVING);
}

static void update_rollback_restores_the_old_image(void)
{
	endpoint_t old_e, new_e;
	message m = { .m_type = OK };

	expect_eq(OK, spawn_sys(echo_server, TAG_OLD, &old_e));
	expect_eq(OK, spawn_frozen(echo_server, TAG_NEW, &new_e));
	prepare(old_e);
	expect_eq(OK, sys_update(old_e, new_e, 0));
	expect_eq(OK, sys_update(old_e, new_e, SYS_UPD_ROLLBACK));
	expect_eq(OK, ipc_send(old_e, &m)); /* answer its ECHO_READY */
	expect_eq(TAG_OLD, echo_tag(old_e));
	expect_true(proc_rts(new_e) & RTS_NO_PRIV);
}

static void update_keeps_pending_notification_with_the_endpoint(void)
{
	endpoint_t old_e, new_e;
	int result = 0;

	expect_eq(OK, spawn_sys(echo_server, TAG_OLD, &old_e));
	expect_eq(OK, spawn_frozen(report_first_receive, 0, &new_e));
	prepare(old_e);
	expect_eq(OK, ipc_notify(old_e)); /* pending: it is in a sendrec */
	expect_eq(OK, sys_update(old_e, new_e, 0));
	expect_eq(OK, sys_privctl(old_e, SYS_PRIV_ALLOW, 0));
	expect_eq(OK, child_wait(old_e, &result));
	expect_eq(ktest_ep, result);
}

static void update_of_runnable_process_returns_ebusy(void)
{
	endpoint_t running, frozen;

	expect_eq(OK, spawn_sys(spin_forever, 0, &running));
	expect_eq(OK, spawn_frozen(echo_server, TAG_NEW, &frozen));
	expect_eq(-EBUSY, sys_update(running, frozen, 0));
	expect_eq(-EBUSY, sys_update(frozen, running, 0));
}

static void update_of_user_process_returns_eperm(void)
{
	struct spawn_opts o = { .kind = SPAWN_USER,
				.frozen = true,
				.slot = -1 };
	endpoint_t user, frozen;

	expect_eq(OK, spawn(echo_server, 0, &o, &user));
	expect_eq(OK, spawn_frozen(echo_server, TAG_NEW, &frozen));
	expect_eq(-EPERM, sys_update(user, frozen, 0));
	expect_eq(-EPERM, sys_update(frozen, SYSTEM, 0));
}

static void update_with_bad_endpoints_returns_einval(void)
{
	endpoint_t a, dead;

	expect_eq(OK, spawn_frozen(echo_server, TAG_NEW, &a));
	expect_eq(OK, spawn_frozen(echo_server, TAG_NEW, &dead));
	child_kill(dead);
	expect_eq(-EINVAL, sys_update(a, a, 0));
	expect_eq(-EINVAL, sys_update(a, dead, 0));
	expect_eq(-EINVAL, sys_update(NONE, a, 0));
}

static int send_to_self(uint32_t unused)
{
	message m = { .m_type = ECHO_REQ };

	(void)unused;
	return ipc_send(sys_self(), &m);
}

static void update_leaves_no_process_able_to_send_to_itself(void)
{
	endpoint_t old_e, new_e;
	int result = 0;
	struct spawn_opts o = { .kind = SPAWN_SYS, .frozen = true, .slot = -1 };

	expect_eq(OK, spawn_sys(echo_server, 1, &old_e));
	expect_eq(OK, spawn(send_to_self, 0, &o, &new_e));
	prepare(old_e);
	expect_eq(OK, sys_update(old_e, new_e, 0));
	expect_eq(OK, sys_privctl(old_e, SYS_PRIV_ALLOW, 0));
	expect_eq(OK, child_wait(old_e, &result));
	expect_eq(-ECALLDENIED, result);
}

const struct test_case update_tests[] = {
	{ "update_swaps_images_and_serves_queued_senders",
	  update_swaps_images_and_serves_queued_senders },
	{ "update_rollback_restores_the_old_image",
	  update_rollback_restores_the_old_image },
	{ "update_keeps_pending_notification_with_the_endpoint",
	  update_keeps_pending_notification_with_the_endpoint },
	{ "update_of_runnable_process_returns_ebusy",
	  update_of_runnable_process_returns_ebusy },
	{ "update_of_user_process_returns_eperm",
	  update_of_user_process_returns_eperm },
	{ "update_with_bad_endpoints_returns_einval",
	  update_with_bad_endpoints_returns_einval },
	{ "update_leaves_no_process_able_to_send_to_itself",
	  update_leaves_no_process_able_to_send_to_itself },
	{ NULL, NULL },
};
