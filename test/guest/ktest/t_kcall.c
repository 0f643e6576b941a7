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
#define MAX_VALUES    32
#define UNSET	      0x7f7f7f7f /* a value no call returns */

/* CMOS/RTC ports and registers. */
#define CMOS_INDEX    0x70
#define CMOS_DATA     0x71
#define RTC_SECONDS   0x00
#define RTC_REG_A     0x0a /* low nibble: periodic rate */
#define RTC_REG_B     0x0b /* bit 6: periodic interrupt enable */
#define RTC_REG_C     0x0c /* reading acknowledges the interrupt */
#define RTC_PIE	      0x40
#define RTC_RATE_64HZ 0x0a
#define RTC_IRQ	      8
#define RTC_HOOK_BIT  3

static int32_t child_values[MAX_VALUES]; /* each child's own copy */

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

struct child_run {
	endpoint_t ep;
	int result;
	int32_t values[MAX_VALUES];
};

/* Run fn in a child until it reports; fetch its result and child_values. */
static void run_child(child_fn fn, uint32_t arg, const struct spawn_opts *o,
		      struct child_run *run)
{
	run->ep = NONE;
	run->result = UNSET;
	for (int i = 0; i < MAX_VALUES; i++)
		run->values[i] = UNSET;
	expect_eq(OK, spawn(fn, arg, o, &run->ep));
	expect_eq(OK, child_wait(run->ep, &run->result));
	expect_eq(OK, sys_vircopy(run->ep, (vir_bytes)child_values, SELF,
				  (vir_bytes)run->values, sizeof(run->values)));
}

static struct spawn_opts sys_opts(const struct priv_spec *spec, bool frozen)
{
	return (struct spawn_opts){
		.kind = SPAWN_SYS, .spec = spec, .frozen = frozen, .slot = -1
	};
}

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

static struct priv_spec priv_of(endpoint_t e)
{
	struct priv_spec s;

	memset(&s, 0, sizeof(s));
	expect_eq(OK, sys_getinfo(GET_PRIV, &s, sizeof(s), e));
	return s;
}

/* A spec with the CMOS ports, and with CHECK_IRQ and the RTC line. */
static struct priv_spec cmos_spec(void)
{
	struct priv_spec s = default_sys_spec();

	s.nr_io = 1;
	s.io[0] = (struct io_range){ CMOS_INDEX, CMOS_DATA };
	s.flags |= CHECK_IRQ;
	s.nr_irq = 1;
	s.irq[0] = RTC_IRQ;
	return s;
}

/* ---- child bodies ---- */

static int return_arg(uint32_t arg)
{
	return (int)arg;
}

static int receive_one_and_report_word(uint32_t unused)
{
	message m;

	(void)unused;
	int r = ipc_receive(ktest_ep, &m, NULL);
	return r != OK ? r : (int)m.word[0];
}

static int sendrec_to(uint32_t target)
{
	message m = { .m_type = ECHO_REQ };

	return ipc_sendrec((endpoint_t)target, &m);
}

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

/* Set an alarm, wait for CLOCK and record what arrived. */
static int alarm_and_wait(uint32_t ticks)
{
	struct sys_times_msg t;
	message m;
	uint32_t status = 0;

	memset(&m, 0, sizeof(m));
	int r = sys_times(NONE, &t);
	if (r == OK)
		r = sys_setalarm(ticks, NULL);
	if (r == OK)
		r = ipc_receive(CLOCK, &m, &status);
	child_values[0] = m.m_source;
	child_values[1] = m.m_type;
	child_values[2] = (int32_t)status;
	child_values[3] = (int32_t)(m.notify.timestamp - t.uptime);
	return r;
}

static int devio_read(uint32_t port)
{
	uint32_t v = 0;

	return sys_devio(DIO_IN | DIO_BYTE, port, &v);
}

static int cmos_read(uint32_t reg, uint32_t *v)
{
	int r = sys_devio(DIO_OUT | DIO_BYTE, CMOS_INDEX, &reg);

	return r != OK ? r : sys_devio(DIO_IN | DIO_BYTE, CMOS_DATA, v);
}

