// SPDX-License-Identifier: BSD-2-Clause
/*
 * copyloop: a file workload for the recovery stress scenario
 * (test/boot/recovery_stress.py), run while the disk driver is crashed
 * and restarted under the file system.  Each round writes a file of
 * pseudo-random size and content (xorshift32, seeded by the round),
 * copies it with read/write, reads both back and compares their length
 * and FNV-1a checksum with those of the content it wrote, then deletes
 * both.  Files are 16 to 128 KiB, larger than ext2's 64-block cache, so
 * the data really goes to and comes from the disk; fsync after each
 * write makes sure of it.
 *
 * usage: copyloop DIR [seconds]   (time limit, default 600; SIGTERM ends
 *                                  it after the current round)
 * At the end one line:
 *   copyloop: rounds R bytes B mismatches M errors E lost L
 * B counts the bytes read back and found right, L the bytes of the files
 * read back wrong (the fault campaign's "bytes lost"); the exit status is 0 if
 * M and E are both 0, else 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../prng.h"
#include "../stop.h"

#define MIN_SIZE  (16u * 1024)
#define MAX_SIZE  (128u * 1024)
#define CHUNK	  3000 /* not a block multiple: transfers straddle blocks */
#define MAX_NOTES 5

struct tally {
	unsigned long rounds;	  /* rounds run */
	unsigned long long bytes; /* read back and right */
	unsigned long mismatches; /* files read back wrong */
	unsigned long errors;	  /* failed calls */
	unsigned long long lost;  /* in files read back wrong */
};

static struct tally t;
static char buf[CHUNK];

/*
 * A failed call on path: counted and described (the first few times),
 * unless it was a signal ending the run.  Returns -1 for the caller.
 */
static int failed(const char *what, const char *path)
{
	if (errno == EINTR && stop_requested)
		return -1;
	if (++t.errors <= MAX_NOTES)
		printf("copyloop: %s %s: %s\n", what, path, strerror(errno));
	return -1;
}

/* Write size bytes of the stream seeded by seed to path; its checksum. */
static int write_file(const char *path, uint32_t seed, uint32_t size,
		      uint32_t *sum)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0)
		return failed("create", path);
	*sum = FNV_OFFSET;
	for (uint32_t done = 0; done < size;) {
		size_t n = size - done < CHUNK ? size - done : CHUNK;
		for (size_t i = 0; i < n; i++)
			buf[i] = (char)xorshift(&seed);
		*sum = fnv(*sum, buf, n);
		if (write(fd, buf, n) != (ssize_t)n) {
			close(fd);
			return failed("write", path);
		}
		done += (uint32_t)n;
	}
	if (fsync(fd) != 0) {
		close(fd);
		return failed("fsync", path);
	}
	return close(fd) == 0 ? 0 : failed("close", path);
}

/* Copy from to to with read and write; 0 or -1. */
static int copy_file(const char *from, const char *to)
{
	int in = open(from, O_RDONLY), out = -1;
	ssize_t n;

	if (in < 0)
		return failed("open", from);
	if ((out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0644)) < 0) {
		close(in);
		return failed("create", to);
	}
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, (size_t)n) != n)
			break;
	int r = n < 0		? failed("read", from) :
		n > 0		? failed("write", to) :
		fsync(out) != 0 ? failed("fsync", to) :
				  0;
	close(in);
	if (close(out) != 0 && r == 0)
		r = failed("close", to);
	return r;
}

/* Read path back; count it right (its bytes) or a mismatch. */
static int verify_file(const char *path, uint32_t size, uint32_t sum)
{
	int fd = open(path, O_RDONLY);
	uint32_t got = FNV_OFFSET, len = 0;
	ssize_t n;

	if (fd < 0)
		return failed("open", path);
	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		got = fnv(got, buf, (size_t)n);
		len += (uint32_t)n;
	}
	close(fd);
	if (n < 0)
		return failed("read", path);
	if (len != size || got != sum) {
		t.lost += size;
		if (++t.mismatches <= MAX_NOTES)
			printf("copyloop: %s: %u bytes, checksum %08x; "
			       "wrote %u bytes, checksum %08x\n",
			       path, len, got, size, sum);
		return -1;
	}
	t.bytes += size;
	return 0;
}

/* One round: write, copy, verify both, delete both. */
static void round_trip(const char *dir, unsigned long round)
{
	char src[256], dst[256];
	uint32_t seed = 0x9e3779b9u * (uint32_t)(round + 1) | 1, sum = 0;
	uint32_t size = MIN_SIZE + xorshift(&seed) % (MAX_SIZE - MIN_SIZE);

	snprintf(src, sizeof(src), "%s/copyloop.src", dir);
	snprintf(dst, sizeof(dst), "%s/copyloop.dst", dir);
	if (write_file(src, seed, size, &sum) == 0 &&
	    copy_file(src, dst) == 0) {
		verify_file(src, size, sum);
		verify_file(dst, size, sum);
	}
	if (unlink(src) != 0 && errno != ENOENT)
		failed("unlink", src);
	if (unlink(dst) != 0 && errno != ENOENT)
		failed("unlink", dst);
	t.rounds++;
}

int main(int argc, char **argv)
{
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: copyloop DIR [seconds]\n");
		return 1;
	}
	if (stop_arm(stop_limit(argc > 2 ? argv[2] : NULL, 600)) != 0) {
		perror("copyloop: sigaction");
		return 1;
	}
	for (unsigned long round = 0; !stop_requested; round++)
		round_trip(argv[1], round);
	printf("copyloop: rounds %lu bytes %llu mismatches %lu errors %lu "
	       "lost %llu\n",
	       t.rounds, t.bytes, t.mismatches, t.errors, t.lost);
	return t.mismatches == 0 && t.errors == 0 ? 0 : 1;
}
