// SPDX-License-Identifier: BSD-2-Clause
/*
 * SEF tests.  ktest is the root system process, so to a child that links
 * SEF it is RS: the child's sef_startup() waits for ktest's RS_INIT, and
 * its sef_receive() treats ktest's notifications as pings, its
 * RS_LU_PREPARE as live-update requests, and so on.  The child's main
 * loop answers ECHO_REQ with what it has seen, so each test can check
 * that SEF kept the system events away from the service's own loop.
 */
#include "ktest.h"
#include <sef.h>

/* What the service's main loop reports in an ECHO_REQ reply. */
#define SEEN_REQUESTS 0 /* word: requests the loop received */
#define SEEN_SIGNAL   1 /* word: last signal the handler got */
#define SEEN_SAVES    2 /* word: state_save calls */
#define SEEN_LAST     3 /* word: the previous request's first word */

enum service_mode {
	SERVICE_DEFAULT,   /* default callbacks */
	SERVICE_CUSTOM_LU, /* state 7, ready after two requests */
	SERVICE_FAIL_INIT, /* fresh init callback fails */
	SERVICE_TAKE_OVER, /* live-update init reads its predecessor's state */
};

#define CUSTOM_STATE (SEF_LU_STATE_CUSTOM_BASE)

static uint32_t requests, last_signal, saves, last_word;

static void remember_signal(int signo)
{
	last_signal = (uint32_t)signo;
}

static bool accept_custom_state(int state, uint32_t flags)
{
	(void)flags;
	return state == CUSTOM_STATE || state == SEF_LU_STATE_WORK_FREE;
}

static int ready_after_two_requests(int state)
{
	(void)state;
	return requests >= 2 ? OK : -ENOTREADY;
}

static int count_save(int state, uint32_t flags)
{
	(void)state;
	(void)flags;
	saves++;
	return OK;
}

static int init_invalid(int type, const struct sef_init_info *info)
{
	(void)type;
	(void)info;
	return -EINVAL;
}

/* Live-update init: fetch last_word from the old image through its grant 0. */
static int take_over_state(int type, const struct sef_init_info *info)
{
	(void)type;
	return sys_safecopyfrom(info->old_endpoint, GRANT_ID(0, 0),
				(vir_bytes)&last_word, &last_word,
				sizeof(last_word));
}

static _Noreturn int sef_service(uint32_t mode)
{
	message m;

	sef_setcb_signal_handler(remember_signal);
	sef_setcb_lu_state_save(count_save);
	if (mode == SERVICE_CUSTOM_LU) {
		sef_setcb_lu_state_isvalid(accept_custom_state);
		sef_setcb_lu_prepare(ready_after_two_requests);
	}
	if (mode == SERVICE_FAIL_INIT)
		sef_setcb_init_fresh(init_invalid);
	if (mode == SERVICE_TAKE_OVER)
		sef_setcb_init_lu(take_over_state);
	sef_startup();
	for (;;) {
		if (sef_receive(ANY, &m) != OK)
			continue;
		uint32_t word = m.word[0];
		requests++;
		m.word[SEEN_REQUESTS] = requests;
		m.word[SEEN_SIGNAL] = last_signal;
		m.word[SEEN_SAVES] = saves;
		m.word[SEEN_LAST] = last_word;
		last_word = word;
		m.m_type = OK;
		ipc_sendnb(m.m_source, &m);
	}
}

/* ---- helpers on the RS side (ktest) ---- */

static void send_init(endpoint_t e, int type, uint32_t flags)
{
	message m = { .m_type = RS_INIT };

	m.rs_init.type = type;
	m.rs_init.flags = flags;
	m.rs_init.old_endpoint = NONE;
	expect_eq(OK, wait_until_blocked(e, RTS_RECEIVING));
	expect_eq(OK, ipc_send(e, &m));
}

/* The service's init reply: its result.  The service waits for our answer. */
static int init_reply(endpoint_t e)
{
	message m;
	uint32_t status;

	expect_eq(OK, ktest_receive(e, &m, &status, WAIT_TICKS));
	expect_eq(RS_INIT, m.m_type);
	return m.rs_init.result;
}

static void answer(endpoint_t e)
{
	message m = { .m_type = OK };

	expect_eq(OK, ipc_send(e, &m));
}

