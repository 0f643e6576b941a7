/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Shared by the guest benchmarks (ktest's bench.c, ubench): under QEMU's
 * -icount shift=0,sleep=off the TSC counts executed guest instructions,
 * so a figure is the TSC difference over a number of rounds.  Each figure
 * is printed as "name: value insn" for tools/bench.py.  Needs a printf.
 */
#ifndef TEST_GUEST_BENCH_H
#define TEST_GUEST_BENCH_H

#include <stdint.h>

#define BENCH_ROUNDS 1000
#define BENCH_WARMUP 100

static inline uint64_t bench_tsc(void)
{
	uint64_t v;

	__asm__ volatile("rdtsc" : "=A"(v));
	return v;
}

/* Print the mean of total over rounds. */
static inline void bench_report(const char *name, uint64_t total,
				unsigned rounds)
{
	printf("%s: %llu insn\n", name, (unsigned long long)(total / rounds));
}

#endif