static int cmos_write(uint32_t reg, uint32_t v)
{
	int r = sys_devio(DIO_OUT | DIO_BYTE, CMOS_INDEX, &reg);

	return r != OK ? r : sys_devio(DIO_OUT | DIO_BYTE, CMOS_DATA, &v);
}

static int probe_cmos_ports(uint32_t unused)
{
	uint32_t v = UNSET;

	(void)unused;
	child_values[0] = cmos_read(RTC_SECONDS, &v);
	child_values[1] = (int32_t)v;
	child_values[2] = devio_read(CMOS_DATA + 1);
	child_values[3] = sys_devio(DIO_IN | DIO_WORD, CMOS_DATA, &v);
	child_values[4] = sys_devio(DIO_IN | DIO_LONG, CMOS_INDEX, &v);
	return OK;
}

static int hook_rtc_irq_and_keep_it(uint32_t unused)
{
	int other = 1, hook = RTC_HOOK_BIT;

	(void)unused;
	child_values[0] = sys_irqctl(IRQ_SETPOLICY, RTC_IRQ + 1, 0, &other);
	child_values[1] = sys_irqctl(IRQ_SETPOLICY, RTC_IRQ, 0, &hook);
	child_values[2] = hook;
	return OK;
}

/* Periodic interrupt on (rate) or off (0); reg C is read to re-arm. */
static int rtc_periodic(uint32_t rate, uint32_t *saved_a)
{
	uint32_t a = 0, b = 0, c = 0;
	int r = cmos_read(RTC_REG_A, &a);

	if (r == OK && rate != 0) {
		*saved_a = a;
		r = cmos_write(RTC_REG_A, (a & 0xf0) | rate);
	} else if (r == OK) {
		r = cmos_write(RTC_REG_A, *saved_a);
	}
	if (r == OK)
		r = cmos_read(RTC_REG_B, &b);
	if (r == OK)
		r = cmos_write(RTC_REG_B, rate ? b | RTC_PIE : b & ~RTC_PIE);
	return r != OK ? r : cmos_read(RTC_REG_C, &c);
}

static int take_one_rtc_interrupt(uint32_t unused)
{
	int hook = RTC_HOOK_BIT;
	uint32_t saved_a = 0, status = 0, c = 0;
	message m;

	(void)unused;
	memset(&m, 0, sizeof(m));
	child_values[0] =
		sys_irqctl(IRQ_SETPOLICY, RTC_IRQ, IRQ_REENABLE, &hook);
	child_values[1] = cmos_read(RTC_REG_C, &c);
	child_values[2] = rtc_periodic(RTC_RATE_64HZ, &saved_a);
	if (child_values[0] == OK && child_values[2] == OK)
		child_values[3] = ipc_receive(HARDWARE, &m, &status);
	child_values[4] = m.m_source;
	child_values[5] = (int32_t)m.notify.interrupts;
	child_values[6] = (int32_t)status;
	child_values[7] = rtc_periodic(0, &saved_a);
	child_values[8] = sys_irqctl(IRQ_RMPOLICY, RTC_IRQ, 0, &hook);
	return OK;
}

static int clear_ipc_refs_on_request(uint32_t unused)
{
	message m;

	(void)unused;
	int r = ipc_receive(ktest_ep, &m, NULL);
	return r != OK ? r : sys_statectl(SYS_STATE_CLEAR_IPC_REFS, 0, 0);
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
	expect_eq(2, ki.nr_boot_procs);
	expect_true(ki.mem_total > 0);
	expect_true(ki.free_mem[0].size > 0);
}