/* Start a service in mode and complete its handshake. */
static endpoint_t start_service(enum service_mode mode)
{
	endpoint_t e = NONE;

	expect_eq(OK, spawn_sys(sef_service, mode, &e));
	send_init(e, SEF_INIT_FRESH, 0);
	expect_eq(OK, init_reply(e));
	answer(e);
	return e;
}

static message ask_with(endpoint_t e, uint32_t word)
{
	message m = { .m_type = ECHO_REQ };

	m.word[0] = word;
	expect_eq(OK, ipc_sendrec(e, &m));
	return m;
}

static message ask(endpoint_t e)
{
	message m = { .m_type = ECHO_REQ };

	expect_eq(OK, ipc_sendrec(e, &m));
	return m;
}

static void send_prepare(endpoint_t e, int state)
{
	message m = { .m_type = RS_LU_PREPARE };

	m.rs_lu_prepare.state = state;
	expect_eq(OK, ipc_send(e, &m));
}

/* The service's prepare reply, or -ETIMEDOUT if none comes. */
static int prepare_reply(endpoint_t e, int ticks)
{
	message m;
	uint32_t status;
	int r = ktest_receive(e, &m, &status, ticks);

	if (r != OK)
		return r;
	expect_eq(RS_LU_PREPARE, m.m_type);
	return m.rs_lu_prepare.result;
}

/* ---- tests ---- */

static void sef_startup_waits_for_rs_to_answer_the_init_reply(void)
{
	endpoint_t e;

	expect_eq(OK, spawn_sys(sef_service, SERVICE_DEFAULT, &e));
	send_init(e, SEF_INIT_FRESH, 0);
	expect_eq(OK, init_reply(e));
	/* Synchronous: blocked in its sendrec until we answer. */
	expect_eq(RTS_RECEIVING, proc_rts(e) & (RTS_RECEIVING | RTS_SENDING));
	answer(e);
	message m = ask(e);
	expect_eq(1, m.word[SEEN_REQUESTS]);
}

static void sef_init_reports_the_callback_result(void)
{
	endpoint_t e;

	expect_eq(OK, spawn_sys(sef_service, SERVICE_FAIL_INIT, &e));
	send_init(e, SEF_INIT_FRESH, 0);
	expect_eq(-EINVAL, init_reply(e));
}

static void sef_init_fail_flag_reports_enosys(void)
{
	endpoint_t e;

	expect_eq(OK, spawn_sys(sef_service, SERVICE_DEFAULT, &e));
	send_init(e, SEF_INIT_FRESH, SEF_INIT_FAIL);
	expect_eq(-ENOSYS, init_reply(e));
}

static void sef_init_crash_flag_ends_the_service(void)
{
	endpoint_t e;
	int sig = 0;

	expect_eq(OK, spawn_sys(sef_service, SERVICE_DEFAULT, &e));
	send_init(e, SEF_INIT_FRESH, SEF_INIT_CRASH);
	expect_eq(OK, child_wait_signal(e, &sig));
	expect_eq(SIGABRT, sig);
}

static void sef_default_restart_asks_for_a_fresh_start(void)
{
	endpoint_t e;

	expect_eq(OK, spawn_sys(sef_service, SERVICE_DEFAULT, &e));
	send_init(e, SEF_INIT_RESTART, 0);
	expect_eq(-ERESTART, init_reply(e));
}

/*
 * The default takes a self update's state by identity transfer (which
 * sef_live_update_new_image_takes_state_through_grant_zero exercises):
 * without a predecessor to copy from it fails, and a new program, which
 * cannot know the old one's layout, is refused outright.
 */
static void sef_default_live_update_init_accepts_identity_updates_only(void)
{
	endpoint_t a, b;

	expect_eq(OK, spawn_sys(sef_service, SERVICE_DEFAULT, &a));
	send_init(a, SEF_INIT_LU, SEF_LU_SELF);
	expect_eq(-EINVAL, init_reply(a));
	expect_eq(OK, spawn_sys(sef_service, SERVICE_DEFAULT, &b));
	send_init(b, SEF_INIT_LU, 0);
	expect_eq(-ENOSYS, init_reply(b));
}

static void sef_ping_from_rs_is_answered_with_a_pong(void)
{
	endpoint_t e = start_service(SERVICE_DEFAULT);
	message m;
	uint32_t status;

	expect_eq(OK, ipc_notify(e));
	expect_eq(OK, ktest_receive(e, &m, &status, WAIT_TICKS));
	expect_true(is_ipc_notify(status));
	expect_eq(1, ask(e).word[SEEN_REQUESTS]); /* the loop saw no ping */
}

