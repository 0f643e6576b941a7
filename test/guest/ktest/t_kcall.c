// SPDX-License-Identifier: BSD-2-Clause
/*
 * Kernel-call tests: the dispatcher (unknown numbers, bad message
 * pointers, the per-process call mask), then every call's success path
 * and error paths.  Live update, signals, safecopy and vmctl have their
 * own files.
 *
 * Children cannot print, so a child that has several results leaves them
 * in its own copy of child_values[] and ktest reads that copy with
 * vircopy once the child has reported (run_child).  Processes made with a
 * bare sys_fork never run; each test clears what it created, because the
 * leak check at the end of the suite counts page directories.
 */
#include "ktest.h"

#define KECHO	      ((endpoint_t)1)
#define BAD_ENDPOINT  ENDPOINT(0, 5000)
#define UNMAPPED_ADDR 0xdead0000u
#define KERNEL_ADDR   0x00100000u

static const struct {
	int32_t nr;
	const char *name;
} kernel_calls[] = {
#define KCALL_ENTRY(name, off, fn) { SYS_##name, "sys_" #fn },
	KCALL_LIST(KCALL_ENTRY)
#undef KCALL_ENTRY
};
#define NR_KERNEL_CALLS ((int)(sizeof(kernel_calls) / sizeof(kernel_calls[0])))
_Static_assert(NR_KERNEL_CALLS <= MAX_VALUES, "one value per kernel call");

/* ---- helpers ---- */

/* The kernel-call trap with eax = addr, which need not be a valid message. */
static int kernel_call_at(vir_bytes addr)
{
	uint32_t r;

	__asm__ volatile("int $0x20" : "=a"(r) : "a"(addr) : "memory");
	return (int)r;
}

static int call_with_type(int32_t type, message *m)
{
	memset(m, 0, sizeof(*m));
	m->m_type = type;
	return kernel_call(m);
}

static struct proc_info proc_info_of(endpoint_t e)
{
	struct proc_info pi;

	memset(&pi, 0, sizeof(pi));
	expect_eq(OK, sys_getinfo(GET_PROC, &pi, sizeof(pi), e));
	return pi;
}

static bool same_name(const char *expected, const char *got)
{
	return strncmp(expected, got, PROC_NAME_LEN) == 0;
}

static bool proc_named(endpoint_t e, const char *name)
{
	return same_name(name, proc_info_of(e).name);
}

/* ---- child bodies ---- */

static int call_every_kernel_call(uint32_t unused)
{
	int not_denied = 0;
	message m;

	(void)unused;
	for (int i = 0; i < NR_KERNEL_CALLS; i++) {
		/* All-ones arguments fail harmlessly should a call get through. */
		memset(&m, 0xff, sizeof(m));
		m.m_type = kernel_calls[i].nr;
		child_values[i] = kernel_call(&m);
		if (child_values[i] != -ECALLDENIED)
			not_denied++;
	}
	return not_denied;
}

static int try_times_getinfo_and_sysctl(uint32_t unused)
{
	struct sys_times_msg t;
	struct whoami w;

	(void)unused;
	child_values[0] = sys_times(NONE, &t);
	child_values[1] = sys_getinfo(GET_WHOAMI, &w, sizeof(w), SELF);
	child_values[2] = sys_sysctl(SYSCTL_NOP, NULL, 0, NONE);
	return OK;
}

static int yield_to(uint32_t target)
{
	return sys_privctl((endpoint_t)target, SYS_PRIV_YIELD, 0);
}

/* ---- dispatch ---- */

static void kcall_unknown_call_number_returns_ebadrequest(void)
{
	const int32_t bad[] = { 0,
				KERNEL_CALL - 1,
				KERNEL_CALL + 3,
				KERNEL_CALL + 200,
				KERNEL_CALL + NR_SYS_CALLS,
				INT32_MIN,
				INT32_MAX };
	message m;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		expect_eq(-EBADREQUEST, call_with_type(bad[i], &m));
		expect_eq(-EBADREQUEST, m.m_type);
		expect_eq(SYSTEM, m.m_source);
	}
}

