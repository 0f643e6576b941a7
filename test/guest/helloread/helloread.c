// SPDX-License-Identifier: BSD-2-Clause
/*
 * helloread: a client of /dev/hello for the recovery stress scenario
 * (test/boot/recovery_stress.py).  It reads the device over and over
 * (seek to 0, read, check the text is exactly the greeting) while hello
 * is crashed and restarted under it.  A crash makes the open file stale:
 * its next operation fails with EIO, which is counted, and the device is
 * opened again.  Any other error, and any wrong text, is counted apart.
 *
 * usage: helloread [seconds]   (time limit, default 600; SIGTERM ends
 *                               it earlier)
 * At the end one line:
 *   helloread: reads R eio E other O wrong W
 * and the exit status is 0 if O and W are both 0, else 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../stop.h"

#define DEVICE	  "/dev/hello"
#define GREETING  "Hello, World!\n"
#define MAX_NOTES 5 /* errors described one by one; then only counted */

struct tally {
	unsigned long reads; /* the exact greeting */
	unsigned long eio;   /* stale after a crash: reopened */
	unsigned long other; /* any other failure */
	unsigned long wrong; /* a read that returned something else */
};

/* Describe one unexpected event, the first few times. */
static void note(const struct tally *t, const char *what, int err)
{
	if (t->other + t->wrong <= MAX_NOTES)
		printf("helloread: %s: %s\n", what,
		       err ? strerror(err) : "unexpected text");
}

/* One read from offset 0 of fd, judged; fd becomes -1 after an EIO. */
static void read_once(int *fd, struct tally *t)
{
	char buf[64];

	if (lseek(*fd, 0, SEEK_SET) != 0) {
		if (errno == EINTR && stop_requested)
			return;
		t->other++;
		note(t, "lseek", errno);
		return;
	}
	ssize_t n = read(*fd, buf, sizeof(buf));
	if (n < 0 && errno == EIO) {
		t->eio++;
		close(*fd);
		*fd = -1;
	} else if (n < 0) {
		if (errno == EINTR && stop_requested)
			return;
		t->other++;
		note(t, "read", errno);
	} else if ((size_t)n != strlen(GREETING) ||
		   memcmp(buf, GREETING, (size_t)n) != 0) {
		t->wrong++;
		note(t, "read", 0);
	} else {
		t->reads++;
	}
}

int main(int argc, char **argv)
{
	struct tally t = { 0 };
	int fd = -1;

	if (stop_arm(stop_limit(argc > 1 ? argv[1] : NULL, 600)) != 0) {
		perror("helloread: sigaction");
		return 1;
	}
	while (!stop_requested) {
		if (fd < 0 && (fd = open(DEVICE, O_RDONLY)) < 0) {
			if (errno == EINTR && stop_requested)
				break;
			t.other++;
			note(&t, "open " DEVICE, errno);
			sleep(1); /* not there: do not spin on it */
			continue;
		}
		read_once(&fd, &t);
	}
	printf("helloread: reads %lu eio %lu other %lu wrong %lu\n", t.reads,
	       t.eio, t.other, t.wrong);
	return t.other == 0 && t.wrong == 0 ? 0 : 1;
}
