// SPDX-License-Identifier: BSD-2-Clause
/*
 * Pipes between forked processes (data, EOF when the writer closes,
 * EPIPE and SIGPIPE when no one reads) and dup/dup2 redirection.
 */
#include "fstest.h"

#define PIPE_BYTES (64 * 1024) /* more than a pipe holds at once */

static void pipe_carries_data_between_forked_processes_then_eof(void)
{
	int p[2];
	static unsigned char buf[PIPE_BYTES + 1];

	expect_ok(pipe(p));
	fflush(stdout);
	pid_t pid = fork();
	expect_ok(pid);
	if (pid == 0) {
		close(p[0]);
		for (int i = 0; i < PIPE_BYTES; i++)
			buf[i] = (unsigned char)(i * 7 + 3);
		for (int off = 0; off < PIPE_BYTES;) {
			ssize_t w = write(p[1], buf + off, PIPE_BYTES - off);
			if (w <= 0)
				_exit(3);
			off += (int)w;
		}
		_exit(0);
	}
	expect_ok(close(p[1]));
	size_t got = 0;
	for (;;) {
		size_t room = PIPE_BYTES + 1 - got;
		ssize_t n = read(p[0], buf + got, room < 4096 ? room : 4096);
		expect_ok(n);
		if (n == 0)
			break; /* EOF: the writer is gone */
		got += (size_t)n;
		expect_true(got <= PIPE_BYTES);
	}
	expect_eq(PIPE_BYTES, got);
	for (int i = 0; i < PIPE_BYTES; i++)
		if (buf[i] != (unsigned char)(i * 7 + 3))
			case_fail_msg(__LINE__, "byte %d: 0x%02x", i, buf[i]);
	int status = case_wait(pid);
	expect_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	expect_eq(0, read(p[0], buf, 1)); /* still EOF */
}

static void write_with_no_reader_raises_sigpipe(void)
{
	int p[2];

	expect_ok(pipe(p));
	expect_ok(close(p[0]));
	fflush(stdout);
	pid_t pid = fork();
	expect_ok(pid);
	if (pid == 0) {
		signal(SIGPIPE, SIG_DFL);
		write(p[1], "x", 1);
		_exit(0); /* not reached if SIGPIPE is delivered */
	}
	int status = case_wait(pid);
	expect_true(WIFSIGNALED(status));
	expect_eq(SIGPIPE, WTERMSIG(status));
}

static void write_with_no_reader_ignoring_sigpipe_is_epipe(void)
{
	int p[2];

	signal(SIGPIPE, SIG_IGN);
	expect_ok(pipe(p));
	expect_ok(close(p[0]));
	expect_errno(EPIPE, write(p[1], "x", 1));
}

static void reader_gone_mid_stream_gives_epipe_to_writer(void)
{
	int p[2];
	char buf[512];

	signal(SIGPIPE, SIG_IGN);
	expect_ok(pipe(p));
	fflush(stdout);
	pid_t pid = fork();
	expect_ok(pid);
	if (pid == 0) {
		close(p[1]);
		_exit(read(p[0], buf, 1) == 1 ? 0 : 3); /* one byte, then go */
	}
	expect_ok(close(p[0]));
	memset(buf, 'z', sizeof(buf));
	ssize_t w;
	long total = 0;
	do {
		errno = 0;
		w = write(p[1], buf, sizeof(buf));
		total += w > 0 ? w : 0;
	} while (w > 0 && total < 1024 * 1024);
	expect_eq(-1, w);
	expect_eq(EPIPE, errno);
	int status = case_wait(pid);
	expect_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static void dup2_redirects_stdout_of_a_child_to_a_file(void)
{
	fflush(stdout);
	pid_t pid = fork();
	expect_ok(pid);
	if (pid == 0) {
		int fd = open("out", O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd < 0 || dup2(fd, 1) != 1 || close(fd) != 0)
			_exit(3);
		if (write(1, "to the file\n", 12) != 12)
			_exit(4);
		_exit(0);
	}
	int status = case_wait(pid);
	expect_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	EXPECT_FILE("out", "to the file\n");
}

static void dup_shares_the_file_offset(void)
{
	int fd = open("f", O_RDWR | O_CREAT, 0644);
	expect_ok(fd);
	int fd2 = dup(fd);
	expect_ok(fd2);
	expect_true(fd2 != fd);
	expect_eq(3, write(fd, "abc", 3));
	expect_eq(3, lseek(fd2, 0, SEEK_CUR));
	expect_eq(3, write(fd2, "def", 3));
	expect_ok(close(fd));
	expect_eq(6, lseek(fd2, 0, SEEK_CUR));
	expect_ok(close(fd2));
	EXPECT_FILE("f", "abcdef");
	int a = open("f", O_RDONLY);
	expect_ok(a);
	expect_eq(a, dup2(a, a)); /* dup2 onto itself: a no-op */
	expect_ok(close(a));
}

static void dup2_onto_an_open_fd_closes_it_first(void)
{
	put_file("a", "A");
	put_file("b", "B");
	int fa = open("a", O_RDONLY), fb = open("b", O_RDONLY);
	expect_ok(fa);
	expect_ok(fb);
	expect_eq(fb, dup2(fa, fb));
	char c = 0;
	expect_eq(1, read(fb, &c, 1));
	expect_eq('A', c);
	expect_eq(0, read(fa, &c, 1)); /* shared offset: at the end */
}

const struct test_case pipe_tests[] = {
	{ "pipe_carries_64k_between_forked_processes_then_eof",
	  pipe_carries_data_between_forked_processes_then_eof },
	{ "pipe_write_with_no_reader_raises_sigpipe",
	  write_with_no_reader_raises_sigpipe },
	{ "pipe_write_with_no_reader_ignoring_sigpipe_is_epipe",
	  write_with_no_reader_ignoring_sigpipe_is_epipe },
	{ "pipe_reader_gone_mid_stream_gives_epipe",
	  reader_gone_mid_stream_gives_epipe_to_writer },
	{ "dup2_redirects_stdout_of_a_child_to_a_file",
	  dup2_redirects_stdout_of_a_child_to_a_file },
	{ "dup_shares_the_file_offset", dup_shares_the_file_offset },
	{ "dup2_onto_an_open_fd_closes_it_first",
	  dup2_onto_an_open_fd_closes_it_first },
	{ NULL, NULL },
};