static void kcall_reply_carries_status_and_system_source(void)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = SYS_SYSCTL;
	m.m_source = KECHO; /* never trusted */
	m.sys_sysctl.request = SYSCTL_NOP;
	expect_eq(OK, kernel_call(&m));
	expect_eq(OK, m.m_type);
	expect_eq(SYSTEM, m.m_source);
	m.m_type = SYS_SYSCTL;
	m.sys_sysctl.request = 0;
	expect_eq(-EINVAL, kernel_call(&m));
	expect_eq(-EINVAL, m.m_type);
}

static void kcall_message_in_kernel_or_unmapped_memory_returns_efault(void)
{
	expect_eq(-EFAULT, kernel_call_at(UNMAPPED_ADDR));
	expect_eq(-EFAULT, kernel_call_at(KERNEL_ADDR));
	expect_eq(-EFAULT, kernel_call_at(0));
	expect_eq(-EFAULT, kernel_call_at(0xffffffe0u));
	/* The last 32 bytes of the stack: the message runs off its end. */
	expect_eq(-EFAULT, kernel_call_at(USER_STACK_TOP - 32));
}

static void kcall_user_process_is_denied_every_kernel_call(void)
{
	struct spawn_opts o = { .kind = SPAWN_USER, .slot = -1 };
	struct child_run run;

	run_child(call_every_kernel_call, 0, &o, &run);
	for (int i = 0; i < NR_KERNEL_CALLS; i++)
		if (run.values[i] != -ECALLDENIED)
			test_fail(__LINE__, kernel_calls[i].name, -ECALLDENIED,
				  run.values[i]);
	expect_eq(0, run.result); /* calls not denied */
}

static void kcall_call_mask_without_sys_times_denies_only_times(void)
{
	struct priv_spec s = default_sys_spec();
	struct spawn_opts o = sys_opts(&s, false);
	struct child_run run;

	priv_mask_clear(s.k_call_mask, SYS_TIMES - KERNEL_CALL);
	run_child(try_times_getinfo_and_sysctl, 0, &o, &run);
	expect_eq(-ECALLDENIED, run.values[0]);
	expect_eq(OK, run.values[1]);
	expect_eq(OK, run.values[2]);
	struct priv_spec got = priv_of(run.ep);
	expect_eq(0, priv_mask_test(got.k_call_mask, SYS_TIMES - KERNEL_CALL));
	expect_eq(1,
		  priv_mask_test(got.k_call_mask, SYS_GETINFO - KERNEL_CALL));
}

/* ---- getinfo ---- */

static void kcall_getinfo_kinfo_reports_configuration(void)
{
	struct kinfo ki;

	memset(&ki, 0, sizeof(ki));
	expect_eq(OK, sys_getinfo(GET_KINFO, &ki, sizeof(ki), NONE));
	expect_eq(NR_PROCS, ki.nr_procs);
	expect_eq(NR_TASKS, ki.nr_tasks);
	expect_eq(HZ, ki.hz);
	/* ktest, kecho, ds, hello, ata, memory, ext2 */
	expect_eq(7, ki.nr_boot_procs);
	expect_true(ki.mem_total > 0);
	expect_true(ki.free_mem[0].size > 0);
}

static void kcall_getinfo_image_lists_boot_modules_in_order(void)
{
	struct boot_image_entry img[BOOT_IMAGE_MAX];

	memset(img, 0, sizeof(img));
	expect_eq(OK, sys_getinfo(GET_IMAGE, img, sizeof(img), NONE));
	expect_true(same_name("ktest", img[0].name));
	expect_eq(0, img[0].proc_nr);
	expect_eq(ktest_ep, img[0].endpoint);
	expect_true(img[0].flags & BOOT_ROOT);
	expect_true(same_name("kecho", img[1].name));
	expect_eq(1, img[1].proc_nr);
	expect_eq(KECHO, img[1].endpoint);
	expect_true(same_name("ds", img[2].name));
	expect_eq(0, img[2].flags);
	expect_true(same_name("hello", img[3].name));
	expect_true(same_name("ata", img[4].name));
	expect_true(same_name("memory", img[5].name));
	expect_eq(-EINVAL, sys_getinfo(GET_IMAGE, img, sizeof(img[0]), NONE));
}

static void kcall_getinfo_whoami_identifies_ktest_as_root(void)
{
	struct whoami w;

	memset(&w, 0, sizeof(w));
	expect_eq(OK, sys_getinfo(GET_WHOAMI, &w, sizeof(w), NONE));
	expect_eq(ktest_ep, w.endpoint);
	expect_true(same_name("ktest", w.name));
	expect_true(w.priv_flags & ROOT_SYS_PROC);
	expect_true(w.priv_flags & SYS_PROC);
}

