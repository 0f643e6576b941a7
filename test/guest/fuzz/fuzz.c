// SPDX-License-Identifier: BSD-2-Clause
/*
 * fuzz: random and mutated requests to every endpoint of the booted
 * system, and random kernel calls, from unprivileged processes (issue 7;
 * test/boot/fuzz_system.py runs it, `make fuzz` too).
 *
 * usage: fuzz SEED COUNT [BATCH [trace]]
 *        fuzz -s SEED COUNT   (the restricted service's run: run_service)
 *   run as root; BATCH calls per child (default 1000); with trace, a
 *   child reports before every call, so a stuck batch names its call
 *   exactly (otherwise the call is among the REPORT_EVERY after the one
 *   printed)
 *
 * The calls are cut in batches; each batch runs in a fresh child that
 * becomes uid FUZZ_UID, points descriptors 0..2 at /dev/null and makes
 * its calls (batch.c).  A child may die of what it asked for; one that
 * does not finish within WATCHDOG seconds is killed and counted as
 * stuck.  Between batches the parent checks that PM and VFS still
 * answer.  The sequence of calls depends on SEED only: its checksum is
 * printed.  At the end one line:
 *
 *   fuzz: seed S calls N ok K refused R errors E anomalies A deaths D
 *         stuck T lost L skipped P checksum X
 *
 * (lost: batches whose child reported nothing; skipped: calls to
 * possibly silent system processes, see batch.c)
 *
 * and the exit status is 0 only if A and T are both 0.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <axo/libc.h>

#include "fuzz.h"
#include "../fuzzsrv/fuzzsrv.h"
#include "../prng.h"

#define WATCHDOG      20 /* seconds a batch may take */
#define DEFAULT_BATCH 1000

struct totals {
	struct tally sum;
	unsigned deaths, stuck, lost;
};

static void on_alarm(int sig)
{
	(void)sig;
}

/* The child's side: become nobody, quiet, then run batch b. */
static _Noreturn void child(int wfd, uint32_t seed, uint32_t b, uint32_t n,
			    bool trace)
{
	int null = open("/dev/null", O_RDWR);

	if (dup2(wfd, REPORT_FD) < 0 || null < 0)
		_exit(100);
	close(wfd);
	for (int fd = 0; fd < 3; fd++)
		dup2(null, fd);
	if (null > 2)
		close(null);
	if (setgid(FUZZ_UID) != 0 || setuid(FUZZ_UID) != 0)
		_exit(101);
	batch_run(seed, b, n, trace);
}

/*
 * The last whole record of batch b on rfd, read until the child closes
 * it (exits) or the watchdog interrupts; false if there was none.
 * *stuck is set if the watchdog did.
 */
static bool last_record(int rfd, uint32_t b, struct tally *out, bool *stuck)
{
	struct tally t;
	bool found = false;
	size_t have = 0;
	ssize_t r;

	alarm(WATCHDOG);
	while ((r = read(rfd, (char *)&t + have, sizeof(t) - have)) > 0) {
		have += (size_t)r;
		if (have < sizeof(t))
			continue;
		have = 0;
		if (t.magic == REPORT_MAGIC && t.batch == b &&
		    t.check == tally_check(&t)) {
			*out = t;
			found = true;
		}
	}
	*stuck = r < 0 && errno == EINTR;
	alarm(0);
	return found;
}

static void add(struct totals *tot, const struct tally *t)
{
	tot->sum.calls += t->calls;
	tot->sum.ok += t->ok;
	tot->sum.refused += t->refused;
	tot->sum.errors += t->errors;
	tot->sum.anomalies += t->anomalies;
	tot->sum.skipped += t->skipped;
}

/* Run batch b (n calls) in a child and add what it reported. */
static int run_batch(struct totals *tot, uint32_t seed, uint32_t b, uint32_t n,
		     bool trace)
{
	int p[2], status = 0;
	struct tally t = { 0 };

	if (pipe(p) != 0)
		return -1;
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		close(p[0]);
		child(p[1], seed, b, n, trace);
	}
	close(p[1]);
	bool stuck;
	bool have = last_record(p[0], b, &t, &stuck);
	if (stuck)
		kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	if (stuck) {
		tot->stuck++;
		printf("fuzz: batch %u stuck at call %u or after; killed\n",
		       (unsigned)b, have ? (unsigned)t.calls : 0);
		batch_describe(seed, b, have ? t.calls : 0);
	} else if (WIFSIGNALED(status) || WEXITSTATUS(status) != 0) {
		tot->deaths++;
	}
	if (have)
		add(tot, &t);
	else
		tot->lost++;
	close(p[0]);
	return 0;
}

