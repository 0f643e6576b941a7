/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Shared by the parts of fsbench (fsbench.c: main and the file-system
 * figures; recovery.c: crash recovery of hello).
 */
#ifndef TEST_GUEST_FSBENCH_H
#define TEST_GUEST_FSBENCH_H

/* Report what failed, power off with status 1. */
_Noreturn void fsbench_fail(const char *what);

/*
 * Return at the clock tick `seconds` after boot (sleeping most of the
 * way), so that a measurement starting there sees the same time-dependent
 * costs whatever the disk-bound work before it took.
 */
void fsbench_at(int seconds);

/*
 * Update hello to a fresh copy of itself (`service update self -label
 * hello`, sent to RS directly) and report "<figure>_total: N insn", the
 * request until the update is committed as its caller sees it, and
 * "<figure>_blackout: N insn", RS's count of the time hello's endpoint
 * did not answer (update.c).
 */
void bench_update_hello(const char *figure);

/*
 * Crash hello (`service fi hello`, sent to RS directly) and report, as
 * "<figure>: N insn", the instructions until /dev/hello answers a read
 * again, and as "<figure>_rs: N insn" RS's own count (crash to the new
 * instance's init done).  hello must never have crashed before, so that
 * RS restarts it without backoff.
 */
void bench_recovery_hello(const char *figure);

/*
 * The same with a hot-standby replica: hello is taken down, started
 * afresh and cloned (`service down/up/clone`), then crashed.
 */
void bench_recovery_hello_replica(const char *figure);

#endif