static void kcall_getinfo_proctab_has_tasks_ktest_and_kecho(void)
{
	static struct proc_info tab[NR_TASKS + NR_PROCS];

	memset(tab, 0, sizeof(tab));
	expect_eq(OK, sys_getinfo(GET_PROCTAB, tab, sizeof(tab), NONE));
	expect_eq(CLOCK, tab[NR_TASKS + CLOCK].nr);
	expect_true(same_name("ktest", tab[NR_TASKS + 0].name));
	expect_eq(ktest_ep, tab[NR_TASKS + 0].endpoint);
	expect_true(same_name("kecho", tab[NR_TASKS + KECHO].name));
	expect_eq(KECHO, tab[NR_TASKS + KECHO].endpoint);
	expect_eq(FIRST_BOOT_PRIV_ID + 1, tab[NR_TASKS + KECHO].priv_id);
	expect_true(tab[NR_TASKS + NR_PROCS - 1].rts_flags & RTS_SLOT_FREE);
	expect_eq(-EINVAL,
		  sys_getinfo(GET_PROCTAB, tab, sizeof(tab) - 1, NONE));
}

static void kcall_getinfo_priv_of_ktest_names_itself_signal_manager(void)
{
	struct priv_spec s = priv_of(ktest_ep);
	struct priv_info tab[NR_SYS_PROCS];

	expect_eq(SELF, s.sig_mgr);
	expect_eq(FIRST_BOOT_PRIV_ID, s.id);
	expect_true(s.flags & ROOT_SYS_PROC);
	expect_true(s.flags & VM_SYS_PROC);
	expect_eq(0, s.nr_io);
	memset(tab, 0, sizeof(tab));
	expect_eq(OK, sys_getinfo(GET_PRIVTAB, tab, sizeof(tab), NONE));
	expect_eq(0, tab[FIRST_BOOT_PRIV_ID].proc_nr);
	expect_eq(SELF, tab[FIRST_BOOT_PRIV_ID].sig_mgr);
}

static void kcall_getinfo_bad_buffer_endpoint_or_request_is_rejected(void)
{
	struct kinfo ki;
	struct proc_info pi;

	expect_eq(-EINVAL, sys_getinfo(GET_KINFO, &ki, sizeof(ki) - 1, NONE));
	expect_eq(-EINVAL, sys_getinfo(GET_PROC, &pi, sizeof(pi) - 1, SELF));
	expect_eq(-EFAULT, sys_getinfo(GET_KINFO, (void *)UNMAPPED_ADDR,
				       sizeof(ki), NONE));
	expect_eq(-EFAULT, sys_getinfo(GET_WHOAMI, (void *)KERNEL_ADDR,
				       sizeof(struct whoami), NONE));
	/* Code is mapped read-only. */
	expect_eq(-EFAULT, sys_getinfo(GET_KINFO, (void *)&return_arg,
				       sizeof(ki), NONE));
	expect_eq(-EBADEPT,
		  sys_getinfo(GET_PROC, &pi, sizeof(pi), BAD_ENDPOINT));
	expect_eq(-EINVAL, sys_getinfo(0, &ki, sizeof(ki), NONE));
	expect_eq(-EINVAL, sys_getinfo(99, &ki, sizeof(ki), NONE));
}

/* ---- fork, exec, clear ---- */

static void kcall_fork_creates_frozen_copy_with_new_endpoint(void)
{
	endpoint_t c = NONE;

	expect_eq(OK, sys_fork(SELF, 41, &c));
	expect_ne(ktest_ep, c);
	expect_eq(41, ENDPOINT_P(c));
	struct proc_info pi = proc_info_of(c);
	expect_eq(RTS_NO_PRIV, pi.rts_flags);
	expect_eq(c, pi.endpoint);
	expect_eq(41, pi.nr);
	expect_eq(USER_PRIV_ID, pi.priv_id);
	expect_true(same_name("ktest", pi.name)); /* inherited */
	expect_eq(OK, sys_clear(c));
	expect_eq(RTS_SLOT_FREE, proc_rts(c));
}

