// SPDX-License-Identifier: BSD-2-Clause
/*
 * campaign: the fault-injection campaign driver (make campaign, issue 7).
 *
 * usage: campaign SEED FAULTS TARGET,TARGET,...
 *
 * Run by /etc/rc of the campaign's disk (tools/campaign.py), as root.
 * It starts the workload (workload.c), then injects FAULTS faults, each
 * after a seeded pause, into a seeded target with a seeded fault type,
 * through RS's RS_FI request as `service fi` sends it.  A fault that ends
 * the service is waited for until RS has recovered it (its restart count
 * rose); a pending binary backoff is skipped with RS_RESTART, as
 * `service restart` does, so that thousands of faults run quickly.  Each
 * fault gives one line on the kernel log:
 *
 *   fault N at T target L type X result R detect D recovery_insn I
 *         rs_cycles C probe P
 *
 * T and I are guest instructions (rdtsc under -icount), C is RS's own
 * recovery measure, D how RS learnt of it (the signal that ended the
 * instance: 9 after missed heartbeats), P what a client saw right after.
 * Under -icount the guest is deterministic: the same seed gives the same
 * lines.  At the end the workload's summaries and one line
 *   campaign-guest: seed S injected N recovered R unrecovered U errors E
 *                   lost B
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <axo/libc.h>
#include <axo/msg_rs.h>
#include <axo/rs.h>

#include "../prng.h"
#include "campaign.h"

#define MAX_TARGETS  16
#define GAP_INSN     2000000ull	    /* the longest pause between faults */
#define RECOVER_INSN 60000000000ull /* 60 s of guest time: a hang */

/* The fault types each target takes (a loop only where RS pings). */
static const struct target {
	const char *label;
	const int *types;
} targets[] = {
	{ "hello", (const int[]){ RS_FI_CRASH, RS_FI_SEGV, RS_FI_EXIT,
				  RS_FI_BADREPLY, RS_FI_LOOP, 0 } },
	{ "tty", (const int[]){ RS_FI_CRASH, RS_FI_SEGV, RS_FI_EXIT,
				RS_FI_BADREPLY, 0 } },
	{ "ata", (const int[]){ RS_FI_CRASH, RS_FI_SEGV, RS_FI_EXIT,
				RS_FI_BADREPLY, RS_FI_LOOP, 0 } },
	{ "ext2", (const int[]){ RS_FI_CRASH, RS_FI_SEGV, RS_FI_EXIT,
				 RS_FI_BADREQ, 0 } },
	{ "ds",
	  (const int[]){ RS_FI_CRASH, RS_FI_SEGV, RS_FI_EXIT, RS_FI_LOOP, 0 } },
	{ "pm", (const int[]){ RS_FI_CRASH, RS_FI_SEGV, RS_FI_EXIT, 0 } },
	{ "vfs", (const int[]){ RS_FI_CRASH, RS_FI_SEGV, RS_FI_EXIT, 0 } },
	{ "vm",
	  (const int[]){ RS_FI_CRASH, RS_FI_SEGV, RS_FI_EXIT, RS_FI_LOOP, 0 } },
	{ "rs", (const int[]){ RS_FI_CRASH, RS_FI_SEGV, RS_FI_EXIT, 0 } },
};

#define N_TARGETS (sizeof(targets) / sizeof(targets[0]))

static const char *const type_names[RS_FI_NR] = {
	[RS_FI_CRASH] = "crash",       [RS_FI_SEGV] = "segv",
	[RS_FI_LOOP] = "loop",	       [RS_FI_EXIT] = "exit",
	[RS_FI_BADREPLY] = "badreply", [RS_FI_BADREQ] = "badreq",
};

struct tally {
	unsigned long injected, recovered, unrecovered;
};

/* A loop costs two heartbeat periods of guest time: one in LOOP_ODDS. */
#define LOOP_ODDS 64

