// SPDX-License-Identifier: BSD-2-Clause
/*
 * IPC tests: every primitive, its error paths, notification semantics,
 * FIFO order, deadlock detection and cleanup when a peer disappears.
 * kecho (boot slot 1) is a long-lived echo server; other subjects are
 * children spawned per test.
 */
#include "ktest.h"

#define KECHO	      ((endpoint_t)1)
#define UNMAPPED_ADDR 0xdead0000u
#define KERNEL_ADDR   0x00100000u

/* ---- child bodies ---- */

static int send_to_ktest(uint32_t word)
{
	message m = { .m_type = ECHO_REQ };

	m.word[0] = word;
	return ipc_send(ktest_ep, &m);
}

static int notify_ktest_three_times(uint32_t unused)
{
	(void)unused;
	for (int i = 0; i < 3; i++)
		ipc_notify(ktest_ep);
	return send_to_ktest(99);
}

static int block_receiving_from_ktest(uint32_t unused)
{
	message m;

	(void)unused;
	return ipc_receive(ktest_ep, &m, NULL);
}

/* ---- tests ---- */

static void ipc_sendrec_roundtrip_reaches_echo_server(void)
{
	message m = { .m_type = ECHO_REQ };

	m.word[0] = 41;
	expect_eq(OK, ipc_sendrec(KECHO, &m));
	expect_eq(1, m.m_type);
	expect_eq(42, m.word[0]);
	expect_eq(KECHO, m.m_source);
}

/*
 * A message that straddles a page boundary cannot take the kernel's
 * page-to-page fast path; the staged path must give the same result.
 */
static void ipc_sendrec_with_message_across_page_boundary(void)
{
	static uint8_t pages[2 * 4096] __attribute__((aligned(4096)));
	message *m = (message *)(pages + 4096 - 20);

	*m = (message){ .m_type = ECHO_REQ };
	m->word[0] = 1000;
	expect_eq(OK, ipc_sendrec(KECHO, m));
	expect_eq(1, m->m_type);
	expect_eq(1001, m->word[0]);
	expect_eq(KECHO, m->m_source);
}

static void ipc_send_then_receive_gets_reply(void)
{
	message m = { .m_type = ECHO_REQ };
	uint32_t status;

	m.word[0] = 7;
	expect_eq(OK, ipc_send(KECHO, &m));
	expect_eq(OK, ipc_receive(KECHO, &m, &status));
	expect_eq(8, m.word[0]);
	expect_eq(SENDNB, IPC_STATUS_CALL(status));
}

static void ipc_sendnb_to_process_not_receiving_returns_enotready(void)
{
	struct spawn_opts o = { .kind = SPAWN_SYS, .frozen = true, .slot = -1 };
	endpoint_t e;
	message m = { .m_type = ECHO_REQ };

	expect_eq(OK, spawn(echo_server, 5, &o, &e));
	expect_eq(-ENOTREADY, ipc_sendnb(e, &m));
}

static void ipc_sendrec_nb_asks_only_a_receiving_process(void)
{
	struct spawn_opts o = { .kind = SPAWN_SYS, .frozen = true, .slot = -1 };
	endpoint_t busy;
	message m = { .m_type = ECHO_REQ };

	expect_eq(OK, spawn(echo_server, 5, &o, &busy));
	expect_eq(-ENOTREADY, ipc_sendrec_nb(busy, &m));
	m.word[0] = 41; /* the echo task waits for requests */
	expect_eq(OK, ipc_sendrec_nb(KECHO, &m));
	expect_eq(42, m.word[0]);
	expect_eq(KECHO, m.m_source);
}

static void ipc_send_to_dead_endpoint_returns_edeadsrcdst(void)
{
	endpoint_t e;
	message m = { .m_type = ECHO_REQ };

	expect_eq(OK, spawn_sys(echo_server, 5, &e));
	child_kill(e);
	expect_eq(-EDEADSRCDST, ipc_send(e, &m));
	expect_eq(-EDEADSRCDST, ipc_sendrec(e, &m));
	expect_eq(-EDEADSRCDST, ipc_notify(e));
}

