// SPDX-License-Identifier: BSD-2-Clause
/*
 * The crash-recovery figure of fsbench: from the crash request for
 * hello to the first read of /dev/hello answered by its new instance.
 *
 * The client's view: the open file goes stale with the crash (the next
 * read fails with EIO once VFS has seen the new instance announce
 * itself), so the measurement reads until EIO, reopens, and stops the
 * clock at the first good read.  The window is a few million
 * instructions, less than a clock tick (10 ms of virtual time), and it
 * starts just after a tick: no timer interrupt falls inside, so the
 * figure repeats exactly even though the disk-bound figures before it
 * move the start.
 */
#include <axo/libc.h>
#include <axo/msg_rs.h>
#include <axo/rs.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../bench.h"
#include "fsbench.h"

#define DEVICE	  "/dev/hello"
#define GREETING  "Hello, World!\n"
#define LABEL	  "hello"
#define GIVE_UP	  2000000000ull /* instructions: 2 s of virtual time */
#define START_S	  20		/* seconds after boot: the disk work is done */
#define REPLICA_S 40		/* ... and for the second figure */

/*
 * Wait until START_S seconds after boot (asleep: under -icount with
 * sleep=off idle time passes at once), then for the tick that reaches
 * it.  Starting at a fixed time keeps every time-dependent cost (64-bit
 * divisions, digits printed) the same whatever the disk-bound boot took.
 */
void fsbench_at(int seconds)
{
	clock_t start = (clock_t)seconds * CLOCKS_PER_SEC, now = times(NULL);

	if (now >= start)
		fsbench_fail("reaching the recovery benchmark in time");
	if ((start - now) / CLOCKS_PER_SEC > 1)
		sleep((unsigned)((start - now) / CLOCKS_PER_SEC - 1));
	while (times(NULL) < start)
		;
}

/* One read from offset 0: 1 for the greeting, 0 for EIO, else fail. */
static int read_greeting(int fd)
{
	char buf[32];

	if (lseek(fd, 0, SEEK_SET) != 0)
		fsbench_fail("lseek " DEVICE);
	ssize_t n = read(fd, buf, sizeof(buf));
	if (n < 0 && errno == EIO)
		return 0;
	if (n != (ssize_t)strlen(GREETING) || memcmp(buf, GREETING, n) != 0)
		fsbench_fail("read " DEVICE);
	return 1;
}

static void rs_request(int type, struct rs_req_msg *req, const char *what)
{
	snprintf(req->label, sizeof(req->label), "%s", LABEL);
	if (axo_rs_request(type, req) < 0)
		fsbench_fail(what);
}

/* RS's duration of hello's last recovery, in TSC cycles. */
static uint64_t rs_recovery(void)
{
	struct rs_status st = { 0 };
	struct rs_req_msg req = { .addr = (vir_bytes)(uintptr_t)&st,
				  .len = sizeof(st) };

	rs_request(RS_STATUS, &req, "service status " LABEL);
	return st.recovery_cycles;
}

/* Measure a crash of hello at `seconds` after boot. */
static void recovery_hello(const char *figure, int seconds)
{
	struct rs_req_msg req = { 0 };
	int fd = open(DEVICE, O_RDONLY);

	if (fd < 0 || read_greeting(fd) != 1)
		fsbench_fail("open " DEVICE);
	fsbench_at(seconds);
	uint64_t t0 = bench_tsc();
	rs_request(RS_FI, &req, "service fi " LABEL);
	while (read_greeting(fd) == 1) /* the crash is not seen yet */
		if (bench_tsc() - t0 > GIVE_UP)
			fsbench_fail("crash of " LABEL);
	close(fd);
	while ((fd = open(DEVICE, O_RDONLY)) < 0 || read_greeting(fd) != 1) {
		if (bench_tsc() - t0 > GIVE_UP)
			fsbench_fail("recovery of " LABEL);
		if (fd >= 0)
			close(fd);
	}
	uint64_t t1 = bench_tsc();
	close(fd);
	printf("%s: %llu insn\n", figure, (unsigned long long)(t1 - t0));
	printf("%s_rs: %llu insn\n", figure, (unsigned long long)rs_recovery());
}

void bench_recovery_hello(const char *figure)
{
	recovery_hello(figure, START_S);
}

/* Run /bin/service with argv; fail the benchmark unless it exits 0. */
static void service(char *const argv[])
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		execv("/bin/service", argv);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0)
		fsbench_fail(argv[1]);
}

void bench_recovery_hello_replica(const char *figure)
{
	static char *const down[] = { "service", "down", LABEL, NULL };
	static char *const up[] = { "service", "up",   "/service/" LABEL,
				    "-dev",    DEVICE, NULL };
	static char *const clone[] = { "service", "clone", LABEL, NULL };

	service(down); /* a new hello: no restarts yet, so no backoff */
	service(up);
	service(clone);
	recovery_hello(figure, REPLICA_S);
}