/* PM and VFS still answer (each call would hang otherwise). */
static bool system_answers(void)
{
	struct stat st;

	return getpid() > 0 && stat("/", &st) == 0;
}

static void cleanup(void)
{
	static const char *const files[] = { "/tmp/fz0", "/tmp/fz1",
					     "/tmp/fzd/x" };
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		unlink(files[i]);
	rmdir("/tmp/fzd");
	rmdir("/tmp/fz0");
	rmdir("/tmp/fz1");
}

/*
 * fuzz -s SEED COUNT: have the restricted service fuzzsrv (started with
 * `service up /test/fuzzsrv`) make COUNT calls, and print its tallies.
 */
static int run_service(uint32_t seed, uint32_t count)
{
	struct rs_req_msg req;
	message m;

	memset(&req, 0, sizeof(req));
	strcpy(req.label, "fuzzsrv");
	if (axo_rs_request(RS_LOOKUP, &req) < 0) {
		printf("fuzzsrv: not running (service up /test/fuzzsrv): %s\n",
		       strerror(errno));
		return 1;
	}
	memset(&m, 0, sizeof(m));
	m.word[FZS_SEED] = seed;
	m.word[FZS_COUNT] = count;
	m.m_type = FUZZSRV_RUN;
	int r = fuzz_trap(SENDREC, req.endpoint, (uint32_t)&m);
	if (r != 0 || m.m_type != 0) {
		printf("fuzzsrv: run failed: %d, answer %d\n", r,
		       (int)m.m_type);
		return 1;
	}
	printf("fuzzsrv: seed %u calls %u ok %u refused %u errors %u "
	       "anomalies %u checksum %08x\n",
	       (unsigned)seed, (unsigned)m.word[FZS_CALLS],
	       (unsigned)m.word[FZS_OK], (unsigned)m.word[FZS_REFUSED],
	       (unsigned)m.word[FZS_ERRORS], (unsigned)m.word[FZS_ANOMALIES],
	       (unsigned)m.word[FZS_CHECKSUM]);
	return m.word[FZS_ANOMALIES] == 0 && m.word[FZS_CALLS] == count ? 0 : 1;
}

int main(int argc, char **argv)
{
	struct totals tot;
	struct sigaction sa;

	if (argc == 4 && strcmp(argv[1], "-s") == 0)
		return run_service((uint32_t)strtoul(argv[2], NULL, 0),
				   (uint32_t)strtoul(argv[3], NULL, 0));
	if (argc < 3) {
		fprintf(stderr, "usage: fuzz SEED COUNT [BATCH [trace]]\n"
				"       fuzz -s SEED COUNT\n");
		return 2;
	}
	uint32_t seed = (uint32_t)strtoul(argv[1], NULL, 0);
	uint32_t count = (uint32_t)strtoul(argv[2], NULL, 0);
	uint32_t batch = argc > 3 ? (uint32_t)strtoul(argv[3], NULL, 0) :
				    DEFAULT_BATCH;
	bool trace = argc > 4 && strcmp(argv[4], "trace") == 0;
	if (batch == 0)
		batch = DEFAULT_BATCH;
	memset(&tot, 0, sizeof(tot));
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);
	setvbuf(stdout, NULL, _IONBF, 0);
	printf("fuzz: seed %u, %u calls in batches of %u as uid %d\n",
	       (unsigned)seed, (unsigned)count, (unsigned)batch, FUZZ_UID);

	uint32_t h = FNV_OFFSET;
	for (uint32_t b = 0; (uint64_t)b * batch < count; b++) {
		uint32_t n = count - b * batch < batch ? count - b * batch :
							 batch;
		h = batch_checksum(seed, b, n, h);
		if (run_batch(&tot, seed, b, n, trace) != 0) {
			printf("fuzz: fork or pipe failed: %s\n",
			       strerror(errno));
			return 1;
		}
		if (!system_answers()) {
			printf("fuzz: PM or VFS stopped answering\n");
			return 1;
		}
	}
	cleanup();
	printf("fuzz: seed %u calls %u ok %u refused %u errors %u "
	       "anomalies %u deaths %u stuck %u lost %u skipped %u "
	       "checksum %08x\n",
	       (unsigned)seed, (unsigned)tot.sum.calls, (unsigned)tot.sum.ok,
	       (unsigned)tot.sum.refused, (unsigned)tot.sum.errors,
	       (unsigned)tot.sum.anomalies, tot.deaths, tot.stuck, tot.lost,
	       (unsigned)tot.sum.skipped, (unsigned)h);
	return tot.sum.anomalies == 0 && tot.stuck == 0 ? 0 : 1;
}