static void ipc_send_to_invalid_endpoint_returns_ebadept(void)
{
	message m = { .m_type = ECHO_REQ };

	expect_eq(-EBADEPT, ipc_send(ENDPOINT(0, 5000), &m));
	expect_eq(-EBADEPT, ipc_send(-100, &m));
	expect_eq(-EBADEPT, ipc_send(NONE, &m));
	expect_eq(-EBADEPT, ipc_send(SELF, &m));
}

static void ipc_send_to_any_returns_einval(void)
{
	message m = { .m_type = ECHO_REQ };

	expect_eq(-EINVAL, ipc_send(ANY, &m));
	expect_eq(-EINVAL, ipc_sendrec(ANY, &m));
	expect_eq(-EINVAL, ipc_notify(ANY));
}

static void ipc_unknown_trap_returns_etrapdenied(void)
{
	message m = { .m_type = ECHO_REQ };

	expect_eq(-ETRAPDENIED, ipc_trap(0, KECHO, (uint32_t)&m, NULL));
	expect_eq(-ETRAPDENIED, ipc_trap(9, KECHO, (uint32_t)&m, NULL));
	expect_eq(-ETRAPDENIED,
		  ipc_trap(0xffffffffu, KECHO, (uint32_t)&m, NULL));
}

static void ipc_bad_message_pointer_returns_efault(void)
{
	uint32_t status;

	expect_eq(-EFAULT, ipc_trap(SEND, KECHO, UNMAPPED_ADDR, NULL));
	expect_eq(-EFAULT, ipc_trap(SENDREC, KECHO, KERNEL_ADDR, NULL));
	expect_eq(-EFAULT, ipc_trap(RECEIVE, ANY, 0, &status));
	expect_eq(-EFAULT, ipc_trap(SENDNB, KECHO, 0xfffffff0u, NULL));
}

static void ipc_receive_into_readonly_memory_returns_efault(void)
{
	uint32_t status;

	/* Code pages are mapped read-only. */
	expect_eq(-EFAULT,
		  ipc_trap(RECEIVE, ANY, (uint32_t)&echo_server, &status));
}

static void ipc_notify_is_delivered_with_source_and_timestamp(void)
{
	endpoint_t e;
	message m;
	uint32_t status;
	struct sys_times_msg t;

	expect_eq(OK, spawn_sys(notify_ktest_three_times, 0, &e));
	expect_eq(OK, ktest_receive(e, &m, &status, WAIT_TICKS));
	sys_times(NONE, &t);
	expect_true(is_ipc_notify(status));
	expect_eq(NOTIFY_MESSAGE, m.m_type);
	expect_eq(e, m.m_source);
	expect_true(m.notify.timestamp <= t.uptime);
	expect_eq(0, status & IPC_FLG_MSG_FROM_KERNEL);
}

static void ipc_notifications_from_one_source_coalesce(void)
{
	endpoint_t e;
	message m;
	uint32_t status;

	expect_eq(OK, spawn_sys(notify_ktest_three_times, 0, &e));
	expect_eq(OK, wait_until_blocked(e, RTS_SENDING));
	expect_eq(OK, ktest_receive(e, &m, &status, WAIT_TICKS));
	expect_true(is_ipc_notify(status));
	expect_eq(OK, ktest_receive(e, &m, &status, WAIT_TICKS));
	expect_eq(ECHO_REQ, m.m_type); /* not a second notification */
	expect_eq(99, m.word[0]);
}

static void ipc_receive_from_one_endpoint_skips_other_senders(void)
{
	endpoint_t a, b;
	message m;
	uint32_t status;

	expect_eq(OK, spawn_sys(send_to_ktest, 1, &a));
	expect_eq(OK, wait_until_blocked(a, RTS_SENDING));
	expect_eq(OK, spawn_sys(send_to_ktest, 2, &b));
	expect_eq(OK, wait_until_blocked(b, RTS_SENDING));
	expect_eq(OK, ipc_receive(b, &m, &status));
	expect_eq(2, m.word[0]);
	expect_eq(b, m.m_source);
	expect_eq(SEND, IPC_STATUS_CALL(status));
	expect_eq(OK, ipc_receive(a, &m, &status));
	expect_eq(1, m.word[0]);
}

