// SPDX-License-Identifier: BSD-2-Clause
/*
 * Signal tests: CPU exceptions of user and system children become signals
 * for their manager, sys_kill/getksig/endksig and their error paths,
 * sys_exit, a manager taken from the privilege structure, and a run of
 * faulting children that must leave the kernel alive and leak nothing.
 *
 * ktest is the signal manager of every child unless a test names another;
 * a signalled child stays frozen (RTS_SIG_PENDING) until sys_endksig.
 * Tests that need the kernel's view of the signal set call sys_getksig
 * themselves instead of letting ktest_receive() collect it.
 */
#include "ktest.h"

#define KECHO	      ((endpoint_t)1)
#define UNMAPPED_ADDR 0x80000000u
#define FAULTING_RUNS 20

/* ---- child bodies ---- */

static int divide_by_zero(uint32_t unused)
{
	volatile int num = 1, den = 0;

	(void)unused;
	return num / den;
}

static int touch_unmapped_memory(uint32_t unused)
{
	(void)unused;
	return *(volatile int *)UNMAPPED_ADDR;
}

static int dereference_null(uint32_t unused)
{
	int *volatile p = NULL;

	(void)unused;
	return *p;
}

static int execute_hlt(uint32_t unused)
{
	(void)unused;
	__asm__ volatile("hlt");
	return OK;
}

static int execute_cli(uint32_t unused)
{
	(void)unused;
	__asm__ volatile("cli");
	return OK;
}

static int execute_outb(uint32_t unused)
{
	(void)unused;
	__asm__ volatile("outb %%al, $0x80" : : "a"(0));
	return OK;
}

static int execute_ud2(uint32_t unused)
{
	(void)unused;
	__asm__ volatile("ud2");
	return OK;
}

static int execute_int3(uint32_t unused)
{
	(void)unused;
	__asm__ volatile("int3");
	return OK;
}

static int execute_into_after_overflow(uint32_t unused)
{
	(void)unused;
	__asm__ volatile("movl $0x7fffffff, %%eax\n\t"
			 "addl $1, %%eax\n\t"
			 "into"
			 :
			 :
			 : "eax", "cc");
	return OK;
}

/* Sendrec word[0] = 0, 1, 2... to ktest, one per reply. */
static _Noreturn int ping_ktest_forever(uint32_t unused)
{
	(void)unused;
	for (uint32_t i = 0;; i++) {
		message m = { .m_type = CHILD_REPORT };
		m.word[0] = i;
		ipc_sendrec(ktest_ep, &m);
	}
}

static int try_endksig(uint32_t target)
{
	return sys_endksig((endpoint_t)target);
}

static int kill_ktest(uint32_t sig)
{
	return sys_kill(ktest_ep, (int)sig);
}

static int exit_with_sys_exit(uint32_t unused)
{
	(void)unused;
	return sys_exit();
}

/* A signal manager: report each collected (endpoint, signals) to ktest. */
static void relay_pending_signals(ksigset_t notified)
{
	endpoint_t e;
	ksigset_t sigs;

	while (sys_getksig(&e, &sigs) == OK && e != NONE) {
		message r = { .m_type = CHILD_REPORT };
		r.word[0] = (uint32_t)e;
		r.word[1] = (uint32_t)sigs;
		r.word[2] = (uint32_t)(sigs >> 32);
		r.word[3] = (uint32_t)(notified >> 32);
		ipc_send(ktest_ep, &r);
	}
}

static _Noreturn int manage_signals_for_ktest(uint32_t unused)
{
	message m;
	uint32_t status;

	(void)unused;
	for (;;) {
		if (ipc_receive(ANY, &m, &status) == OK &&
		    is_ipc_notify(status) && m.m_source == SYSTEM)
			relay_pending_signals(m.notify.sigs);
	}
}

/* ---- helpers ---- */

static void expect_kernel_alive(void)
{
	message m = { .m_type = ECHO_REQ };

	m.word[0] = 7;
	expect_eq(OK, ipc_sendrec(KECHO, &m));
	expect_eq(8, m.word[0]);
}

/* Run fn in a fresh child of the given kind; it must stop with just sig. */
static void expect_child_stopped_by(enum spawn_kind kind, child_fn fn, int sig)
{
	struct spawn_opts o = { .kind = kind, .slot = -1 };
	endpoint_t e;
	int caught = 0;

	expect_eq(OK, spawn(fn, 0, &o, &e));
	expect_eq(OK, child_wait_signal(e, &caught));
	expect_eq(sig, caught);
	expect_eq(ksig_bit(sig), child_signals(e));
	expect_eq(RTS_SIG_PENDING, proc_rts(e) & RTS_SIG_PENDING);
	expect_kernel_alive();
}

