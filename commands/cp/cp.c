// SPDX-License-Identifier: BSD-2-Clause
/*
 * cp src dst, cp src... dir: copy regular files.  The copy gets the
 * source's permission bits.  Directories are refused (there is no -r).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* Write all of buf; 0 or -1 with errno. */
static int write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Copy descriptor in to out; 0, or the path that failed with errno. */
static const char *copy_data(int in, int out, const char *src, const char *dst)
{
	char buf[4096];
	ssize_t n;

	while ((n = read(in, buf, sizeof(buf))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return src;
		if (write_all(out, buf, (size_t)n))
			return dst;
	}
	return NULL;
}

/* Copy one file; 0, or 1 after a message. */
static int copy_file(const char *src, const char *dst)
{
	struct stat ss, ds;
	const char *bad = src;
	int in = open(src, O_RDONLY), out = -1;

	if (in < 0 || fstat(in, &ss) < 0)
		goto fail;
	if (S_ISDIR(ss.st_mode)) {
		fprintf(stderr, "cp: %s: is a directory (not copied)\n", src);
		close(in);
		return 1;
	}
	if (stat(dst, &ds) == 0 && ds.st_dev == ss.st_dev &&
	    ds.st_ino == ss.st_ino) {
		fprintf(stderr, "cp: %s and %s are the same file\n", src, dst);
		close(in);
		return 1;
	}
	bad = dst;
	out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, ss.st_mode & 0777);
	if (out < 0)
		goto fail;
	bad = copy_data(in, out, src, dst);
	if (bad != NULL)
		goto fail;
	close(in);
	if (close(out) < 0) {
		bad = dst;
		out = in = -1;
		goto fail;
	}
	return 0;
fail:
	fprintf(stderr, "cp: %s: %s\n", bad, strerror(errno));
	if (in >= 0)
		close(in);
	if (out >= 0)
		close(out);
	return 1;
}

int main(int argc, char **argv)
{
	struct stat st;
	int status = 0;

	if (argc < 3) {
		fputs("usage: cp src dst | cp src... dir\n", stderr);
		return 2;
	}
	const char *last = argv[argc - 1];
	int is_dir = stat(last, &st) == 0 && S_ISDIR(st.st_mode);
	if (!is_dir) {
		if (argc > 3) {
			fprintf(stderr, "cp: %s: not a directory\n", last);
			return 1;
		}
		return copy_file(argv[1], last);
	}
	for (int i = 1; i < argc - 1; i++) {
		size_t len = strlen(last) + strlen(base_name(argv[i])) + 2;
		char *dst = malloc(len);
		if (dst == NULL) {
			fputs("cp: out of memory\n", stderr);
			return 1;
		}
		snprintf(dst, len, "%s/%s", last, base_name(argv[i]));
		status |= copy_file(argv[i], dst);
		free(dst);
	}
	return status;
}