static void kcall_fork_into_occupied_slot_returns_ebusy(void)
{
	endpoint_t c = NONE;
	message m = { .m_type = ECHO_REQ };

	expect_eq(-EBUSY, sys_fork(SELF, 1, &c));
	expect_eq(-EBUSY, sys_fork(SELF, 0, &c));
	expect_eq(-EINVAL, sys_fork(SELF, NR_PROCS, &c));
	expect_eq(-EINVAL, sys_fork(SELF, -2, &c));
	expect_eq(NONE, c);
	m.word[0] = 5; /* kecho is untouched */
	expect_eq(OK, ipc_sendrec(KECHO, &m));
	expect_eq(6, m.word[0]);
}

static void kcall_fork_of_bad_parent_fails(void)
{
	endpoint_t dead = NONE, c = NONE;

	expect_eq(-EBADEPT, sys_fork(BAD_ENDPOINT, -1, &c));
	expect_eq(-EBADEPT, sys_fork(ANY, -1, &c));
	expect_eq(-EPERM, sys_fork(CLOCK, -1, &c));
	expect_eq(OK, sys_fork(SELF, -1, &dead));
	expect_eq(OK, sys_clear(dead));
	expect_eq(-EDEADSRCDST, sys_fork(dead, -1, &c));
	expect_eq(NONE, c);
}

static void kcall_exec_with_ip_or_sp_below_user_base_returns_einval(void)
{
	endpoint_t c = NONE;

	expect_eq(OK, sys_fork(SELF, -1, &c));
	expect_eq(-EINVAL, sys_exec(c, 0x1000, USER_STACK_TOP, "low"));
	expect_eq(-EINVAL, sys_exec(c, USER_BASE - 1, USER_STACK_TOP, "low"));
	expect_eq(-EINVAL, sys_exec(c, USER_BASE, USER_BASE - 4, "low"));
	expect_true(proc_named(c, "ktest"));
	expect_eq(-EPERM, sys_exec(CLOCK, USER_BASE, USER_STACK_TOP, "t"));
	expect_eq(-EBADEPT,
		  sys_exec(BAD_ENDPOINT, USER_BASE, USER_STACK_TOP, "t"));
	expect_eq(OK, sys_clear(c));
	expect_eq(-EDEADSRCDST, sys_exec(c, USER_BASE, USER_STACK_TOP, "t"));
}

static void kcall_exec_sets_name_visible_in_getinfo(void)
{
	struct spawn_opts o = sys_opts(NULL, true);
	endpoint_t e = NONE, c = NONE;

	expect_eq(OK, spawn(return_arg, 0, &o, &e));
	expect_true(proc_named(e, "kchild"));
	expect_eq(OK, sys_fork(SELF, -1, &c));
	expect_eq(OK, sys_exec(c, USER_BASE, USER_STACK_TOP, "fresh"));
	expect_true(proc_named(c, "fresh"));
	expect_eq(OK, sys_exec(c, USER_BASE, USER_STACK_TOP,
			       "abcdefghijklmnopqrstuvwxyz"));
	expect_true(proc_named(c, "abcdefghijklmno"));
	expect_eq(RTS_NO_PRIV, proc_rts(c)); /* exec does not start it */
	expect_eq(OK, sys_clear(c));
}

static void
kcall_clear_of_freed_endpoint_is_ok_and_of_task_or_invalid_fails(void)
{
	endpoint_t first = NONE, second = NONE;

	expect_eq(OK, sys_fork(SELF, 42, &first));
	expect_eq(OK, sys_clear(first));
	expect_eq(RTS_SLOT_FREE, proc_rts(first));
	expect_eq(OK, sys_clear(first)); /* already free */
	expect_eq(OK, sys_fork(SELF, 42, &second));
	expect_eq(ENDPOINT_G(first) + 1, ENDPOINT_G(second));
	expect_eq(-EDEADSRCDST, sys_clear(first)); /* slot taken again */
	expect_eq(RTS_NO_PRIV, proc_rts(second));
	expect_eq(OK, sys_clear(second));
	expect_eq(-EPERM, sys_clear(CLOCK));
	expect_eq(-EPERM, sys_clear(SYSTEM));
	expect_eq(-EBADEPT, sys_clear(BAD_ENDPOINT));
	expect_eq(-EBADEPT, sys_clear(ANY));
}

/* ---- privctl ---- */

