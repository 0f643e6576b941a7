// SPDX-License-Identifier: BSD-2-Clause
/*
 * Benchmarks of the process world, run by init in the [bench] boot image
 * under QEMU's -icount shift=0,sleep=off, where the TSC counts executed
 * guest instructions: every figure is exact and the same on every run.
 * Prints "name: value insn" lines (tools/bench.py collects them), then
 * powers the machine off.
 */
#include <axo/libc.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>
#include "../bench.h"

#define FORK_ROUNDS 50

/* A request to PM and its answer, as a program sees it. */
static void bench_getpid(void)
{
	for (int i = 0; i < BENCH_WARMUP; i++)
		getpid();
	uint64_t t0 = bench_tsc();
	for (int i = 0; i < BENCH_ROUNDS; i++)
		getpid();
	bench_report("pm_getpid_roundtrip", bench_tsc() - t0, BENCH_ROUNDS);
}

/* fork, exec of a program that exits at once, and wait for it. */
static int fork_exec_wait(void)
{
	pid_t pid = fork();

	if (pid == 0) {
		char *argv[] = { "/boot/uchild", NULL };
		execv(argv[0], argv);
		_exit(127);
	}
	int status;
	if (pid < 0 || waitpid(pid, &status, 0) != pid || status != 0)
		return -1;
	return 0;
}

static void bench_fork_exec_wait(void)
{
	if (fork_exec_wait() != 0) {
		printf("ubench: fork_exec_wait failed\n");
		return;
	}
	uint64_t t0 = bench_tsc();
	for (int i = 0; i < FORK_ROUNDS; i++)
		fork_exec_wait();
	bench_report("fork_exec_wait", bench_tsc() - t0, FORK_ROUNDS);
}

int main(void)
{
	bench_getpid();
	bench_fork_exec_wait();
	fflush(stdout);
	axo_poweroff(0);
	return 0;
}
