// SPDX-License-Identifier: BSD-2-Clause
/*
 * Benchmarks, run instead of the tests when the kernel command line says
 * "bench".  Meant for QEMU's -icount shift=0,sleep=off, where the TSC
 * counts executed guest instructions: every figure is then exact and the
 * same on every run and machine.  Prints "name: value unit" lines.
 */
#include "ktest.h"

#define KECHO  ((endpoint_t)1)
#define ROUNDS 1000
#define WARMUP 100

static uint64_t tsc(void)
{
	uint64_t v;

	__asm__ volatile("rdtsc" : "=A"(v));
	return v;
}

static void report(const char *name, uint64_t total, unsigned rounds)
{
	printf("%s: %llu insn\n", name, (unsigned long long)(total / rounds));
}

static void bench_sendrec(void)
{
	message m = { .m_type = ECHO_REQ };

	for (int i = 0; i < WARMUP; i++)
		ipc_sendrec(KECHO, &m);
	uint64_t t0 = tsc();
	for (int i = 0; i < ROUNDS; i++) {
		m.m_type = ECHO_REQ;
		ipc_sendrec(KECHO, &m);
	}
	report("ipc_sendrec_roundtrip", tsc() - t0, ROUNDS);
}

/* Child: answer every notification from ktest with one of its own. */
static _Noreturn int notify_pong(uint32_t unused)
{
	message m;

	(void)unused;
	for (;;) {
		ipc_receive(ktest_ep, &m, NULL);
		ipc_notify(ktest_ep);
	}
}

static void bench_notify(void)
{
	endpoint_t e;
	message m;

	if (spawn_sys(notify_pong, 0, &e) != OK)
		return;
	for (int i = 0; i < WARMUP; i++) {
		ipc_notify(e);
		ipc_receive(e, &m, NULL);
	}
	uint64_t t0 = tsc();
	for (int i = 0; i < ROUNDS; i++) {
		ipc_notify(e);
		ipc_receive(e, &m, NULL);
	}
	/* Two notifications, each with its receive, per round. */
	report("ipc_notify", tsc() - t0, 2 * ROUNDS);
	child_kill(e);
}

static void bench_kernel_call(void)
{
	for (int i = 0; i < WARMUP; i++)
		sys_sysctl(SYSCTL_NOP, NULL, 0, NONE);
	uint64_t t0 = tsc();
	for (int i = 0; i < ROUNDS; i++)
		sys_sysctl(SYSCTL_NOP, NULL, 0, NONE);
	report("kernel_call_null", tsc() - t0, ROUNDS);
}

static int return_zero(uint32_t unused)
{
	(void)unused;
	return 0;
}

/* fork + build memory + exec + run + report + clear, the way ktest spawns. */
static void bench_spawn(void)
{
	endpoint_t e;
	int result;
	const unsigned rounds = 20;

	uint64_t t0 = tsc();
	for (unsigned i = 0; i < rounds; i++) {
		if (spawn_sys(return_zero, 0, &e) != OK ||
		    child_wait(e, &result) != OK)
			return;
		child_kill(e);
	}
	report("process_spawn_run_clear", tsc() - t0, rounds);
}

static void bench_boot(void)
{
	struct kinfo ki;

	sys_getinfo(GET_KINFO, &ki, sizeof(ki), NONE);
	report("boot_to_first_process", ki.first_proc_tsc, 1);
	report("kernel_init", ki.first_proc_tsc - ki.boot_tsc, 1);
}

void bench_run(void)
{
	printf("ktest: benchmarks (instructions under -icount shift=0)\n");
	bench_boot();
	bench_sendrec();
	bench_notify();
	bench_kernel_call();
	bench_spawn();
	printf("ktest: benchmarks done\n");
}
