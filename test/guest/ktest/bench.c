// SPDX-License-Identifier: BSD-2-Clause
/*
 * Benchmarks, run instead of the tests when the kernel command line says
 * "bench".  Meant for QEMU's -icount shift=0,sleep=off, where the TSC
 * counts executed guest instructions: every figure is then exact and the
 * same on every run and machine.  Prints "name: value unit" lines.
 */
#include "ktest.h"
#include "../bench.h"

#define KECHO ((endpoint_t)1)

static void bench_sendrec(void)
{
	message m = { .m_type = ECHO_REQ };

	for (int i = 0; i < BENCH_WARMUP; i++)
		ipc_sendrec(KECHO, &m);
	uint64_t t0 = bench_tsc();
	for (int i = 0; i < BENCH_ROUNDS; i++) {
		m.m_type = ECHO_REQ;
		ipc_sendrec(KECHO, &m);
	}
	bench_report("ipc_sendrec_roundtrip", bench_tsc() - t0, BENCH_ROUNDS);
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
	for (int i = 0; i < BENCH_WARMUP; i++) {
		ipc_notify(e);
		ipc_receive(e, &m, NULL);
	}
	uint64_t t0 = bench_tsc();
	for (int i = 0; i < BENCH_ROUNDS; i++) {
		ipc_notify(e);
		ipc_receive(e, &m, NULL);
	}
	/* Two notifications, each with its receive, per round. */
	bench_report("ipc_notify", bench_tsc() - t0, 2 * BENCH_ROUNDS);
	child_kill(e);
}

static void bench_kernel_call(void)
{
	for (int i = 0; i < BENCH_WARMUP; i++)
		sys_sysctl(SYSCTL_NOP, NULL, 0, NONE);
	uint64_t t0 = bench_tsc();
	for (int i = 0; i < BENCH_ROUNDS; i++)
		sys_sysctl(SYSCTL_NOP, NULL, 0, NONE);
	bench_report("kernel_call_null", bench_tsc() - t0, BENCH_ROUNDS);
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

	uint64_t t0 = bench_tsc();
	for (unsigned i = 0; i < rounds; i++) {
		if (spawn_sys(return_zero, 0, &e) != OK ||
		    child_wait(e, &result) != OK)
			return;
		child_kill(e);
	}
	bench_report("process_spawn_run_clear", bench_tsc() - t0, rounds);
}

static void bench_boot(void)
{
	struct kinfo ki;

	sys_getinfo(GET_KINFO, &ki, sizeof(ki), NONE);
	bench_report("boot_to_first_process", ki.first_proc_tsc, 1);
	bench_report("kernel_init", ki.first_proc_tsc - ki.boot_tsc, 1);
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
