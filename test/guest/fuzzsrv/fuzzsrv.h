/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The request protocol of fuzzsrv (the restricted fuzzing service) and
 * its client, `fuzz -s` (test/guest/fuzz).  The client sendrecs
 * FUZZSRV_RUN; fuzzsrv answers when the run is over, with its tallies.
 */
#ifndef FUZZSRV_FUZZSRV_H
#define FUZZSRV_FUZZSRV_H

#include <axo/msgtype.h>

#define FUZZSRV_RUN (TEST_RQ_BASE + 0x10)

/* The words of the request and of the answer. */
enum {
	FZS_SEED,
	FZS_COUNT
};
enum {
	FZS_CALLS,
	FZS_OK,
	FZS_REFUSED,
	FZS_ERRORS,
	FZS_ANOMALIES,
	FZS_CHECKSUM,
	FZS_NR_WORDS
};

#endif
