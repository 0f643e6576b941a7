// SPDX-License-Identifier: BSD-2-Clause
/*
 * The campaign's workload and probes.  The workload runs in the
 * background for the whole campaign: /test/helloread reads /dev/hello
 * over and over, /test/copyloop writes, copies and checks files on the
 * root disk, /test/scriptloop runs a shell script and checks what it
 * prints (all three in test/guest; their summaries go to files in /tmp).
 * A probe is one client operation right after a fault, so that each log
 * line says what a client saw then.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <axo/libc.h>

#include "campaign.h"

#define GREETING "Hello, World!\n"

static const struct program {
	const char *out;
	char *const argv[4];
} programs[] = {
	{ "/tmp/helloread.out", { "/test/helloread", "1000000", NULL } },
	{ "/tmp/copyloop.out", { "/test/copyloop", "/tmp", "1000000", NULL } },
	{ "/tmp/scriptloop.out",
	  { "/test/scriptloop", "/tmp", "1000000", NULL } },
};

#define N_PROGRAMS (sizeof(programs) / sizeof(programs[0]))

static pid_t pids[N_PROGRAMS];

/* Fork and exec p with its output in p->out; its pid or -1. */
static pid_t spawn(const struct program *p)
{
	pid_t pid = fork();

	if (pid != 0)
		return pid;
	int fd = open(p->out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || dup2(fd, 1) != 1 || dup2(fd, 2) != 2)
		_exit(126);
	close(fd);
	execv(p->argv[0], p->argv);
	_exit(127);
}

int workload_start(void)
{
	for (size_t i = 0; i < N_PROGRAMS; i++)
		if ((pids[i] = spawn(&programs[i])) < 0)
			return -1;
	return 0;
}

/* The summary line of p's output, logged; false if there is none. */
static bool log_summary(const struct program *p, unsigned long long *lost,
			unsigned long *errors)
{
	char line[160];
	unsigned long long rounds, bytes, nlost;
	unsigned long a, b, c;
	bool found = false;
	FILE *f = fopen(p->out, "r");

	if (f == NULL)
		return false;
	while (fgets(line, sizeof(line), f) != NULL) {
		log_line("workload %s", line);
		if (sscanf(line,
			   "helloread: reads %llu eio %lu other %lu "
			   "wrong %lu",
			   &rounds, &a, &b, &c) == 4) {
			*errors += b + c;
			found = true;
		} else if (sscanf(line,
				  "copyloop: rounds %llu bytes %llu "
				  "mismatches %lu errors %lu lost %llu",
				  &rounds, &bytes, &a, &b, &nlost) == 5) {
			*errors += b;
			*lost += nlost;
			found = true;
		} else if (sscanf(line, "scriptloop: runs %llu failed %lu",
				  &rounds, &a) == 2) {
			*errors += a;
			found = true;
		}
	}
	fclose(f);
	return found;
}

bool workload_stop(unsigned long long *lost, unsigned long *errors)
{
	bool all = true;
	int status;

	for (size_t i = 0; i < N_PROGRAMS; i++)
		if (pids[i] > 0)
			kill(pids[i], SIGTERM);
	for (size_t i = 0; i < N_PROGRAMS; i++)
		if (pids[i] > 0)
			waitpid(pids[i], &status, 0);
	for (size_t i = 0; i < N_PROGRAMS; i++)
		all &= log_summary(&programs[i], lost, errors);
	return all;
}

/* The name of errno e for a log line. */
static const char *err_name(int e)
{
	switch (e) {
	case EIO:
		return "EIO";
	case ENXIO:
		return "ENXIO";
	case EINTR:
		return "EINTR";
	case ENOENT:
		return "ENOENT";
	case ENODEV:
		return "ENODEV";
	default: {
		static char name[16];
		snprintf(name, sizeof(name), "errno%d", e);
		return name;
	}
	}
}

/* Read /dev/hello once. */
static const char *probe_hello(void)
{
	char buf[32];
	int fd = open("/dev/hello", O_RDONLY);

	if (fd < 0)
		return err_name(errno);
	ssize_t n = read(fd, buf, sizeof(buf));
	int e = errno;
	close(fd);
	if (n < 0)
		return err_name(e);
	if ((size_t)n != strlen(GREETING) || memcmp(buf, GREETING, n) != 0)
		return "wrong";
	return "ok";
}

/* Write a small file and read it back. */
static const char *probe_file(void)
{
	static const char text[] = "campaign probe\n";
	char buf[sizeof(text)];
	int fd = open("/tmp/campaign.probe", O_RDWR | O_CREAT | O_TRUNC, 0644);

	if (fd < 0)
		return err_name(errno);
	ssize_t w = write(fd, text, sizeof(text));
	ssize_t r = w == (ssize_t)sizeof(text) && lseek(fd, 0, SEEK_SET) == 0 ?
			    read(fd, buf, sizeof(buf)) :
			    -1;
	int e = errno;
	close(fd);
	if (r < 0)
		return err_name(e);
	return r == (ssize_t)sizeof(text) && memcmp(buf, text, r) == 0 ?
		       "ok" :
		       "wrong";
}

/* Fork a child that exits at once, and reap it (PM and VM). */
static const char *probe_fork(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(7);
	if (pid < 0)
		return err_name(errno);
	if (waitpid(pid, &status, 0) != pid)
		return err_name(errno);
	return WIFEXITED(status) && WEXITSTATUS(status) == 7 ? "ok" : "wrong";
}

/* Open and close the console (the tty driver). */
static const char *probe_tty(void)
{
	int fd = open("/dev/console", O_WRONLY | O_NOCTTY);

	if (fd < 0)
		return err_name(errno);
	close(fd);
	return "ok";
}

const char *probe(const char *label)
{
	if (strcmp(label, "hello") == 0)
		return probe_hello();
	if (strcmp(label, "tty") == 0)
		return probe_tty();
	if (strcmp(label, "pm") == 0 || strcmp(label, "vm") == 0 ||
	    strcmp(label, "rs") == 0)
		return probe_fork();
	return probe_file(); /* ata, ext2, vfs, ds (drivers are found in DS) */
}
