// SPDX-License-Identifier: BSD-2-Clause
/*
 * sh: the Axolotl shell.  Usage:
 *
 *	sh                  commands from stdin; interactive if it is a tty
 *	sh file [arg...]    a script, with $0 = file and $1... = args
 *	sh -c cmds [name [arg...]]
 *
 * Reads a line at a time and runs it.  Interactive, it prints the
 * prompt "# ", reaps finished background jobs before each prompt, does
 * job control and ignores ^C and ^\ itself.  Standard input is read a
 * byte at a time so that commands started by the shell see the rest of
 * it.  The exit status is that of the last command run.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

extern char **environ;

struct shell shell;

/* A source of input lines. */
struct reader {
	int fd;
	bool buffered; /* read ahead: only for a descriptor of our own */
	char buf[512];
	size_t pos;
	size_t len;
};

/* One byte from r; -1 at end of input or on a read error. */
static int read_byte(struct reader *r)
{
	if (r->pos == r->len) {
		ssize_t n;
		do
			n = read(r->fd, r->buf,
				 r->buffered ? sizeof(r->buf) : 1);
		while (n < 0 && errno == EINTR);
		if (n < 0) {
			fprintf(stderr, "sh: read: %s\n", strerror(errno));
			shell.last_status = 2;
		}
		if (n <= 0)
			return -1;
		r->pos = 0;
		r->len = (size_t)n;
	}
	return (unsigned char)r->buf[r->pos++];
}

/* The next line without its newline (caller frees), NULL at the end. */
static char *read_line(struct reader *r)
{
	struct buf b = { 0 };
	int c;

	while ((c = read_byte(r)) >= 0 && c != '\n')
		buf_addc(&b, (char)c);
	if (c < 0 && b.len == 0) {
		free(b.s);
		return NULL;
	}
	return buf_take(&b);
}

/* Lex, parse and run text (may hold several lines); returns $?. */
int sh_run_string(const char *text)
{
	struct toklist tl = { 0 };
	struct item *list;

	if (lex_line(text, &tl)) {
		shell.last_status = 2;
		return 2;
	}
	if (parse_tokens(&tl, &list)) {
		toklist_free(&tl);
		shell.last_status = 2;
		return 2;
	}
	toklist_free(&tl);
	exec_list(list);
	ast_free(list);
	return shell.last_status;
}

/* Read and run lines from r until its end. */
static void run_input(struct reader *r)
{
	for (;;) {
		jobs_reap(shell.interactive);
		if (shell.interactive) {
			fputs("# ", stderr);
			fflush(stderr);
		}
		char *line = read_line(r);
		if (line == NULL)
			break;
		sh_run_string(line);
		free(line);
	}
	if (shell.interactive)
		fputc('\n', stderr);
}

/* An interactive shell: its own process group, the tty, no ^C. */
static void job_control_init(void)
{
	static const int ignored[] = { SIGINT, SIGQUIT, SIGTSTP, SIGTTIN,
				       SIGTTOU };

	for (size_t i = 0; i < sizeof(ignored) / sizeof(ignored[0]); i++)
		signal(ignored[i], SIG_IGN);
	setpgid(0, 0);
	shell.pgid = getpgrp();
	tcsetpgrp(STDIN_FILENO, shell.pgid);
}

/* Open a script for reading; exits 127 with a message on failure. */
static int open_script(const char *path)
{
	int fd = open(path, O_RDONLY);

	if (fd < 0) {
		fprintf(stderr, "sh: cannot open %s: %s\n", path,
			strerror(errno));
		exit(127);
	}
	return fd;
}

/*
 * Run the script argv[0] with positional parameters argv[1...] in this
 * process, non-interactively; its exit status.  Exits 127 with a
 * message if it cannot be opened.
 */
int sh_run_file(int argc, char **argv)
{
	struct reader r = { .buffered = true };

	if (shell.input_fd > STDIN_FILENO)
		close(shell.input_fd);
	r.fd = shell.input_fd = open_script(argv[0]);
	shell.interactive = false;
	shell.argc = argc;
	shell.argv = argv;
	shell.last_status = 0;
	run_input(&r);
	close(r.fd);
	fflush(NULL);
	return shell.last_status;
}

int main(int argc, char **argv)
{
	static char *default_argv0[] = { "sh", NULL };
	struct reader r = { .fd = STDIN_FILENO };

	shell.pid = getpid();
	shell.input_fd = STDIN_FILENO;
	vars_import(environ);
	if (argc > 1 && strcmp(argv[1], "-c") == 0) {
		if (argc < 3) {
			fputs("sh: -c: option requires an argument\n", stderr);
			return 2;
		}
		shell.argc = argc > 3 ? argc - 3 : 1;
		shell.argv = argc > 3 ? argv + 3 : default_argv0;
		sh_run_string(argv[2]);
		fflush(NULL);
		return shell.last_status;
	}
	if (argc > 1 && argv[1][0] == '-' && argv[1][1] != '\0') {
		fprintf(stderr, "sh: %s: unknown option\n", argv[1]);
		return 2;
	}
	if (argc > 1)
		return sh_run_file(argc - 1, argv + 1);
	shell.argc = 1;
	shell.argv = argv;
	shell.interactive = isatty(STDIN_FILENO);
	if (shell.interactive)
		job_control_init();
	run_input(&r);
	fflush(NULL);
	return shell.last_status;
}
