/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The user-process system fuzzer (fuzz.c runs batches in children,
 * batch.c is what a child does).  A batch's tallies travel to the parent
 * over a pipe as records; the last whole record of a batch counts.
 */
#ifndef FUZZ_FUZZ_H
#define FUZZ_FUZZ_H

#include <stdbool.h>
#include <stdint.h>

#include <axo/ipc.h>

#define FUZZ_UID     1000 /* the unprivileged user the children become */
#define REPORT_FD    31	  /* the pipe to the parent, in a child */
#define REPORT_EVERY 64	  /* calls between two records */
#define REPORT_MAGIC 0x667a7a31u

struct tally {
	uint32_t magic;	    /* REPORT_MAGIC */
	uint32_t batch;	    /* which batch */
	uint32_t calls;	    /* made so far */
	uint32_t ok;	    /* answered with a result >= 0 */
	uint32_t refused;   /* ECALLDENIED, ETRAPDENIED or EPERM */
	uint32_t errors;    /* any other error */
	uint32_t anomalies; /* denied things that were not refused */
	uint32_t skipped;   /* not made: the target might never answer */
	uint32_t check;	    /* sum of the fields above */
};

/* IPC trap number trap to dst with the message at addr: OK or -E*. */
int fuzz_trap(uint32_t trap, endpoint_t dst, uint32_t addr);

/* The check word of t. */
uint32_t tally_check(const struct tally *t);

/*
 * Runs the n calls of batch b of run seed as the current (unprivileged)
 * process, writing a record to REPORT_FD before every REPORT_EVERY-th
 * call (with trace, before every call) and at the end; never returns.
 */
_Noreturn void batch_run(uint32_t seed, uint32_t b, uint32_t n, bool trace);

/* Prints call i of batch b of run seed (what a stuck batch was doing). */
void batch_describe(uint32_t seed, uint32_t b, uint32_t i);

/* The checksum of the calls batch b of run seed generates (n of them). */
uint32_t batch_checksum(uint32_t seed, uint32_t b, uint32_t n, uint32_t h);

#endif