static void ipc_blocked_senders_are_served_in_fifo_order(void)
{
	endpoint_t e[3];
	message m;
	uint32_t status;

	for (int i = 0; i < 3; i++) {
		expect_eq(OK,
			  spawn_sys(send_to_ktest, 10 + (uint32_t)i, &e[i]));
		expect_eq(OK, wait_until_blocked(e[i], RTS_SENDING));
	}
	for (int i = 0; i < 3; i++) {
		expect_eq(OK, ipc_receive(ANY, &m, &status));
		expect_eq(10 + i, m.word[0]);
		expect_eq(e[i], m.m_source);
	}
}

static void ipc_send_cycle_returns_elocked(void)
{
	endpoint_t e;
	message m = { .m_type = ECHO_REQ };

	/* The child blocks sending to us; sending back would close a cycle. */
	expect_eq(OK, spawn_sys(send_to_ktest, 1, &e));
	expect_eq(OK, wait_until_blocked(e, RTS_SENDING));
	expect_eq(-ELOCKED, ipc_send(e, &m));
	expect_eq(-ELOCKED, ipc_sendrec(e, &m));
}

static void ipc_notify_does_not_satisfy_reply_half_of_sendrec(void)
{
	endpoint_t e;
	message m;
	uint32_t status;

	/* The child sendrecs to us; we notify it first, then reply. */
	expect_eq(OK, spawn_sys(sendrec_to, (uint32_t)ktest_ep, &e));
	expect_eq(OK, ktest_receive(e, &m, &status, WAIT_TICKS));
	expect_eq(OK, ipc_notify(e));
	m.m_type = 1234;
	expect_eq(OK, ipc_send(e, &m));
	int result = 0;
	expect_eq(OK, child_wait(e, &result));
	expect_eq(OK, result); /* sendrec returned our reply, not the notify */
	expect_eq(1234, m.m_type);
}

static void ipc_peer_cleared_releases_blocked_sender_with_edeadsrcdst(void)
{
	endpoint_t server, client;
	int result = 0;

	expect_eq(OK, spawn_sys(block_receiving_from_ktest, 0, &server));
	expect_eq(OK, wait_until_blocked(server, RTS_RECEIVING));
	expect_eq(OK, spawn_sys(sendrec_to, (uint32_t)server, &client));
	expect_eq(OK, wait_until_blocked(client, RTS_SENDING));
	child_kill(server);
	expect_eq(OK, child_wait(client, &result));
	expect_eq(-EDEADSRCDST, result);
}

static void ipc_sendrec_to_kernel_task_is_refused(void)
{
	message m = { .m_type = ECHO_REQ };

	expect_eq(-ETRAPDENIED, ipc_sendrec(SYSTEM, &m));
	expect_eq(-ETRAPDENIED, ipc_send(CLOCK, &m));
	expect_eq(-ETRAPDENIED, ipc_notify(HARDWARE));
}

static void ipc_senda_delivers_to_waiting_receiver(void)
{
	static asynmsg_t table[2];
	endpoint_t e;
	int result = 0;

	expect_eq(OK, spawn_sys(receive_one_and_report_word, 0, &e));
	expect_eq(OK, wait_until_blocked(e, RTS_RECEIVING));
	memset(table, 0, sizeof(table));
	table[0].flags = AMF_VALID;
	table[0].dst = e;
	table[0].msg.m_type = ECHO_REQ;
	table[0].msg.word[0] = 555;
	expect_eq(OK, ipc_senda(table, 1));
	expect_eq(AMF_VALID | AMF_DONE, table[0].flags);
	expect_eq(OK, table[0].result);
	expect_eq(OK, child_wait(e, &result));
	expect_eq(555, result);
	ipc_senda(NULL, 0);
}

static void ipc_senda_pending_message_is_delivered_on_receive(void)
{
	static asynmsg_t table[1];
	struct spawn_opts o = { .kind = SPAWN_SYS, .frozen = true, .slot = -1 };
	endpoint_t e;
	int result = 0;

	expect_eq(OK, spawn(receive_one_and_report_word, 0, &o, &e));
	memset(table, 0, sizeof(table));
	table[0].flags = AMF_VALID | AMF_NOTIFY;
	table[0].dst = e;
	table[0].msg.word[0] = 777;
	expect_eq(OK, ipc_senda(table, 1));
	expect_eq(AMF_VALID | AMF_NOTIFY, table[0].flags); /* still pending */
	expect_eq(OK, sys_privctl(e, SYS_PRIV_ALLOW, 0));
	expect_eq(OK, child_wait(e, &result));
	expect_eq(777, result);
	expect_true(table[0].flags & AMF_DONE);
	expect_eq(OK, table[0].result);
	message m;
	uint32_t status;
	expect_eq(OK, ktest_receive(ASYNCM, &m, &status, WAIT_TICKS));
	expect_true(is_ipc_notify(status));
	ipc_senda(NULL, 0);
}

