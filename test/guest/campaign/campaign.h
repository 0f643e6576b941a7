/* SPDX-License-Identifier: BSD-2-Clause */
/* The fault-injection campaign driver's parts (test/guest/campaign). */
#ifndef TEST_GUEST_CAMPAIGN_H
#define TEST_GUEST_CAMPAIGN_H

#include <stdbool.h>
#include <stdint.h>

/* One log line to the kernel log (the serial console), printf-style. */
void log_line(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Guest time: instructions executed so far (rdtsc under -icount). */
uint64_t now_insn(void);

/* Start the workload programs in the background; 0 or -1. */
int workload_start(void);

/*
 * Stop them (SIGTERM), wait for them and log their summary lines; adds
 * the bytes they read back wrong to *lost and their failed calls to
 * *errors.  Returns false if a summary is missing.
 */
bool workload_stop(unsigned long long *lost, unsigned long *errors);

/*
 * What a client sees right after a fault in label: one operation on the
 * affected device or file system.  Returns "ok" or the error's name.
 */
const char *probe(const char *label);

#endif