static int spawn_frozen_sys(child_fn fn, endpoint_t *e)
{
	struct spawn_opts o = { .kind = SPAWN_SYS, .frozen = true, .slot = -1 };

	return spawn(fn, 0, &o, e);
}

/* Collect the next signalled process straight from the kernel. */
static void expect_getksig(endpoint_t want, ksigset_t want_sigs)
{
	endpoint_t e = ANY;
	ksigset_t sigs = ~(ksigset_t)0;

	expect_eq(OK, sys_getksig(&e, &sigs));
	expect_eq(want, e);
	expect_eq(want_sigs, sigs);
}

static void reply_ok(endpoint_t e)
{
	message m = { .m_type = OK };

	expect_eq(OK, ipc_send(e, &m));
}

/*
 * Receive ktest's next notification from SYSTEM, bypassing ktest_receive()
 * (which would absorb it); -ETIMEDOUT if none comes within WAIT_TICKS.
 */
static int receive_system_notify(message *m)
{
	struct sys_times_msg t;
	uint32_t status;

	sys_times(NONE, &t);
	clock_t64 deadline = t.uptime + WAIT_TICKS;
	sys_setalarm(WAIT_TICKS, NULL);
	for (;;) {
		int r = ipc_receive(ANY, m, &status);
		if (r != OK || !is_ipc_notify(status))
			continue;
		if (m->m_source == SYSTEM) {
			sys_setalarm(0, NULL);
			return OK;
		}
		if (m->m_source == CLOCK && m->notify.timestamp >= deadline)
			return -ETIMEDOUT;
	}
}

static uint32_t kernel_pages_free(void)
{
	struct kinfo ki;

	if (sys_getinfo(GET_KINFO, &ki, sizeof(ki), NONE) != OK)
		return 0;
	return ki.kernel_pages_free;
}

/* ---- exceptions become signals ---- */

static void user_divide_by_zero_raises_sigfpe_and_stays_frozen(void)
{
	endpoint_t e;
	int sig = 0, result = 0;

	expect_eq(OK, spawn_user(divide_by_zero, 0, &e));
	expect_eq(OK, child_wait_signal(e, &sig));
	expect_eq(SIGFPE, sig);
	expect_eq(ksig_bit(SIGFPE), child_signals(e));
	expect_eq(RTS_SIG_PENDING, proc_rts(e) & RTS_SIG_PENDING);
	expect_kernel_alive();
	expect_eq(-EINTR, child_wait(e, &result)); /* never reported a result */
	expect_eq(RTS_SIG_PENDING, proc_rts(e) & RTS_SIG_PENDING);
}

static void user_touching_unmapped_memory_raises_sigsegv_through_vm(void)
{
	endpoint_t e;
	int sig = 0;

	expect_eq(OK, spawn_user(touch_unmapped_memory, 0, &e));
	expect_eq(OK, child_wait_signal(e, &sig));
	expect_eq(SIGSEGV, sig);
	expect_eq(ksig_bit(SIGSEGV), child_signals(e));
	/* The kernel stopped it for VM, and VM (ktest) refused the fault. */
	expect_eq(RTS_PAGEFAULT | RTS_SIG_PENDING,
		  proc_rts(e) & (RTS_PAGEFAULT | RTS_SIG_PENDING));
	expect_kernel_alive();
}

static void user_null_dereference_raises_sigsegv(void)
{
	expect_child_stopped_by(SPAWN_USER, dereference_null, SIGSEGV);
}

static void user_hlt_raises_sigill(void)
{
	expect_child_stopped_by(SPAWN_USER, execute_hlt, SIGILL);
}

static void user_cli_raises_sigill(void)
{
	expect_child_stopped_by(SPAWN_USER, execute_cli, SIGILL);
}

static void user_outb_raises_sigill(void)
{
	expect_child_stopped_by(SPAWN_USER, execute_outb, SIGILL);
}

static void user_ud2_raises_sigill(void)
{
	expect_child_stopped_by(SPAWN_USER, execute_ud2, SIGILL);
}

static void user_int3_raises_sigtrap(void)
{
	expect_child_stopped_by(SPAWN_USER, execute_int3, SIGTRAP);
}

static void user_into_after_overflow_raises_sigfpe(void)
{
	expect_child_stopped_by(SPAWN_USER, execute_into_after_overflow,
				SIGFPE);
}