static void ipc_senda_to_dead_endpoint_fails_in_table(void)
{
	static asynmsg_t table[1];
	endpoint_t e;

	expect_eq(OK, spawn_sys(echo_server, 5, &e));
	child_kill(e);
	memset(table, 0, sizeof(table));
	table[0].flags = AMF_VALID;
	table[0].dst = e;
	expect_eq(OK, ipc_senda(table, 1));
	expect_true(table[0].flags & AMF_DONE);
	expect_eq(-EDEADSRCDST, table[0].result);
	ipc_senda(NULL, 0);
}

static void ipc_senda_to_kernel_task_fails_in_table(void)
{
	static asynmsg_t table[1];

	memset(table, 0, sizeof(table));
	table[0].flags = AMF_VALID;
	table[0].dst = CLOCK;
	expect_eq(OK, ipc_senda(table, 1));
	expect_true(table[0].flags & AMF_DONE);
	expect_eq(-ECALLDENIED, table[0].result);
	ipc_senda(NULL, 0);
}

static void ipc_senda_table_limits_are_checked(void)
{
	expect_eq(-EDOM,
		  ipc_senda((asynmsg_t *)&ktest_ep, ASYN_MAX_ENTRIES + 1));
	expect_eq(-EFAULT, ipc_senda((asynmsg_t *)UNMAPPED_ADDR, 4));
	expect_eq(OK, ipc_senda(NULL, 0));
}

static int user_tries_senda_and_send(uint32_t unused)
{
	message m = { .m_type = ECHO_REQ };
	int r1 = ipc_senda(NULL, 0);
	int r2 = ipc_trap(SEND, (uint32_t)ktest_ep, (uint32_t)&m, NULL);
	int r3 = ipc_trap(NOTIFY, (uint32_t)ktest_ep, 0, NULL);

	(void)unused;
	return r1 == -ETRAPDENIED && r2 == -ETRAPDENIED && r3 == -ETRAPDENIED ?
		       OK :
		       -EGENERIC;
}

static void ipc_user_process_may_only_sendrec(void)
{
	endpoint_t e;
	int result = -1;

	expect_eq(OK, spawn_user(user_tries_senda_and_send, 0, &e));
	expect_eq(OK, child_wait(e, &result));
	expect_eq(OK, result);
}

static int user_sendrec(uint32_t target)
{
	message m = { .m_type = ECHO_REQ };

	m.word[0] = 1;
	int r = ipc_sendrec((endpoint_t)target, &m);
	return r != OK ? r : (int)m.word[0];
}

static void ipc_user_sendrec_outside_send_mask_returns_ecalldenied(void)
{
	struct priv_spec s = default_sys_spec();
	struct spawn_opts o = { .kind = SPAWN_SYS, .spec = &s, .slot = -1 };
	endpoint_t server, user;
	int result = 0;

	priv_mask_clear(s.ipc_to, USER_PRIV_ID);
	expect_eq(OK, spawn(echo_server, 9, &o, &server));
	expect_eq(OK, spawn_user(user_sendrec, (uint32_t)server, &user));
	expect_eq(OK, child_wait(user, &result));
	expect_eq(-ECALLDENIED, result);
	child_kill(user);
	expect_eq(OK, spawn_user(user_sendrec, (uint32_t)KECHO, &user));
	expect_eq(OK, child_wait(user, &result));
	expect_eq(2, result); /* kecho is in the user mask */
	child_kill(user);
	expect_eq(OK, spawn_user(user_sendrec, (uint32_t)SYSTEM, &user));
	expect_eq(OK, child_wait(user, &result));
	expect_eq(-ECALLDENIED, result); /* tasks are in no user mask */
}

