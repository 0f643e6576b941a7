// SPDX-License-Identifier: BSD-2-Clause
/*
 * ktest: the kernel test suite, run as the first boot module.
 *
 * Prints one line per test, "PASS name" or "FAIL name: ...", then a leak
 * check and the verdict "N passed, N failed", and leaves the emulator with
 * status 0 (all passed) or 1.  Kernel command-line words: seed=N sets the
 * fuzzing seed; bench runs the benchmarks instead (bench.c); panic-selftest
 * sends ktest, its own signal manager with no backup, a lethal signal,
 * which must stop the system with a clear kernel panic and stack trace;
 * tty-scenario (boot image [tty]) only starts the boot services and
 * waits for ttyprobe's failure count, which becomes the exit status.
 */
#include "ktest.h"

static const char *current_test;
static bool current_failed;
static unsigned passed, failed;
uint32_t fuzz_seed = 1;

static const char *err_name(long long v)
{
	return v < 0 && v > -1000 ? sys_strerror((int)v) : NULL;
}

void test_fail(int line, const char *what, long long expected, long long got)
{
	if (current_failed)
		return;
	current_failed = true;
	const char *en = err_name(expected), *gn = err_name(got);
	printf("FAIL %s: %s: expected %lld%s%s%s, got %lld%s%s%s (line %d)\n",
	       current_test, what, expected, en ? " (" : "", en ? en : "",
	       en ? ")" : "", got, gn ? " (" : "", gn ? gn : "", gn ? ")" : "",
	       line);
}

void test_fail_msg(int line, const char *msg)
{
	if (current_failed)
		return;
	current_failed = true;
	printf("FAIL %s: %s (line %d)\n", current_test, msg, line);
}

static void run_table(const struct test_case *t)
{
	for (; t->name != NULL; t++) {
		current_test = t->name;
		current_failed = false;
		t->fn();
		children_reap_all();
		if (current_failed) {
			failed++;
		} else {
			passed++;
			printf("PASS %s\n", t->name);
		}
	}
}

/* Every page ktest handed to children, and every kernel page, came back. */
static void leak_check(unsigned kernel_pages_before)
{
	struct kinfo ki;

	current_test = "suite_leaks_no_pages";
	current_failed = false;
	sys_getinfo(GET_KINFO, &ki, sizeof(ki), NONE);
	expect_eq(0, pages_outstanding());
	expect_eq(kernel_pages_before, ki.kernel_pages_free);
	if (current_failed) {
		failed++;
	} else {
		passed++;
		printf("PASS %s\n", current_test);
	}
}

enum mode {
	MODE_TESTS,
	MODE_BENCH,
	MODE_PANIC,
	MODE_TTY
};

static enum mode parse_cmdline(void)
{
	char value[16];

	if (env_get_param("seed", value, sizeof(value)) == OK &&
	    env_parse_u32(value, &fuzz_seed) == OK && fuzz_seed == 0)
		fuzz_seed = 1;
	if (env_get_param("bench", value, sizeof(value)) == OK)
		return MODE_BENCH;
	if (env_get_param("panic-selftest", value, sizeof(value)) == OK)
		return MODE_PANIC;
	if (env_get_param("tty-scenario", value, sizeof(value)) == OK)
		return MODE_TTY;
	return MODE_TESTS;
}

/* The tty scenario: ttyprobe's failure count ends the emulator. */
static _Noreturn void tty_scenario(void)
{
	message m;
	uint32_t status;

	for (;;) {
		if (ipc_receive(ANY, &m, &status) != OK ||
		    is_ipc_notify(status))
			continue;
		printf("ktest: ttyprobe reported %d failures\n", m.m_type);
		sys_abort(ABORT_EXIT, m.m_type == 0 ? 0 : 1);
	}
}

int main(void);
int main(void)
{
	struct kinfo ki;

	spawn_init();
	boot_services_init();
	switch (parse_cmdline()) {
	case MODE_BENCH:
		bench_run();
		sys_abort(ABORT_EXIT, 0);
		break;
	case MODE_PANIC:
		printf("ktest: sending myself SIGSEGV; the kernel must panic\n");
		sys_kill(SELF, SIGSEGV);
		printf("ktest: still running after a lethal signal\n");
		sys_abort(ABORT_EXIT, 1);
		break;
	case MODE_TTY:
		tty_scenario();
	case MODE_TESTS:
		break;
	}
	printf("ktest: kernel test suite, endpoint %d, fuzz seed %u\n",
	       ktest_ep, fuzz_seed);
	sys_getinfo(GET_KINFO, &ki, sizeof(ki), NONE);
	run_table(boot_tests);
	run_table(ipc_tests);
	run_table(kcall_tests);
	run_table(kdev_tests);
	run_table(signal_tests);
	run_table(memory_tests);
	run_table(update_tests);
	run_table(hardening_tests);
	run_table(grant_tests);
	run_table(sef_tests);
	run_table(ds_tests);
	run_table(chardev_tests);
	run_table(blockdev_tests);
	run_table(ext2_tests);
	run_table(memdev_tests);
	run_table(timer_tests);
	run_table(fuzz_tests);
	leak_check(ki.kernel_pages_free);
	printf("ktest: %u passed, %u failed\n", passed, failed);
	sys_abort(ABORT_EXIT, failed == 0 ? 0 : 1);
	return 0;
}