static void kcall_privctl_on_running_process_returns_eperm(void)
{
	struct priv_spec s = default_sys_spec();
	endpoint_t e = NONE;

	expect_eq(OK, spawn_sys(receive_one_and_report_word, 0, &e));
	expect_eq(OK, wait_until_blocked(e, RTS_RECEIVING));
	expect_eq(-EPERM, sys_privctl(e, SYS_PRIV_ALLOW, 0));
	expect_eq(-EPERM, sys_privctl(e, SYS_PRIV_SET_SYS, (vir_bytes)&s));
	expect_eq(-EPERM, sys_privctl(e, SYS_PRIV_SET_USER, 0));
	expect_eq(RTS_RECEIVING, proc_rts(e));
}

static void expect_spec_rejected(endpoint_t e, const struct priv_spec *s)
{
	expect_eq(-EINVAL, sys_privctl(e, SYS_PRIV_SET_SYS, (vir_bytes)s));
	expect_eq(-EINVAL, sys_privctl(e, SYS_PRIV_UPDATE_SYS, (vir_bytes)s));
}

static void kcall_privctl_bad_spec_is_rejected_and_target_stays_frozen(void)
{
	struct spawn_opts o = sys_opts(NULL, true);
	struct priv_spec s;
	endpoint_t e = NONE;

	expect_eq(OK, spawn(return_arg, 0, &o, &e));
	s = default_sys_spec();
	s.nr_irq = 99;
	expect_spec_rejected(e, &s);
	s = default_sys_spec();
	s.trap_mask |= 1u << 30;
	expect_spec_rejected(e, &s);
	s = default_sys_spec();
	s.nr_irq = 1;
	s.irq[0] = NR_IRQ_VECTORS;
	expect_spec_rejected(e, &s);
	s = default_sys_spec();
	s.nr_io = 1;
	s.io[0] = (struct io_range){ 0x71, 0x70 };
	expect_spec_rejected(e, &s);
	expect_eq(-EFAULT, sys_privctl(e, SYS_PRIV_SET_SYS, UNMAPPED_ADDR));
	expect_eq(-EFAULT, sys_privctl(e, SYS_PRIV_SET_SYS, KERNEL_ADDR));
	expect_eq(RTS_NO_PRIV, proc_rts(e));
	struct priv_spec got = priv_of(e);
	expect_eq(0, got.nr_irq);
	expect_eq(0, got.nr_io);
	expect_eq(TRAP_MASK_ALL, got.trap_mask);
}

static void kcall_privctl_disallow_freezes_and_allow_resumes(void)
{
	struct spawn_opts o = sys_opts(NULL, false);
	message m = { .m_type = ECHO_REQ };
	endpoint_t e = NONE;
	int result = 0;

	expect_eq(OK, spawn(receive_one_and_report_word, 0, &o, &e));
	expect_eq(OK, wait_until_blocked(e, RTS_RECEIVING));
	expect_eq(OK, sys_privctl(e, SYS_PRIV_DISALLOW, 0));
	expect_eq(RTS_RECEIVING | RTS_NO_PRIV, proc_rts(e));
	expect_eq(-EPERM, sys_privctl(e, SYS_PRIV_DISALLOW, 0));
	m.word[0] = 31;
	expect_eq(OK, ipc_sendnb(e, &m));
	expect_eq(RTS_NO_PRIV, proc_rts(e)); /* has the message, cannot run */
	expect_eq(OK, sys_privctl(e, SYS_PRIV_ALLOW, 0));
	expect_eq(OK, child_wait(e, &result));
	expect_eq(31, result);
}

static void kcall_privctl_yield_freezes_caller_and_runs_target(void)
{
	struct spawn_opts o = sys_opts(NULL, true);
	endpoint_t target = NONE, yielder = NONE;
	int result = 0;

	expect_eq(OK, spawn(return_arg, 77, &o, &target));
	expect_eq(OK, spawn_sys(yield_to, (uint32_t)target, &yielder));
	expect_eq(OK, child_wait(target, &result));
	expect_eq(77, result);
	expect_eq(RTS_NO_PRIV, proc_rts(yielder));
	expect_eq(OK, sys_privctl(yielder, SYS_PRIV_ALLOW, 0));
	result = UNSET;
	expect_eq(OK, child_wait(yielder, &result));
	expect_eq(OK, result); /* the yield itself succeeded */
	expect_eq(-EINVAL, sys_privctl(SELF, SYS_PRIV_YIELD, 0));
}