static void system_divide_by_zero_raises_sigfpe(void)
{
	expect_child_stopped_by(SPAWN_SYS, divide_by_zero, SIGFPE);
}

static void system_hlt_raises_sigill(void)
{
	expect_child_stopped_by(SPAWN_SYS, execute_hlt, SIGILL);
}

/* ---- sys_kill, getksig, endksig ---- */

static void kill_sigusr1_reaches_manager_and_endksig_resumes_child(void)
{
	endpoint_t e;
	message m;
	uint32_t status;
	int result = 0;

	expect_eq(OK, spawn_sys(ping_ktest_forever, 0, &e));
	expect_eq(OK, ktest_receive(e, &m, &status, WAIT_TICKS));
	expect_eq(0, m.word[0]);
	expect_eq(OK, sys_kill(e, SIGUSR1));
	expect_eq(-EINTR, child_wait(e, &result));
	expect_eq(ksig_bit(SIGUSR1), child_signals(e));
	expect_eq(RTS_SIG_PENDING, proc_rts(e) & RTS_SIG_PENDING);
	expect_eq(OK, sys_endksig(e));
	expect_eq(0, proc_rts(e) & (RTS_SIG_PENDING | RTS_SIGNALED));
	reply_ok(e);
	expect_eq(OK, ktest_receive(e, &m, &status, WAIT_TICKS));
	expect_eq(CHILD_REPORT, m.m_type);
	expect_eq(1, m.word[0]); /* it ran on */
}

static void kill_signals_accumulate_until_collected(void)
{
	endpoint_t e;

	expect_eq(OK, spawn_frozen_sys(ping_ktest_forever, &e));
	expect_eq(OK, sys_kill(e, SIGUSR1));
	expect_eq(OK, sys_kill(e, SIGUSR2));
	expect_eq(OK, sys_kill(e, SIGUSR1));
	expect_getksig(e, ksig_bit(SIGUSR1) | ksig_bit(SIGUSR2));
	expect_getksig(NONE, 0);
	expect_eq(RTS_SIG_PENDING,
		  proc_rts(e) & (RTS_SIG_PENDING | RTS_SIGNALED));
	expect_eq(OK, sys_endksig(e));
	expect_eq(0, proc_rts(e) & RTS_SIG_PENDING);
}

static void endksig_keeps_child_stopped_when_new_signal_arrived(void)
{
	endpoint_t e;

	expect_eq(OK, spawn_frozen_sys(ping_ktest_forever, &e));
	expect_eq(OK, sys_kill(e, SIGUSR1));
	expect_getksig(e, ksig_bit(SIGUSR1));
	expect_eq(OK, sys_kill(e, SIGUSR2)); /* while being handled */
	expect_eq(OK, sys_endksig(e));
	expect_eq(RTS_SIG_PENDING | RTS_SIGNALED,
		  proc_rts(e) & (RTS_SIG_PENDING | RTS_SIGNALED));
	expect_getksig(e, ksig_bit(SIGUSR2));
	expect_eq(OK, sys_endksig(e));
	expect_eq(0, proc_rts(e) & (RTS_SIG_PENDING | RTS_SIGNALED));
}

static void kill_with_invalid_signal_number_returns_einval(void)
{
	endpoint_t e;

	expect_eq(OK, spawn_frozen_sys(ping_ktest_forever, &e));
	expect_eq(-EINVAL, sys_kill(e, 0));
	expect_eq(-EINVAL, sys_kill(e, KSIG_LAST + 1));
	expect_eq(-EINVAL, sys_kill(e, -1));
	expect_eq(0, proc_rts(e) & (RTS_SIG_PENDING | RTS_SIGNALED));
	expect_getksig(NONE, 0);
}

static void kill_of_kernel_task_returns_eperm(void)
{
	expect_eq(-EPERM, sys_kill(CLOCK, SIGUSR1));
	expect_eq(-EPERM, sys_kill(SYSTEM, SIGKILL));
	expect_eq(-EPERM, sys_kill(IDLE, SIGTERM));
}

static void kill_of_dead_endpoint_returns_edeadsrcdst(void)
{
	endpoint_t e;

	expect_eq(OK, spawn_frozen_sys(ping_ktest_forever, &e));
	child_kill(e);
	expect_eq(-EDEADSRCDST, sys_kill(e, SIGUSR1));
	expect_eq(-EBADEPT, sys_kill(NONE, SIGUSR1));
}