static void kcall_getinfo_image_lists_boot_modules_in_order(void)
{
	struct boot_image_entry img[4];

	memset(img, 0, sizeof(img));
	expect_eq(OK, sys_getinfo(GET_IMAGE, img, sizeof(img), NONE));
	expect_true(same_name("ktest", img[0].name));
	expect_eq(0, img[0].proc_nr);
	expect_eq(ktest_ep, img[0].endpoint);
	expect_true(img[0].flags & BOOT_ROOT);
	expect_true(same_name("kecho", img[1].name));
	expect_eq(1, img[1].proc_nr);
	expect_eq(KECHO, img[1].endpoint);
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

static void kcall_privctl_set_sys_applies_spec_to_frozen_process(void)
{
	struct spawn_opts o = sys_opts(NULL, true);
	struct priv_spec s = cmos_spec();
	endpoint_t e = NONE;
	int result = 0;

	expect_eq(OK, spawn(return_arg, 17, &o, &e));
	expect_eq(OK, sys_privctl(e, SYS_PRIV_SET_SYS, (vir_bytes)&s));
	struct priv_spec got = priv_of(e);
	expect_eq(1, got.nr_io);
	expect_eq(CMOS_INDEX, got.io[0].base);
	expect_eq(CMOS_DATA, got.io[0].limit);
	expect_eq(1, got.nr_irq);
	expect_eq(RTC_IRQ, got.irq[0]);
	expect_true(got.flags & CHECK_IRQ);
	expect_eq(ktest_ep, got.sig_mgr);
	expect_eq(OK, sys_privctl(e, SYS_PRIV_ALLOW, 0));
	expect_eq(OK, child_wait(e, &result));
	expect_eq(17, result);
}

static void kcall_privctl_add_io_and_add_irq_extend_and_validate(void)
{
	struct spawn_opts o = sys_opts(NULL, true);
	struct io_range io = { CMOS_INDEX, CMOS_DATA }, bad = { 0x71, 0x70 };
	endpoint_t e = NONE, bare = NONE;

	expect_eq(OK, spawn(return_arg, 0, &o, &e));
	expect_eq(OK, sys_privctl(e, SYS_PRIV_ADD_IO, (vir_bytes)&io));
	expect_eq(-EINVAL, sys_privctl(e, SYS_PRIV_ADD_IO, (vir_bytes)&bad));
	expect_eq(-EFAULT, sys_privctl(e, SYS_PRIV_ADD_IO, UNMAPPED_ADDR));
	expect_eq(OK, sys_privctl(e, SYS_PRIV_ADD_IRQ, RTC_IRQ));
	expect_eq(-EINVAL, sys_privctl(e, SYS_PRIV_ADD_IRQ, NR_IRQ_VECTORS));
	struct priv_spec got = priv_of(e);
	expect_eq(1, got.nr_io);
	expect_eq(CMOS_DATA, got.io[0].limit);
	expect_eq(1, got.nr_irq);
	expect_eq(RTC_IRQ, got.irq[0]);
	for (int i = 1; i < NR_IO_RANGE; i++)
		expect_eq(OK, sys_privctl(e, SYS_PRIV_ADD_IO, (vir_bytes)&io));
	expect_eq(-ENOMEM, sys_privctl(e, SYS_PRIV_ADD_IO, (vir_bytes)&io));
	/* A process with the shared user privileges has nothing to extend. */
	expect_eq(OK, sys_fork(SELF, -1, &bare));
	expect_eq(-EPERM, sys_privctl(bare, SYS_PRIV_ADD_IO, (vir_bytes)&io));
	expect_eq(-EPERM, sys_privctl(bare, SYS_PRIV_ADD_IRQ, RTC_IRQ));
	expect_eq(OK, sys_clear(bare));
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

/* ---- clock: setalarm, times ---- */

static void kcall_setalarm_notifies_from_clock_after_the_ticks(void)
{
	struct spawn_opts o = sys_opts(NULL, false);
	struct child_run run;

	run_child(alarm_and_wait, 3, &o, &run);
	expect_eq(OK, run.result);
	expect_eq(CLOCK, run.values[0]);
	expect_eq(NOTIFY_MESSAGE, run.values[1]);
	expect_eq(NOTIFY | IPC_FLG_MSG_FROM_KERNEL, run.values[2]);
	expect_true(run.values[3] >= 3);
	expect_true(run.values[3] <= 3 + HZ);
}

static void kcall_setalarm_zero_cancels_and_reports_time_left(void)
{
	clock_t64 left = UNSET;

	expect_eq(OK, sys_setalarm(0, &left)); /* start with none */
	expect_eq(OK, sys_setalarm(100, &left));
	expect_eq(0, left);
	left = UNSET;
	expect_eq(OK, sys_setalarm(0, &left));
	expect_true(left > 0 && left <= 100);
	expect_eq(OK, sys_setalarm(0, &left));
	expect_eq(0, left); /* nothing left armed */
}

static void kcall_times_uptime_and_tsc_advance_across_a_sleep(void)
{
	struct sys_times_msg before, after;
	endpoint_t e = NONE;
	int result = UNSET;

	memset(&before, 0, sizeof(before));
	memset(&after, 0, sizeof(after));
	expect_eq(OK, sys_times(NONE, &before));
	expect_eq(OK, spawn_sys(alarm_and_wait, 5, &e)); /* sleeps 5 ticks */
	expect_eq(OK, child_wait(e, &result));
	expect_eq(OK, result);
	expect_eq(OK, sys_times(SELF, &after));
	expect_true(after.uptime >= before.uptime + 5);
	expect_true(after.tsc > before.tsc);
}

static void kcall_times_of_bad_endpoint_fails(void)
{
	struct sys_times_msg t;
	endpoint_t e = NONE;

	expect_eq(OK, sys_times(KECHO, &t));
	expect_eq(-EBADEPT, sys_times(BAD_ENDPOINT, &t));
	expect_eq(-EBADEPT, sys_times(ANY, &t));
	expect_eq(OK, spawn_sys(return_arg, 0, &e));
	child_kill(e);
	expect_eq(-EDEADSRCDST, sys_times(e, &t));
}

/* ---- devio ---- */

static void kcall_devio_without_io_ranges_returns_eperm(void)
{
	endpoint_t e = NONE;
	int result = UNSET;

	expect_eq(OK, spawn_sys(devio_read, CMOS_INDEX, &e));
	expect_eq(OK, child_wait(e, &result));
	expect_eq(-EPERM, result);
	expect_eq(-EPERM, devio_read(CMOS_INDEX)); /* ktest has none either */
}

static void kcall_devio_inside_io_range_works_and_outside_is_denied(void)
{
	struct priv_spec s = cmos_spec();
	struct spawn_opts o = sys_opts(&s, false);
	struct child_run run;

	run_child(probe_cmos_ports, 0, &o, &run);
	expect_eq(OK, run.result);
	expect_eq(OK, run.values[0]);
	expect_true(run.values[1] >= 0 && run.values[1] < 0x60); /* seconds */
	expect_eq(-EPERM, run.values[2]);			 /* port 0x72 */
	expect_eq(-EPERM, run.values[3]); /* word at 0x71 crosses the end */
	expect_eq(-EPERM, run.values[4]); /* long at 0x70 likewise */
}

static void kcall_devio_bad_request_or_port_returns_einval(void)
{
	uint32_t v = 0;

	expect_eq(-EINVAL, sys_devio(0x8, CMOS_INDEX, &v));
	expect_eq(-EINVAL, sys_devio(-1, CMOS_INDEX, &v));
	expect_eq(-EINVAL,
		  sys_devio(DIO_IN | DIO_WORD | DIO_LONG, CMOS_INDEX, &v));
	expect_eq(-EINVAL, sys_devio(DIO_IN, 0x10000, &v));
}

/* ---- irqctl ---- */

static void kcall_irqctl_kernel_owned_or_invalid_irqs_are_refused(void)
{
	int hook = 1;

	expect_eq(-EPERM, sys_irqctl(IRQ_SETPOLICY, 0, 0, &hook));
	expect_eq(-EPERM, sys_irqctl(IRQ_SETPOLICY, 2, 0, &hook));
	expect_eq(-EINVAL, sys_irqctl(IRQ_SETPOLICY, NR_IRQ_VECTORS, 0, &hook));
	expect_eq(-EINVAL, sys_irqctl(IRQ_SETPOLICY, -1, 0, &hook));
	hook = 32; /* notify bit out of range */
	expect_eq(-EINVAL, sys_irqctl(IRQ_SETPOLICY, RTC_IRQ, 0, &hook));
	hook = NR_IRQ_HOOKS;
	expect_eq(-EINVAL, sys_irqctl(IRQ_RMPOLICY, 0, 0, &hook));
	expect_eq(-EINVAL, sys_irqctl(IRQ_ENABLE, 0, 0, &hook));
	expect_eq(-EINVAL, sys_irqctl(0, RTC_IRQ, 0, &hook));
	expect_eq(-EINVAL, sys_irqctl(99, RTC_IRQ, 0, &hook));
}

static void kcall_irqctl_check_irq_limits_lines_and_hooks_stay_private(void)
{
	struct priv_spec s = cmos_spec();
	struct spawn_opts o = sys_opts(&s, false);
	struct child_run run;

	run_child(hook_rtc_irq_and_keep_it, 0, &o, &run);
	expect_eq(-EPERM, run.values[0]); /* IRQ 9 is not in its list */
	expect_eq(OK, run.values[1]);
	int hook = run.values[2];
	expect_true(hook >= 0 && hook < NR_IRQ_HOOKS);
	expect_eq(-EINVAL, sys_irqctl(IRQ_DISABLE, 0, 0, &hook));
	expect_eq(-EINVAL, sys_irqctl(IRQ_RMPOLICY, 0, 0, &hook));
}

static void kcall_irqctl_rtc_interrupt_arrives_as_hardware_notify(void)
{
	struct priv_spec s = cmos_spec();
	struct spawn_opts o = sys_opts(&s, false);
	struct child_run run;

	run_child(take_one_rtc_interrupt, 0, &o, &run);
	expect_eq(OK, run.result);
	expect_eq(OK, run.values[0]); /* hooked */
	expect_eq(OK, run.values[1]);
	expect_eq(OK, run.values[2]); /* periodic interrupt on */
	expect_eq(OK, run.values[3]); /* received */
	expect_eq(HARDWARE, run.values[4]);
	expect_eq(1u << RTC_HOOK_BIT, run.values[5]);
	expect_eq(NOTIFY | IPC_FLG_MSG_FROM_KERNEL, run.values[6]);
	expect_eq(OK, run.values[7]); /* periodic interrupt off */
	expect_eq(OK, run.values[8]); /* unhooked */
}

/* ---- sysctl, statectl, abort ---- */

static void kcall_sysctl_print_stacktrace_and_nop_succeed(void)
{
	static const char line[] =
		"ktest-sysctl: print through the kernel log\n";

	expect_eq(OK, sys_sysctl(SYSCTL_PRINT, line, sizeof(line) - 1, NONE));
	expect_eq(OK, sys_sysctl(SYSCTL_PRINT, line, 0, NONE));
	expect_eq(OK, sys_sysctl(SYSCTL_STACKTRACE, NULL, 0, KECHO));
	expect_eq(OK, sys_sysctl(SYSCTL_NOP, NULL, 0, NONE));
}

static void kcall_sysctl_bad_arguments_are_rejected(void)
{
	static char big[257];

	memset(big, 'x', sizeof(big));
	expect_eq(-EINVAL, sys_sysctl(SYSCTL_PRINT, big, sizeof(big), NONE));
	expect_eq(-EFAULT,
		  sys_sysctl(SYSCTL_PRINT, (void *)UNMAPPED_ADDR, 8, NONE));
	expect_eq(-EFAULT,
		  sys_sysctl(SYSCTL_PRINT, (void *)KERNEL_ADDR, 8, NONE));
	expect_eq(-EINVAL, sys_sysctl(SYSCTL_STACKTRACE, NULL, 0, CLOCK));
	expect_eq(-EBADEPT,
		  sys_sysctl(SYSCTL_STACKTRACE, NULL, 0, BAD_ENDPOINT));
	expect_eq(-EINVAL, sys_sysctl(0, NULL, 0, NONE));
	expect_eq(-EINVAL, sys_sysctl(99, NULL, 0, NONE));
}

static void kcall_statectl_unknown_request_returns_einval(void)
{
	expect_eq(-EINVAL, sys_statectl(0, 0, 0));
	expect_eq(-EINVAL, sys_statectl(99, 0, 0));
}

static void kcall_statectl_clear_ipc_refs_releases_blocked_sender(void)
{
	endpoint_t a = NONE, b = NONE;
	message m = { .m_type = ECHO_REQ };
	int result = UNSET;

	/* a waits for ktest only, so b's sendrec to it stays queued. */
	expect_eq(OK, spawn_sys(clear_ipc_refs_on_request, 0, &a));
	expect_eq(OK, wait_until_blocked(a, RTS_RECEIVING));
	expect_eq(OK, spawn_sys(sendrec_to, (uint32_t)a, &b));
	expect_eq(OK, wait_until_blocked(b, RTS_SENDING));
	expect_eq(OK, ipc_send(a, &m));
	expect_eq(OK, child_wait(a, &result));
	expect_eq(OK, result);
	result = UNSET;
	expect_eq(OK, child_wait(b, &result));
	expect_eq(-EDEADSRCDST, result);
	expect_eq(0, proc_rts(a) & RTS_SLOT_FREE); /* a itself lives on */
}

static void kcall_abort_with_unknown_how_returns_einval(void)
{
	/* Never a valid one: that would end the suite. */
	expect_eq(-EINVAL, sys_abort(3, 0));
	expect_eq(-EINVAL, sys_abort(-1, 0));
	expect_eq(-EINVAL, sys_abort(100, 1));
}

/* ---- vircopy ---- */

static uint8_t copy_area[64];

static void fill_pattern(uint8_t *buf, size_t n, uint8_t seed)
{
	for (size_t i = 0; i < n; i++)
		buf[i] = (uint8_t)(seed + i * 7);
}

static void kcall_vircopy_between_ktest_and_child_copies_bytes(void)
{
	struct spawn_opts o = sys_opts(NULL, true);
	uint8_t pattern[sizeof(copy_area)], back[sizeof(copy_area)];
	const vir_bytes straddle = USER_STACK_TOP - 2 * PAGE_SIZE - 16;
	endpoint_t e = NONE;

	fill_pattern(pattern, sizeof(pattern), 3);
	memset(back, 0, sizeof(back));
	memset(copy_area, 0, sizeof(copy_area));
	expect_eq(OK, spawn(return_arg, 0, &o, &e));
	expect_eq(OK, sys_vircopy(SELF, (vir_bytes)pattern, e,
				  (vir_bytes)copy_area, sizeof(pattern)));
	expect_eq(OK, sys_vircopy(e, (vir_bytes)copy_area, SELF,
				  (vir_bytes)back, sizeof(back)));
	expect_eq(0, memcmp(pattern, back, sizeof(back)));
	expect_eq(0, copy_area[1]); /* ours is untouched */
	/* Across a page boundary of the child's stack. */
	memset(back, 0, sizeof(back));
	expect_eq(OK, sys_vircopy(SELF, (vir_bytes)pattern, e, straddle, 32));
	expect_eq(OK, sys_vircopy(e, straddle, SELF, (vir_bytes)back, 32));
	expect_eq(0, memcmp(pattern, back, 32));
}

static void kcall_vircopy_between_two_children_copies_bytes(void)
{
	struct spawn_opts o = sys_opts(NULL, true);
	uint8_t pattern[sizeof(copy_area)], back[sizeof(copy_area)];
	endpoint_t a = NONE, b = NONE;
	const vir_bytes area = (vir_bytes)copy_area;

	fill_pattern(pattern, sizeof(pattern), 11);
	memset(back, 0, sizeof(back));
	expect_eq(OK, spawn(return_arg, 0, &o, &a));
	expect_eq(OK, spawn(return_arg, 0, &o, &b));
	expect_eq(OK, sys_vircopy(SELF, (vir_bytes)pattern, a, area,
				  sizeof(pattern)));
	expect_eq(OK, sys_vircopy(a, area + 8, b, area, sizeof(pattern) - 8));
	expect_eq(OK,
		  sys_vircopy(b, area, SELF, (vir_bytes)back, sizeof(back)));
	expect_eq(0, memcmp(pattern + 8, back, sizeof(pattern) - 8));
}

static void kcall_vircopy_bad_address_or_endpoint_fails(void)
{
	uint8_t buf[16];
	endpoint_t e = NONE;
	const vir_bytes b = (vir_bytes)buf, code = (vir_bytes)&return_arg;

	expect_eq(-EFAULT,
		  sys_vircopy(SELF, UNMAPPED_ADDR, SELF, b, sizeof(buf)));
	expect_eq(-EFAULT,
		  sys_vircopy(SELF, KERNEL_ADDR, SELF, b, sizeof(buf)));
	expect_eq(-EFAULT, sys_vircopy(SELF, b, SELF, code, sizeof(buf)));
	expect_eq(-EFAULT,
		  sys_vircopy(SELF, 0xfffffff8u, SELF, b, sizeof(buf)));
	expect_eq(-EINVAL, sys_vircopy(CLOCK, b, SELF, b, sizeof(buf)));
	expect_eq(-EBADEPT, sys_vircopy(BAD_ENDPOINT, b, SELF, b, sizeof(buf)));
	expect_eq(OK, spawn_sys(return_arg, 0, &e));
	child_kill(e);
	expect_eq(-EDEADSRCDST, sys_vircopy(e, b, SELF, b, sizeof(buf)));
	expect_eq(-EDEADSRCDST, sys_vircopy(SELF, b, e, b, sizeof(buf)));
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
	{ "kcall_privctl_set_sys_applies_spec_to_frozen_process",
	  kcall_privctl_set_sys_applies_spec_to_frozen_process },
	{ "kcall_privctl_add_io_and_add_irq_extend_and_validate",
	  kcall_privctl_add_io_and_add_irq_extend_and_validate },
	{ "kcall_privctl_disallow_freezes_and_allow_resumes",
	  kcall_privctl_disallow_freezes_and_allow_resumes },
	{ "kcall_privctl_yield_freezes_caller_and_runs_target",
	  kcall_privctl_yield_freezes_caller_and_runs_target },
	{ "kcall_privctl_unknown_request_or_task_target_is_refused",
	  kcall_privctl_unknown_request_or_task_target_is_refused },
	{ "kcall_setalarm_notifies_from_clock_after_the_ticks",
	  kcall_setalarm_notifies_from_clock_after_the_ticks },
	{ "kcall_setalarm_zero_cancels_and_reports_time_left",
	  kcall_setalarm_zero_cancels_and_reports_time_left },
	{ "kcall_times_uptime_and_tsc_advance_across_a_sleep",
	  kcall_times_uptime_and_tsc_advance_across_a_sleep },
	{ "kcall_times_of_bad_endpoint_fails",
	  kcall_times_of_bad_endpoint_fails },
	{ "kcall_devio_without_io_ranges_returns_eperm",
	  kcall_devio_without_io_ranges_returns_eperm },
	{ "kcall_devio_inside_io_range_works_and_outside_is_denied",
	  kcall_devio_inside_io_range_works_and_outside_is_denied },
	{ "kcall_devio_bad_request_or_port_returns_einval",
	  kcall_devio_bad_request_or_port_returns_einval },
	{ "kcall_irqctl_kernel_owned_or_invalid_irqs_are_refused",
	  kcall_irqctl_kernel_owned_or_invalid_irqs_are_refused },
	{ "kcall_irqctl_check_irq_limits_lines_and_hooks_stay_private",
	  kcall_irqctl_check_irq_limits_lines_and_hooks_stay_private },
	{ "kcall_irqctl_rtc_interrupt_arrives_as_hardware_notify",
	  kcall_irqctl_rtc_interrupt_arrives_as_hardware_notify },
	{ "kcall_sysctl_print_stacktrace_and_nop_succeed",
	  kcall_sysctl_print_stacktrace_and_nop_succeed },
	{ "kcall_sysctl_bad_arguments_are_rejected",
	  kcall_sysctl_bad_arguments_are_rejected },
	{ "kcall_statectl_unknown_request_returns_einval",
	  kcall_statectl_unknown_request_returns_einval },
	{ "kcall_statectl_clear_ipc_refs_releases_blocked_sender",
	  kcall_statectl_clear_ipc_refs_releases_blocked_sender },
	{ "kcall_abort_with_unknown_how_returns_einval",
	  kcall_abort_with_unknown_how_returns_einval },
	{ "kcall_vircopy_between_ktest_and_child_copies_bytes",
	  kcall_vircopy_between_ktest_and_child_copies_bytes },
	{ "kcall_vircopy_between_two_children_copies_bytes",
	  kcall_vircopy_between_two_children_copies_bytes },
	{ "kcall_vircopy_bad_address_or_endpoint_fails",
	  kcall_vircopy_bad_address_or_endpoint_fails },
	{ NULL, NULL },
};