static void kcall_privctl_unknown_request_or_task_target_is_refused(void)
{
	struct spawn_opts o = sys_opts(NULL, true);
	endpoint_t e = NONE;

	expect_eq(OK, spawn(return_arg, 0, &o, &e));
	expect_eq(-EINVAL, sys_privctl(e, 0, 0));
	expect_eq(-EINVAL, sys_privctl(e, 99, 0));
	expect_eq(-EPERM, sys_privctl(CLOCK, SYS_PRIV_ALLOW, 0));
	expect_eq(-EPERM, sys_privctl(SYSTEM, SYS_PRIV_DISALLOW, 0));
	expect_eq(-EBADEPT, sys_privctl(BAD_ENDPOINT, SYS_PRIV_ALLOW, 0));
	expect_eq(RTS_NO_PRIV, proc_rts(e));
}

const struct test_case kcall_tests[] = {
	{ "kcall_unknown_call_number_returns_ebadrequest",
	  kcall_unknown_call_number_returns_ebadrequest },
	{ "kcall_reply_carries_status_and_system_source",
	  kcall_reply_carries_status_and_system_source },
	{ "kcall_message_in_kernel_or_unmapped_memory_returns_efault",
	  kcall_message_in_kernel_or_unmapped_memory_returns_efault },
	{ "kcall_user_process_is_denied_every_kernel_call",
	  kcall_user_process_is_denied_every_kernel_call },
	{ "kcall_call_mask_without_sys_times_denies_only_times",
	  kcall_call_mask_without_sys_times_denies_only_times },
	{ "kcall_getinfo_kinfo_reports_configuration",
	  kcall_getinfo_kinfo_reports_configuration },
	{ "kcall_getinfo_image_lists_boot_modules_in_order",
	  kcall_getinfo_image_lists_boot_modules_in_order },
	{ "kcall_getinfo_whoami_identifies_ktest_as_root",
	  kcall_getinfo_whoami_identifies_ktest_as_root },
	{ "kcall_getinfo_proctab_has_tasks_ktest_and_kecho",
	  kcall_getinfo_proctab_has_tasks_ktest_and_kecho },
	{ "kcall_getinfo_priv_of_ktest_names_itself_signal_manager",
	  kcall_getinfo_priv_of_ktest_names_itself_signal_manager },
	{ "kcall_getinfo_bad_buffer_endpoint_or_request_is_rejected",
	  kcall_getinfo_bad_buffer_endpoint_or_request_is_rejected },
	{ "kcall_fork_creates_frozen_copy_with_new_endpoint",
	  kcall_fork_creates_frozen_copy_with_new_endpoint },
	{ "kcall_fork_into_occupied_slot_returns_ebusy",
	  kcall_fork_into_occupied_slot_returns_ebusy },
	{ "kcall_fork_of_bad_parent_fails", kcall_fork_of_bad_parent_fails },
	{ "kcall_exec_with_ip_or_sp_below_user_base_returns_einval",
	  kcall_exec_with_ip_or_sp_below_user_base_returns_einval },
	{ "kcall_exec_sets_name_visible_in_getinfo",
	  kcall_exec_sets_name_visible_in_getinfo },
	{ "kcall_clear_of_freed_endpoint_is_ok_and_of_task_or_invalid_fails",
	  kcall_clear_of_freed_endpoint_is_ok_and_of_task_or_invalid_fails },
	{ "kcall_privctl_on_running_process_returns_eperm",
	  kcall_privctl_on_running_process_returns_eperm },
	{ "kcall_privctl_bad_spec_is_rejected_and_target_stays_frozen",
	  kcall_privctl_bad_spec_is_rejected_and_target_stays_frozen },
	{ "kcall_privctl_disallow_freezes_and_allow_resumes",
	  kcall_privctl_disallow_freezes_and_allow_resumes },
	{ "kcall_privctl_yield_freezes_caller_and_runs_target",
	  kcall_privctl_yield_freezes_caller_and_runs_target },
	{ "kcall_privctl_unknown_request_or_task_target_is_refused",
	  kcall_privctl_unknown_request_or_task_target_is_refused },
	{ NULL, NULL },
};
