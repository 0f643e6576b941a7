// SPDX-License-Identifier: BSD-2-Clause
/*
 * The file-system benchmarks (make bench), run by init in the [benchfs]
 * image: the full system, whose init mounts root, runs /etc/rc, starts
 * the console shell and then this program.  Under -icount the TSC counts
 * guest instructions (virtual nanoseconds with shift=0), so every figure
 * repeats exactly.
 *
 *   boot_to_shell     TSC when this program starts: root mounted, rc run,
 *                     the console shell just started (QEMU start = 0)
 *   vfs_read_devnull  one 1-byte read() of /dev/null through VFS
 *   pipe_roundtrip    1 byte to a child and back through two pipes
 *   file_write_1mib   writing 1 MiB to a new file in 64 KiB writes, then
 *                     fsync (the data reaches the disk)
 *   file_read_1mib    reading it back in 64 KiB reads
 *   recovery_hello_restart     crash request for hello until /dev/hello
 *                              answers again (recovery.c)
 *   recovery_hello_replica     the same for a hello with a replica
 *   recovery_hello_restart_rs  the same recovery as RS counts it: crash
 *                              to the new instance's init done
 *   update_hello_total         `service update self -label hello` until
 *                              it is committed (update.c)
 *   update_hello_blackout      RS's count of the time hello's endpoint did
 *                              not answer during that update
 */
#include <axo/libc.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../bench.h"
#include "fsbench.h"

#define MIB	    (1024 * 1024)
#define CHUNK	    (64 * 1024)
#define PIPE_ROUNDS 200
#define FILE_PATH   "/tmp/fsbench.dat"

static char chunk[CHUNK];

_Noreturn void fsbench_fail(const char *what)
{
	printf("fsbench: %s failed\n", what);
	axo_poweroff(1);
	exit(1);
}

static void bench_devnull(void)
{
	char c;
	int fd = open("/dev/null", O_RDONLY);

	if (fd < 0)
		fsbench_fail("open /dev/null");
	for (int i = 0; i < BENCH_WARMUP; i++)
		read(fd, &c, 1);
	uint64_t t0 = bench_tsc();
	for (int i = 0; i < BENCH_ROUNDS; i++)
		read(fd, &c, 1);
	bench_report("vfs_read_devnull", bench_tsc() - t0, BENCH_ROUNDS);
	close(fd);
}

/* The child: echo each byte from in back on out until end of file. */
static _Noreturn void echo_child(int in, int out)
{
	char c;

	while (read(in, &c, 1) == 1)
		if (write(out, &c, 1) != 1)
			break;
	_exit(0);
}

static void bench_pipe(void)
{
	int to[2], from[2];
	char c = 'x';

	if (pipe(to) != 0 || pipe(from) != 0)
		fsbench_fail("pipe");
	pid_t pid = fork();
	if (pid < 0)
		fsbench_fail("fork");
	if (pid == 0) {
		close(to[1]);
		close(from[0]);
		echo_child(to[0], from[1]);
	}
	close(to[0]);
	close(from[1]);
	uint64_t t0 = 0;
	for (int i = 0; i < BENCH_WARMUP / 10 + PIPE_ROUNDS; i++) {
		if (i == BENCH_WARMUP / 10)
			t0 = bench_tsc();
		if (write(to[1], &c, 1) != 1 || read(from[0], &c, 1) != 1)
			fsbench_fail("pipe round trip");
	}
	bench_report("pipe_roundtrip", bench_tsc() - t0, PIPE_ROUNDS);
	close(to[1]);
	close(from[0]);
	waitpid(pid, NULL, 0);
}

static void bench_file(void)
{
	memset(chunk, 0x5a, sizeof(chunk));
	uint64_t t0 = bench_tsc();
	int fd = open(FILE_PATH, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		fsbench_fail("create " FILE_PATH);
	for (int done = 0; done < MIB; done += CHUNK)
		if (write(fd, chunk, CHUNK) != CHUNK)
			fsbench_fail("write");
	if (fsync(fd) != 0 || close(fd) != 0)
		fsbench_fail("fsync");
	bench_report("file_write_1mib", bench_tsc() - t0, 1);

	t0 = bench_tsc();
	if ((fd = open(FILE_PATH, O_RDONLY)) < 0)
		fsbench_fail("open " FILE_PATH);
	for (int done = 0; done < MIB; done += CHUNK)
		if (read(fd, chunk, CHUNK) != CHUNK)
			fsbench_fail("read");
	close(fd);
	bench_report("file_read_1mib", bench_tsc() - t0, 1);
	unlink(FILE_PATH);
}

int main(void)
{
	uint64_t boot = bench_tsc();

	printf("boot_to_shell: %llu ns\n", (unsigned long long)boot);
	bench_devnull();
	bench_pipe();
	bench_update_hello("update_hello");
	bench_recovery_hello("recovery_hello_restart");
	bench_recovery_hello_replica("recovery_hello_replica");
	bench_file();
	axo_poweroff(0);
}