static void sef_stale_init_request_never_reaches_the_service(void)
{
	endpoint_t e = start_service(SERVICE_DEFAULT);
	message m = { .m_type = RS_INIT };

	expect_eq(OK, ipc_send(e, &m));
	expect_eq(1, ask(e).word[SEEN_REQUESTS]);
}

static void sef_forwarded_signal_goes_to_the_handler(void)
{
	endpoint_t e = start_service(SERVICE_DEFAULT);
	message m = { .m_type = SIGS_SIGNAL_RECEIVED };

	m.sigs_signal.signo = SIGTERM;
	expect_eq(OK, ipc_send(e, &m));
	m = ask(e);
	expect_eq(SIGTERM, m.word[SEEN_SIGNAL]);
	expect_eq(1, m.word[SEEN_REQUESTS]);
}

static void sef_work_free_prepare_reports_ready_and_blocks(void)
{
	endpoint_t e = start_service(SERVICE_DEFAULT);

	send_prepare(e, SEF_LU_STATE_WORK_FREE);
	expect_eq(OK, prepare_reply(e, WAIT_TICKS));
	/* Blocked in its sendrec to RS: the state sys_update needs. */
	expect_eq(RTS_RECEIVING, proc_rts(e) & (RTS_RECEIVING | RTS_SENDING));
	answer(e); /* abort the update: the service carries on */
	message m = ask(e);
	expect_eq(1, m.word[SEEN_SAVES]);
	expect_eq(1, m.word[SEEN_REQUESTS]);
}

static void sef_unsupported_state_is_refused_with_enosys(void)
{
	endpoint_t e = start_service(SERVICE_DEFAULT);

	send_prepare(e, CUSTOM_STATE);
	expect_eq(-ENOSYS, prepare_reply(e, WAIT_TICKS));
	answer(e);
	expect_eq(1, ask(e).word[SEEN_REQUESTS]);
}

static void sef_unreachable_state_never_reports_and_cancel_resumes(void)
{
	endpoint_t e = start_service(SERVICE_DEFAULT);

	send_prepare(e, SEF_LU_STATE_UNREACHABLE);
	expect_eq(-ETIMEDOUT, prepare_reply(e, QUIET_TICKS));
	send_prepare(e, SEF_LU_STATE_NULL); /* cancel */
	expect_eq(1, ask(e).word[SEEN_REQUESTS]);
	expect_eq(-ETIMEDOUT, prepare_reply(e, QUIET_TICKS));
}

static void sef_second_prepare_while_preparing_is_busy(void)
{
	endpoint_t e = start_service(SERVICE_DEFAULT);

	send_prepare(e, SEF_LU_STATE_UNREACHABLE);
	send_prepare(e, SEF_LU_STATE_WORK_FREE);
	expect_eq(-EBUSY, prepare_reply(e, WAIT_TICKS));
	answer(e);
	send_prepare(e, SEF_LU_STATE_NULL);
}

static void sef_prepare_crash_state_ends_the_service(void)
{
	endpoint_t e = start_service(SERVICE_DEFAULT);
	int sig = 0;

	send_prepare(e, SEF_LU_STATE_PREPARE_CRASH);
	expect_eq(OK, child_wait_signal(e, &sig));
	expect_eq(SIGABRT, sig);
}

static void sef_custom_state_waits_for_the_service_prepare_callback(void)
{
	endpoint_t e = start_service(SERVICE_CUSTOM_LU);

	send_prepare(e, CUSTOM_STATE);
	expect_eq(-ETIMEDOUT, prepare_reply(e, QUIET_TICKS));
	ask(e); /* one request ... */
	expect_eq(-ETIMEDOUT, prepare_reply(e, QUIET_TICKS));
	ask(e); /* ... and two */
	expect_eq(OK, prepare_reply(e, WAIT_TICKS));
	answer(e);
	expect_eq(1, ask(e).word[SEEN_SAVES]);
}

static void sef_fault_injection_crash_ends_the_service(void)
{
	endpoint_t e = start_service(SERVICE_DEFAULT);
	message m = { .m_type = COMMON_REQ_FI_CTL };
	int sig = 0;

	m.common_fi.subtype = RS_FI_CRASH;
	expect_eq(OK, ipc_send(e, &m));
	expect_eq(OK, child_wait_signal(e, &sig));
	expect_eq(SIGABRT, sig);
}

