// SPDX-License-Identifier: BSD-2-Clause
/*
 * scriptloop: the shell-script part of the fault campaign's workload
 * (test/guest/campaign).  It writes a small script to DIR/campaign.sh,
 * then runs `/bin/sh DIR/campaign.sh DIR/sl` over and over, each run
 * reading the script from the disk again and making, copying, moving,
 * searching and removing files through pipes and redirections, and
 * compares what it printed and its exit status with what a run on a
 * quiet system gives.  Faults in the servers and drivers under it must
 * not show: a run that prints anything else, or ends otherwise, counts
 * as failed and its output is shown (the first few times).
 *
 * usage: scriptloop DIR [seconds]   (time limit, default 600; SIGTERM ends
 *                                    it after the current run)
 * At the end one line:
 *   scriptloop: runs R failed F
 * The exit status is 0 if F is 0, else 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../stop.h"

#define MAX_NOTES 5

/* $1 is the scratch directory, made and removed by each run. */
static const char script[] =
	"# the fault campaign's script (test/guest/scriptloop)\n"
	"mkdir $1\n"
	"echo one two three > $1/a\n"
	"cp $1/a $1/b && mv $1/b $1/c\n"
	"cat $1/a $1/c | wc -l\n"
	"grep -c two $1/c\n"
	"ls $1 | wc -w\n"
	"rm $1/a $1/c && rmdir $1 && echo done\n";

/* What a run prints: wc right-aligns its counts in 7 columns. */
static const char expected[] = "      2\n1\n      2\ndone\n";

struct tally {
	unsigned long runs, failed;
};

static struct tally t;

/* Put the script at path; 0 or -1. */
static int write_script(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0)
		return -1;
	ssize_t n = write(fd, script, sizeof(script) - 1);
	int r = close(fd);
	return n == (ssize_t)sizeof(script) - 1 && r == 0 ? 0 : -1;
}

/* Run the script once with its output into out; its wait status or -1. */
static int run_once(const char *path, const char *scratch, char *out,
		    size_t len)
{
	int fds[2], status;
	size_t got = 0;

	if (pipe(fds) != 0)
		return -1;
	pid_t pid = fork();
	if (pid == 0) {
		close(fds[0]);
		if (dup2(fds[1], 1) != 1 || dup2(fds[1], 2) != 2)
			_exit(126);
		close(fds[1]);
		execl("/bin/sh", "sh", path, scratch, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	while (pid > 0 && got < len - 1) {
		ssize_t n = read(fds[0], out + got, len - 1 - got);
		if (n > 0)
			got += (size_t)n;
		else if (n == 0 || errno != EINTR)
			break;
	}
	out[got] = '\0';
	close(fds[0]);
	if (pid < 0)
		return -1;
	while (waitpid(pid, &status, 0) != pid)
		if (errno != EINTR)
			return -1;
	return status;
}

/* Remove what a run that stopped half-way left in scratch. */
static void clean(const char *scratch)
{
	static const char *const names[] = { "a", "b", "c" };
	char path[160];

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", scratch, names[i]);
		unlink(path);
	}
	rmdir(scratch);
}

/* One run, checked; a failure is counted and shown. */
static void round_trip(const char *path, const char *scratch)
{
	char out[256];
	int status = run_once(path, scratch, out, sizeof(out));

	t.runs++;
	if (status == 0 && strcmp(out, expected) == 0)
		return;
	if (++t.failed <= MAX_NOTES)
		printf("scriptloop: run %lu: status %d, output \"%s\"\n",
		       t.runs, status, out);
	clean(scratch);
}

int main(int argc, char **argv)
{
	char path[128], scratch[128];

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: scriptloop DIR [seconds]\n");
		return 1;
	}
	snprintf(path, sizeof(path), "%s/campaign.sh", argv[1]);
	snprintf(scratch, sizeof(scratch), "%s/sl", argv[1]);
	if (stop_arm(stop_limit(argc > 2 ? argv[2] : NULL, 600)) != 0 ||
	    write_script(path) != 0) {
		perror("scriptloop");
		return 1;
	}
	while (!stop_requested)
		round_trip(path, scratch);
	printf("scriptloop: runs %lu failed %lu\n", t.runs, t.failed);
	return t.failed == 0 ? 0 : 1;
}
