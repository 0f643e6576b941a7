// SPDX-License-Identifier: BSD-2-Clause
/*
 * Kernel-call tests, second part: the clock (setalarm, times), port I/O
 * and interrupts (devio, irqctl, with the CMOS clock and its periodic
 * interrupt), diagnostics (sysctl), state control, abort and vircopy.
 * Children report several results through child_values (run_child).
 */
#include "ktest.h"

#define KECHO	      ((endpoint_t)1)
#define BAD_ENDPOINT  ENDPOINT(0, 5000)
#define UNMAPPED_ADDR 0xdead0000u
#define KERNEL_ADDR   0x00100000u
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

/* String I/O on the CMOS data port: reads, a bad buffer, a port outside. */
static int probe_cmos_strings(uint32_t unused)
{
	uint8_t buf[4] = { 0xff, 0xff, 0xff, 0xff };
	uint32_t reg = RTC_SECONDS;

	(void)unused;
	child_values[0] = sys_devio(DIO_OUT | DIO_BYTE, CMOS_INDEX, &reg);
	child_values[1] = sys_sdevio(DIO_IN | DIO_BYTE, CMOS_DATA, buf, 2);
	child_values[2] = buf[0] < 0x60 && buf[1] < 0x60 && buf[2] == 0xff;
	child_values[3] = sys_sdevio(DIO_IN | DIO_BYTE, CMOS_DATA,
				     (void *)UNMAPPED_ADDR, 2);
	child_values[4] = sys_sdevio(DIO_IN | DIO_BYTE, CMOS_DATA + 1, buf, 1);
	child_values[5] = sys_sdevio(DIO_IN | DIO_WORD, CMOS_DATA, buf, 1);
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

/* ---- privileges for a device driver ---- */

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

static void kcall_sdevio_reads_strings_inside_io_range_only(void)
{
	struct priv_spec s = cmos_spec();
	struct spawn_opts o = sys_opts(&s, false);
	struct child_run run;

	run_child(probe_cmos_strings, 0, &o, &run);
	expect_eq(OK, run.result);
	expect_eq(OK, run.values[0]);
	expect_eq(OK, run.values[1]);
	expect_eq(1, run.values[2]);	   /* two BCD seconds, no more */
	expect_eq(-EFAULT, run.values[3]); /* unmapped buffer */
	expect_eq(-EPERM, run.values[4]);  /* port 0x72 */
	expect_eq(-EPERM, run.values[5]);  /* a word at 0x71 crosses the end */
}

static void kcall_sdevio_bad_request_or_count_returns_einval(void)
{
	uint8_t buf[4];

	expect_eq(-EINVAL, sys_sdevio(0x8, CMOS_DATA, buf, 1));
	expect_eq(-EINVAL,
		  sys_sdevio(DIO_IN | DIO_WORD | DIO_LONG, CMOS_DATA, buf, 1));
	expect_eq(-EINVAL, sys_sdevio(DIO_IN, 0x10000, buf, 1));
	expect_eq(-EINVAL, sys_sdevio(DIO_IN, CMOS_DATA, buf, 0));
	expect_eq(-EINVAL, sys_sdevio(DIO_IN | DIO_WORD, CMOS_DATA, buf,
				      SDEVIO_MAX / 2 + 1));
	expect_eq(-EPERM,
		  sys_sdevio(DIO_IN, CMOS_DATA, buf, 1)); /* no ranges */
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
const struct test_case kdev_tests[] = {
	{ "kcall_privctl_set_sys_applies_spec_to_frozen_process",
	  kcall_privctl_set_sys_applies_spec_to_frozen_process },
	{ "kcall_privctl_add_io_and_add_irq_extend_and_validate",
	  kcall_privctl_add_io_and_add_irq_extend_and_validate },
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
	{ "kcall_sdevio_reads_strings_inside_io_range_only",
	  kcall_sdevio_reads_strings_inside_io_range_only },
	{ "kcall_sdevio_bad_request_or_count_returns_einval",
	  kcall_sdevio_bad_request_or_count_returns_einval },
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