static void sef_state_grant_is_not_usable_by_others(void)
{
	endpoint_t e = start_service(SERVICE_DEFAULT);
	uint32_t word;

	expect_eq(-EPERM, sys_safecopyfrom(e, GRANT_ID(0, 0), USER_BASE, &word,
					   sizeof(word)));
}

/*
 * The whole live-update path at this level: prepare, swap, and the new
 * image initialising from the old one's memory through grant 0, which
 * only the holder of the endpoint may use.
 */
static void sef_live_update_new_image_takes_state_through_grant_zero(void)
{
	endpoint_t e = start_service(SERVICE_DEFAULT), spare;
	struct spawn_opts o = sys_opts(NULL, true);

	ask_with(e, 0xc0ffee);
	expect_eq(OK, spawn(sef_service, SERVICE_TAKE_OVER, &o, &spare));
	send_prepare(e, SEF_LU_STATE_WORK_FREE);
	expect_eq(OK, prepare_reply(e, WAIT_TICKS));
	expect_eq(OK, sys_update(e, spare, 0));
	expect_eq(OK, sys_privctl(e, SYS_PRIV_ALLOW, 0));
	message m = { .m_type = RS_INIT };
	m.rs_init.type = SEF_INIT_LU;
	m.rs_init.flags = SEF_LU_SELF;
	m.rs_init.old_endpoint = spare; /* where the old image lives now */
	expect_eq(OK, wait_until_blocked(e, RTS_RECEIVING));
	expect_eq(OK, ipc_send(e, &m));
	expect_eq(OK, init_reply(e));
	answer(e);
	m = ask(e);
	expect_eq(0xc0ffee, m.word[SEEN_LAST]); /* the state came across */
	expect_eq(1, m.word[SEEN_REQUESTS]);	/* served by the new image */
}

const struct test_case sef_tests[] = {
	{ "sef_startup_waits_for_rs_to_answer_the_init_reply",
	  sef_startup_waits_for_rs_to_answer_the_init_reply },
	{ "sef_init_reports_the_callback_result",
	  sef_init_reports_the_callback_result },
	{ "sef_init_fail_flag_reports_enosys",
	  sef_init_fail_flag_reports_enosys },
	{ "sef_init_crash_flag_ends_the_service",
	  sef_init_crash_flag_ends_the_service },
	{ "sef_default_restart_asks_for_a_fresh_start",
	  sef_default_restart_asks_for_a_fresh_start },
	{ "sef_default_live_update_init_accepts_identity_updates_only",
	  sef_default_live_update_init_accepts_identity_updates_only },
	{ "sef_ping_from_rs_is_answered_with_a_pong",
	  sef_ping_from_rs_is_answered_with_a_pong },
	{ "sef_stale_init_request_never_reaches_the_service",
	  sef_stale_init_request_never_reaches_the_service },
	{ "sef_forwarded_signal_goes_to_the_handler",
	  sef_forwarded_signal_goes_to_the_handler },
	{ "sef_work_free_prepare_reports_ready_and_blocks",
	  sef_work_free_prepare_reports_ready_and_blocks },
	{ "sef_unsupported_state_is_refused_with_enosys",
	  sef_unsupported_state_is_refused_with_enosys },
	{ "sef_unreachable_state_never_reports_and_cancel_resumes",
	  sef_unreachable_state_never_reports_and_cancel_resumes },
	{ "sef_second_prepare_while_preparing_is_busy",
	  sef_second_prepare_while_preparing_is_busy },
	{ "sef_prepare_crash_state_ends_the_service",
	  sef_prepare_crash_state_ends_the_service },
	{ "sef_custom_state_waits_for_the_service_prepare_callback",
	  sef_custom_state_waits_for_the_service_prepare_callback },
	{ "sef_fault_injection_crash_ends_the_service",
	  sef_fault_injection_crash_ends_the_service },
	{ "sef_state_grant_is_not_usable_by_others",
	  sef_state_grant_is_not_usable_by_others },
	{ "sef_live_update_new_image_takes_state_through_grant_zero",
	  sef_live_update_new_image_takes_state_through_grant_zero },
	{ NULL, NULL },
};