static void kill_of_self_managed_process_arrives_as_notification(void)
{
	message m;

	expect_eq(OK, sys_kill(SELF, SIGUSR2));
	expect_eq(OK, receive_system_notify(&m));
	expect_true(ksig_ismember(m.notify.sigs, SIGUSR2));
	expect_true(ksig_ismember(m.notify.sigs, SIGKSIGSM));
	expect_eq(0, proc_rts(ktest_ep)); /* not stopped */
}

static void kill_from_user_process_is_denied(void)
{
	endpoint_t e;
	int result = 0;

	expect_eq(OK, spawn_user(kill_ktest, SIGUSR1, &e));
	expect_eq(OK, child_wait(e, &result));
	expect_eq(-ECALLDENIED, result);
}

static void endksig_by_non_manager_returns_eperm(void)
{
	endpoint_t target, other;
	int result = 0;

	expect_eq(OK, spawn_frozen_sys(ping_ktest_forever, &target));
	expect_eq(OK, sys_kill(target, SIGUSR1));
	expect_getksig(target, ksig_bit(SIGUSR1));
	expect_eq(OK, spawn_sys(try_endksig, (uint32_t)target, &other));
	expect_eq(OK, child_wait(other, &result));
	expect_eq(-EPERM, result);
	expect_eq(RTS_SIG_PENDING, proc_rts(target) & RTS_SIG_PENDING);
	expect_eq(OK, sys_endksig(target)); /* the manager may */
	expect_eq(0, proc_rts(target) & RTS_SIG_PENDING);
}

static void endksig_without_pending_signal_returns_einval(void)
{
	endpoint_t e;

	expect_eq(OK, spawn_frozen_sys(ping_ktest_forever, &e));
	expect_eq(-EINVAL, sys_endksig(e));
	expect_eq(OK, sys_kill(e, SIGUSR1));
	expect_getksig(e, ksig_bit(SIGUSR1));
	expect_eq(OK, sys_endksig(e));
	expect_eq(-EINVAL, sys_endksig(e)); /* already released */
}

static void sys_exit_of_system_child_raises_sigabrt(void)
{
	endpoint_t e;
	int sig = 0;

	expect_eq(OK, spawn_sys(exit_with_sys_exit, 0, &e));
	expect_eq(OK, child_wait_signal(e, &sig));
	expect_eq(SIGABRT, sig);
	expect_eq(ksig_bit(SIGABRT), child_signals(e));
	expect_eq(RTS_SIG_PENDING, proc_rts(e) & RTS_SIG_PENDING);
}

static void fault_is_reported_to_manager_named_in_privileges(void)
{
	struct priv_spec s = default_sys_spec();
	struct spawn_opts o = { .kind = SPAWN_SYS, .spec = &s, .slot = -1 };
	endpoint_t mgr, faulter;
	message m;
	uint32_t status;

	expect_eq(OK, spawn_sys(manage_signals_for_ktest, 0, &mgr));
	s.sig_mgr = mgr;
	expect_eq(OK, spawn(divide_by_zero, 0, &o, &faulter));
	expect_eq(OK, ktest_receive(mgr, &m, &status, WAIT_TICKS));
	expect_eq(CHILD_REPORT, m.m_type);
	expect_eq(faulter, (endpoint_t)m.word[0]);
	expect_eq(ksig_bit(SIGFPE), m.word[1] | ((ksigset_t)m.word[2] << 32));
	expect_eq(ksig_bit(SIGKSIG) >> 32, m.word[3]); /* notified SIGKSIG */
	expect_eq(0, child_signals(faulter));	       /* ktest heard nothing */
	expect_eq(RTS_SIG_PENDING, proc_rts(faulter) & RTS_SIG_PENDING);
	expect_kernel_alive();
}

static void kernel_survives_twenty_faulting_children_without_leaks(void)
{
	static const child_fn faulters[] = { divide_by_zero, dereference_null,
					     execute_hlt, execute_ud2 };
	static const int sigs[] = { SIGFPE, SIGSEGV, SIGILL, SIGILL };
	unsigned pages = pages_outstanding();
	uint32_t kpages = kernel_pages_free();

	for (int i = 0; i < FAULTING_RUNS; i++) {
		endpoint_t e;
		int sig = 0, k = i % 4;
		expect_eq(OK, spawn_user(faulters[k], 0, &e));
		expect_eq(OK, child_wait_signal(e, &sig));
		expect_eq(sigs[k], sig);
		child_kill(e);
	}
	expect_eq(pages, pages_outstanding());
	expect_eq(kpages, kernel_pages_free());
	expect_kernel_alive();
}