void log_line(const char *fmt, ...)
{
	char line[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	axo_klog(line);
}

uint64_t now_insn(void)
{
	uint64_t v;

	__asm__ volatile("rdtsc" : "=A"(v));
	return v;
}

/* RS's status of label into *s; 0 or -1. */
static int status_of(const char *label, struct rs_status *s)
{
	struct rs_req_msg req = { .addr = (vir_bytes)s, .len = sizeof(*s) };

	strncpy(req.label, label, sizeof(req.label) - 1);
	return axo_rs_request(RS_STATUS, &req) == 1 ? 0 : -1;
}

/* Send request type about label to RS; its result (0 or -errno). */
static int rs_labelled(int type, const char *label, int subtype)
{
	struct rs_req_msg req = { .subtype = subtype };

	strncpy(req.label, label, sizeof(req.label) - 1);
	return axo_rs_request(type, &req) < 0 ? -errno : 0;
}

/*
 * Wait until label's restart count passes before, skipping a backoff;
 * true and its status in *s, or false after RECOVER_INSN.
 */
static bool wait_recovered(const char *label, int before, struct rs_status *s)
{
	uint64_t start = now_insn();

	while (now_insn() - start < RECOVER_INSN) {
		if (status_of(label, s) != 0)
			continue;
		if (s->restarts > before && !(s->flags & RS_INITIALIZING))
			return true;
		if ((s->flags & RS_TERMINATED) && s->backoff > 0)
			rs_labelled(RS_RESTART, label, 0);
	}
	return false;
}

/* A seeded fault type for t: a loop is rare, the others equally likely. */
static int pick_type(const struct target *t, uint32_t *seed)
{
	int n = 0;

	while (t->types[n] != 0)
		n++;
	for (;;) {
		int type = t->types[xorshift(seed) % n];
		if (type != RS_FI_LOOP || xorshift(seed) % LOOP_ODDS == 0)
			return type;
	}
}

/* Spin for a seeded pause while the workload runs. */
static void pause_seeded(uint32_t *seed)
{
	uint64_t until = now_insn() + xorshift(seed) % GAP_INSN;

	while (now_insn() < until)
		;
}

/* Inject fault number n into t and log what happened. */
static void inject(unsigned long n, const struct target *t, int type,
		   struct tally *tl)
{
	struct rs_status before, after;
	bool ends = type != RS_FI_BADREPLY && type != RS_FI_BADREQ;

	if (status_of(t->label, &before) != 0) {
		log_line("fault %lu target %s: no status\n", n, t->label);
		tl->unrecovered++;
		return;
	}
	uint64_t at = now_insn();
	int r = rs_labelled(RS_FI, t->label, type);
	tl->injected++;
	bool ok = r == 0 &&
		  (!ends || wait_recovered(t->label, before.restarts, &after));
	uint64_t took = now_insn() - at;
	if (!ends || r != 0)
		after = before;
	if (ok)
		tl->recovered++;
	else
		tl->unrecovered++;
	log_line("fault %lu at %llu target %s type %s result %d detect %s %d "
		 "recovery_insn %llu rs_cycles %llu probe %s\n",
		 n, (unsigned long long)at, t->label, type_names[type], r,
		 !ends ? "none" :
		 ok    ? "signal" :
			 "NOT-RECOVERED",
		 ends ? after.last_signal : 0,
		 (unsigned long long)(ends ? took : 0),
		 (unsigned long long)(ends ? after.recovery_cycles : 0),
		 probe(t->label));
}

/* The targets named in list (comma-separated) into chosen; how many. */
static int parse_targets(char *list, const struct target **chosen)
{
	int n = 0;

	for (char *name = strtok(list, ","); name != NULL;
	     name = strtok(NULL, ",")) {
		size_t i = 0;
		while (i < N_TARGETS && strcmp(targets[i].label, name) != 0)
			i++;
		if (i == N_TARGETS || n == MAX_TARGETS) {
			fprintf(stderr, "campaign: %s: not a target\n", name);
			return -1;
		}
		chosen[n++] = &targets[i];
	}
	return n;
}

int main(int argc, char **argv)
{
	const struct target *chosen[MAX_TARGETS];
	struct tally tl = { 0, 0, 0 };
	unsigned long long lost = 0;
	unsigned long errors = 0;

	if (argc != 4) {
		fprintf(stderr, "usage: campaign SEED FAULTS TARGET,...\n");
		return 2;
	}
	uint32_t seed = (uint32_t)strtoul(argv[1], NULL, 10);
	unsigned long faults = strtoul(argv[2], NULL, 10);
	int n = parse_targets(argv[3], chosen);
	if (n <= 0)
		return 2;
	uint32_t rng = seed * 2654435761u | 1;
	if (workload_start() != 0)
		log_line("campaign: cannot start the workload\n");
	log_line("campaign-guest: seed %s faults %lu started\n", argv[1],
		 faults);
	for (unsigned long i = 1; i <= faults; i++) {
		pause_seeded(&rng);
		const struct target *t = chosen[xorshift(&rng) % n];
		inject(i, t, pick_type(t, &rng), &tl);
	}
	if (!workload_stop(&lost, &errors))
		log_line("campaign: a workload summary is missing\n");
	log_line("campaign-guest: seed %s injected %lu recovered %lu "
		 "unrecovered %lu errors %lu lost %llu\n",
		 argv[1], tl.injected, tl.recovered, tl.unrecovered, errors,
		 lost);
	return tl.unrecovered == 0 && lost == 0 ? 0 : 1;
}