static void ipc_endpoint_generation_changes_when_slot_is_reused(void)
{
	struct spawn_opts o = { .kind = SPAWN_SYS, .frozen = true, .slot = 40 };
	endpoint_t first, second;

	expect_eq(OK, spawn(echo_server, 1, &o, &first));
	child_kill(first);
	expect_eq(OK, spawn(echo_server, 1, &o, &second));
	expect_eq(40, ENDPOINT_P(first));
	expect_eq(40, ENDPOINT_P(second));
	expect_eq(ENDPOINT_G(first) + 1, ENDPOINT_G(second));
	message m = { .m_type = ECHO_REQ };
	expect_eq(-EDEADSRCDST, ipc_sendnb(first, &m));
}

const struct test_case ipc_tests[] = {
	{ "ipc_sendrec_roundtrip_reaches_echo_server",
	  ipc_sendrec_roundtrip_reaches_echo_server },
	{ "ipc_sendrec_with_message_across_page_boundary",
	  ipc_sendrec_with_message_across_page_boundary },
	{ "ipc_send_then_receive_gets_reply",
	  ipc_send_then_receive_gets_reply },
	{ "ipc_sendnb_to_process_not_receiving_returns_enotready",
	  ipc_sendnb_to_process_not_receiving_returns_enotready },
	{ "ipc_sendrec_nb_asks_only_a_receiving_process",
	  ipc_sendrec_nb_asks_only_a_receiving_process },
	{ "ipc_send_to_dead_endpoint_returns_edeadsrcdst",
	  ipc_send_to_dead_endpoint_returns_edeadsrcdst },
	{ "ipc_send_to_invalid_endpoint_returns_ebadept",
	  ipc_send_to_invalid_endpoint_returns_ebadept },
	{ "ipc_send_to_any_returns_einval", ipc_send_to_any_returns_einval },
	{ "ipc_unknown_trap_returns_etrapdenied",
	  ipc_unknown_trap_returns_etrapdenied },
	{ "ipc_bad_message_pointer_returns_efault",
	  ipc_bad_message_pointer_returns_efault },
	{ "ipc_receive_into_readonly_memory_returns_efault",
	  ipc_receive_into_readonly_memory_returns_efault },
	{ "ipc_notify_is_delivered_with_source_and_timestamp",
	  ipc_notify_is_delivered_with_source_and_timestamp },
	{ "ipc_notifications_from_one_source_coalesce",
	  ipc_notifications_from_one_source_coalesce },
	{ "ipc_receive_from_one_endpoint_skips_other_senders",
	  ipc_receive_from_one_endpoint_skips_other_senders },
	{ "ipc_blocked_senders_are_served_in_fifo_order",
	  ipc_blocked_senders_are_served_in_fifo_order },
	{ "ipc_send_cycle_returns_elocked", ipc_send_cycle_returns_elocked },
	{ "ipc_notify_does_not_satisfy_reply_half_of_sendrec",
	  ipc_notify_does_not_satisfy_reply_half_of_sendrec },
	{ "ipc_peer_cleared_releases_blocked_sender_with_edeadsrcdst",
	  ipc_peer_cleared_releases_blocked_sender_with_edeadsrcdst },
	{ "ipc_sendrec_to_kernel_task_is_refused",
	  ipc_sendrec_to_kernel_task_is_refused },
	{ "ipc_senda_delivers_to_waiting_receiver",
	  ipc_senda_delivers_to_waiting_receiver },
	{ "ipc_senda_pending_message_is_delivered_on_receive",
	  ipc_senda_pending_message_is_delivered_on_receive },
	{ "ipc_senda_to_dead_endpoint_fails_in_table",
	  ipc_senda_to_dead_endpoint_fails_in_table },
	{ "ipc_senda_to_kernel_task_fails_in_table",
	  ipc_senda_to_kernel_task_fails_in_table },
	{ "ipc_senda_table_limits_are_checked",
	  ipc_senda_table_limits_are_checked },
	{ "ipc_user_process_may_only_sendrec",
	  ipc_user_process_may_only_sendrec },
	{ "ipc_user_sendrec_outside_send_mask_returns_ecalldenied",
	  ipc_user_sendrec_outside_send_mask_returns_ecalldenied },
	{ "ipc_endpoint_generation_changes_when_slot_is_reused",
	  ipc_endpoint_generation_changes_when_slot_is_reused },
	{ NULL, NULL },
};