/* A self-managed process with a backup: a lethal signal promotes the backup. */
static void lethal_signal_to_self_manager_goes_to_its_backup(void)
{
	struct priv_spec spec = default_sys_spec();
	struct spawn_opts o = { .kind = SPAWN_SYS, .spec = &spec, .slot = -1 };
	struct priv_spec now;
	endpoint_t e;
	int sig = 0;

	spec.sig_mgr = SELF;
	spec.bak_sig_mgr = ktest_ep;
	expect_eq(OK, spawn(divide_by_zero, 0, &o, &e));
	expect_eq(OK, child_wait_signal(e, &sig));
	expect_eq(SIGFPE, sig);
	expect_eq(OK, sys_getinfo(GET_PRIV, &now, sizeof(now), e));
	expect_eq(ktest_ep, now.sig_mgr);
	expect_eq(NONE, now.bak_sig_mgr);
	expect_kernel_alive();
}

static int clear_myself(uint32_t unused)
{
	(void)unused;
	return sys_clear(SELF); /* never returns: the caller is gone */
}

static void clear_of_the_caller_itself_removes_it(void)
{
	endpoint_t e;

	expect_eq(OK, spawn_sys(clear_myself, 0, &e));
	for (int i = 0; i < 50 && proc_rts(e) != RTS_SLOT_FREE; i++)
		expect_kernel_alive();
	expect_eq(RTS_SLOT_FREE, proc_rts(e));
	expect_kernel_alive();
}

const struct test_case signal_tests[] = {
	{ "user_divide_by_zero_raises_sigfpe_and_stays_frozen",
	  user_divide_by_zero_raises_sigfpe_and_stays_frozen },
	{ "user_touching_unmapped_memory_raises_sigsegv_through_vm",
	  user_touching_unmapped_memory_raises_sigsegv_through_vm },
	{ "user_null_dereference_raises_sigsegv",
	  user_null_dereference_raises_sigsegv },
	{ "user_hlt_raises_sigill", user_hlt_raises_sigill },
	{ "user_cli_raises_sigill", user_cli_raises_sigill },
	{ "user_outb_raises_sigill", user_outb_raises_sigill },
	{ "user_ud2_raises_sigill", user_ud2_raises_sigill },
	{ "user_int3_raises_sigtrap", user_int3_raises_sigtrap },
	{ "user_into_after_overflow_raises_sigfpe",
	  user_into_after_overflow_raises_sigfpe },
	{ "system_divide_by_zero_raises_sigfpe",
	  system_divide_by_zero_raises_sigfpe },
	{ "system_hlt_raises_sigill", system_hlt_raises_sigill },
	{ "kill_sigusr1_reaches_manager_and_endksig_resumes_child",
	  kill_sigusr1_reaches_manager_and_endksig_resumes_child },
	{ "kill_signals_accumulate_until_collected",
	  kill_signals_accumulate_until_collected },
	{ "endksig_keeps_child_stopped_when_new_signal_arrived",
	  endksig_keeps_child_stopped_when_new_signal_arrived },
	{ "kill_with_invalid_signal_number_returns_einval",
	  kill_with_invalid_signal_number_returns_einval },
	{ "kill_of_kernel_task_returns_eperm",
	  kill_of_kernel_task_returns_eperm },
	{ "kill_of_dead_endpoint_returns_edeadsrcdst",
	  kill_of_dead_endpoint_returns_edeadsrcdst },
	{ "kill_of_self_managed_process_arrives_as_notification",
	  kill_of_self_managed_process_arrives_as_notification },
	{ "kill_from_user_process_is_denied",
	  kill_from_user_process_is_denied },
	{ "endksig_by_non_manager_returns_eperm",
	  endksig_by_non_manager_returns_eperm },
	{ "endksig_without_pending_signal_returns_einval",
	  endksig_without_pending_signal_returns_einval },
	{ "sys_exit_of_system_child_raises_sigabrt",
	  sys_exit_of_system_child_raises_sigabrt },
	{ "fault_is_reported_to_manager_named_in_privileges",
	  fault_is_reported_to_manager_named_in_privileges },
	{ "kernel_survives_twenty_faulting_children_without_leaks",
	  kernel_survives_twenty_faulting_children_without_leaks },
	{ "lethal_signal_to_self_manager_goes_to_its_backup",
	  lethal_signal_to_self_manager_goes_to_its_backup },
	{ "clear_of_the_caller_itself_removes_it",
	  clear_of_the_caller_itself_removes_it },
	{ NULL, NULL },
};
