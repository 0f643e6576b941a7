// SPDX-License-Identifier: BSD-2-Clause
/*
 * sh: execution.  exec_list() runs a parsed list: and-or chains with
 * their short-circuit, pipelines of any length, background jobs.  Words
 * are expanded in the shell just before each command is started.  A
 * lone builtin in the foreground runs in the shell itself with its
 * redirections undone afterwards; anywhere else it runs in a child.
 *
 * With job control (an interactive shell) each job gets its own process
 * group and, in the foreground, the terminal; children get the default
 * actions for the signals the shell ignores.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"

/* A command with its words expanded. */
struct prepared {
	struct strvec argv;
	struct strvec assigns; /* NAME=value, values expanded */
};

/* A descriptor saved around an in-shell builtin. */
struct saved_fd {
	int fd;
	int copy; /* -1: fd was closed before */
};

#define MAX_SAVED 10

static void prepared_free(struct prepared *pc)
{
	strvec_free(&pc->argv);
	strvec_free(&pc->assigns);
}

/* Expand c's words; -1 after a message on a bad substitution. */
static int prepare(const struct command *c, struct prepared *pc)
{
	size_t i = 0;

	*pc = (struct prepared){ 0 };
	for (; i < c->words.n && is_assignment(c->words.v[i]); i++) {
		const char *raw = c->words.v[i];
		const char *eq = strchr(raw, '=');
		char *value = expand_single(eq + 1);
		if (value == NULL)
			return -1;
		struct buf b = { 0 };
		for (const char *s = raw; s <= eq; s++)
			buf_addc(&b, *s);
		buf_adds(&b, value);
		free(value);
		strvec_push(&pc->assigns, buf_take(&b));
	}
	for (; i < c->words.n; i++)
		if (expand_word(c->words.v[i], &pc->argv))
			return -1;
	return 0;
}

/* Open target for r; the new descriptor or -1 after a message. */
static int open_target(const struct redir *r, const char *target)
{
	int flags = r->kind == R_IN	? O_RDONLY :
		    r->kind == R_APPEND ? O_WRONLY | O_CREAT | O_APPEND :
					  O_WRONLY | O_CREAT | O_TRUNC;
	int fd = open(target, flags, 0666);

	if (fd < 0)
		fprintf(stderr, "sh: cannot open %s: %s\n", target,
			strerror(errno));
	return fd;
}

/* Perform one redirection; 0, or -1 after a message. */
static int redirect_one(const struct redir *r)
{
	char *target = expand_single(r->target);
	int err = 0;

	if (target == NULL)
		return -1;
	if (r->kind == R_DUP && strcmp(target, "-") == 0) {
		close(r->fd);
	} else if (r->kind == R_DUP) {
		char *end;
		long from = strtol(target, &end, 10);
		if (*target == '\0' || *end != '\0' || from < 0 ||
		    (from != r->fd && dup2((int)from, r->fd) < 0)) {
			fprintf(stderr, "sh: %s: bad file descriptor\n",
				target);
			err = -1;
		}
	} else {
		int fd = open_target(r, target);
		if (fd < 0) {
			err = -1;
		} else if (fd != r->fd) {
			if (dup2(fd, r->fd) < 0) {
				fprintf(stderr, "sh: %d: %s\n", r->fd,
					strerror(errno));
				err = -1;
			}
			close(fd);
		}
	}
	free(target);
	return err;
}

/*
 * Apply a command's redirections in order; if saved is not NULL, first
 * record each descriptor touched so restore_fds() can undo them.
 * Returns 0, or -1 after a message.
 */
static int redirect(const struct redir *r, struct saved_fd *saved,
		    size_t *nsaved)
{
	for (; r != NULL; r = r->next) {
		if (saved != NULL) {
			if (*nsaved == MAX_SAVED) {
				fputs("sh: too many redirections\n", stderr);
				return -1;
			}
			saved[*nsaved].fd = r->fd;
			saved[(*nsaved)++].copy = fcntl(r->fd, F_DUPFD, 10);
		}
		if (redirect_one(r))
			return -1;
	}
	return 0;
}

/* Undo redirect(), last first. */
static void restore_fds(struct saved_fd *saved, size_t nsaved)
{
	while (nsaved-- > 0) {
		if (saved[nsaved].copy >= 0) {
			dup2(saved[nsaved].copy, saved[nsaved].fd);
			close(saved[nsaved].copy);
		} else {
			close(saved[nsaved].fd);
		}
	}
}

/* Run a builtin in the shell process, with its redirections. */
static int run_builtin_here(builtin_fn *fn, const struct command *c,
			    struct prepared *pc)
{
	struct saved_fd saved[MAX_SAVED];
	size_t nsaved = 0;
	int status = 1;

	if (redirect(c->redirs, saved, &nsaved) == 0)
		status = fn((int)pc->argv.n, pc->argv.v);
	fflush(stdout);
	fflush(stderr);
	restore_fds(saved, nsaved);
	return status;
}

/*
 * Search PATH for argv[0] (unless it holds a '/') and execve it.
 * Never returns: exits 127 with "sh: x: not found", 126 if it exists
 * but cannot be run.  A file the kernel will not run (ENOEXEC) is run
 * as a script by this process, a child of the shell.
 */
void exec_command_path(char **argv, char **envp)
{
	const char *name = argv[0];
	int err = ENOENT;

	if (strchr(name, '/') != NULL) {
		execve(name, argv, envp);
		err = errno;
	} else {
		const char *path = var_get("PATH");
		if (path == NULL)
			path = "/bin:/usr/bin";
		while (*name != '\0') {
			size_t len = strcspn(path, ":");
			struct buf b = { 0 };
			if (len == 0)
				buf_addc(&b, '.');
			for (size_t i = 0; i < len; i++)
				buf_addc(&b, path[i]);
			buf_addc(&b, '/');
			buf_adds(&b, name);
			execve(b.s, argv, envp);
			if (errno != ENOENT && errno != ENOTDIR)
				err = errno;
			free(b.s);
			if (path[len] == '\0')
				break;
			path += len + 1;
		}
	}
	if (err == ENOEXEC) {
		int argc = 0;
		while (argv[argc] != NULL)
			argc++;
		_exit(sh_run_file(argc, argv));
	}
	if (err == ENOENT || err == ENOTDIR) {
		fprintf(stderr, "sh: %s: not found\n", name);
		_exit(127);
	}
	fprintf(stderr, "sh: %s: %s\n", name, strerror(err));
	_exit(126);
}

/*
 * In a new child: process group, terminal and signal actions.  ^C and
 * ^\ get their default actions back (a background job without job
 * control ignores them); the stop signals stay ignored, as there is no
 * fg/bg to resume a stopped job.
 */
static void child_setup(pid_t pgid, bool bg)
{
	void (*action)(int) = SIG_DFL;

	if (shell.interactive) {
		setpgid(0, pgid);
		if (!bg)
			tcsetpgrp(STDIN_FILENO, getpgrp());
	} else if (bg) {
		action = SIG_IGN;
	}
	signal(SIGINT, action);
	signal(SIGQUIT, action);
	if (shell.input_fd > STDIN_FILENO)
		close(shell.input_fd);
}

/* The body of a pipeline's child; never returns. */
static void child_command(const struct command *c, struct prepared *pc, int in,
			  int out)
{
	if (in != STDIN_FILENO) {
		dup2(in, STDIN_FILENO);
		close(in);
	}
	if (out != STDOUT_FILENO) {
		dup2(out, STDOUT_FILENO);
		close(out);
	}
	if (redirect(c->redirs, NULL, NULL))
		_exit(1);
	if (pc->argv.n == 0)
		_exit(0);
	builtin_fn *fn = builtin_find(pc->argv.v[0]);
	if (fn != NULL) {
		int status = fn((int)pc->argv.n, pc->argv.v);
		fflush(stdout);
		fflush(stderr);
		_exit(status);
	}
	exec_command_path(pc->argv.v, vars_environ(&pc->assigns));
}

/* A background job without job control reads /dev/null, not the tty. */
static void background_stdin(void)
{
	int fd = open("/dev/null", O_RDONLY);

	if (fd > STDIN_FILENO) {
		dup2(fd, STDIN_FILENO);
		close(fd);
	}
}

/*
 * Start one command of a pipeline in a child reading in and writing out;
 * spare (if >= 0) is the read end of the next pipe, which the child
 * closes.  Returns the child's pid, or -1 after a message.
 */
static pid_t start_child(const struct command *c, struct prepared *pc, int in,
			 int out, int spare, pid_t pgid, bool bg)
{
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		fprintf(stderr, "sh: fork: %s\n", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		child_setup(pgid, bg);
		if (spare >= 0)
			close(spare);
		if (bg && !shell.interactive && in == STDIN_FILENO)
			background_stdin();
		child_command(c, pc, in, out);
	}
	if (shell.interactive)
		setpgid(pid, pgid ? pgid : pid);
	return pid;
}

/* Wait for the foreground pids; the status of the last one. */
static int wait_foreground(const pid_t *pids, size_t n)
{
	int status = 0;

	for (size_t i = 0; i < n; i++) {
		int ws;
		while (waitpid(pids[i], &ws, 0) < 0 && errno == EINTR)
			;
		status = status_of(ws);
		if (shell.interactive && WIFSIGNALED(ws) && i == n - 1 &&
		    WTERMSIG(ws) == SIGINT)
			fputc('\n', stderr);
	}
	if (shell.interactive)
		tcsetpgrp(STDIN_FILENO, shell.pgid);
	return status;
}

/* Start every command of pl; returns how many were started. */
static size_t start_pipeline(const struct pipeline *pl, bool bg, pid_t *pids)
{
	int in = STDIN_FILENO;
	size_t n = 0;
	const struct command *c = pl->cmds;

	for (; c != NULL; c = c->next) {
		int fds[2] = { -1, STDOUT_FILENO };
		struct prepared pc;
		if (c->next != NULL && pipe(fds) < 0) {
			fprintf(stderr, "sh: pipe: %s\n", strerror(errno));
			break;
		}
		pid_t pid = -1;
		if (prepare(c, &pc) == 0)
			pid = start_child(c, &pc, in, fds[1], fds[0],
					  n ? pids[0] : 0, bg);
		prepared_free(&pc);
		if (in != STDIN_FILENO)
			close(in);
		if (fds[1] != STDOUT_FILENO)
			close(fds[1]);
		in = fds[0];
		if (pid < 0)
			break;
		pids[n++] = pid;
	}
	if (in >= 0 && in != STDIN_FILENO)
		close(in);
	return n;
}

/*
 * Run a lone foreground command in the shell if it is a builtin, or
 * only assignments and redirections.  *handled is false (and nothing
 * happened) if it needs a child.
 */
static int run_simple_here(const struct command *c, bool *handled)
{
	struct prepared pc;
	builtin_fn *fn;
	int status = 1;

	*handled = true;
	if (prepare(c, &pc) != 0) {
		prepared_free(&pc);
		return 1;
	}
	if (pc.argv.n == 0) {
		for (size_t i = 0; i < pc.assigns.n; i++) {
			char *eq = strchr(pc.assigns.v[i], '=');
			*eq = '\0';
			var_set(pc.assigns.v[i], eq + 1, false);
		}
		fn = builtin_find(":");
	} else {
		fn = builtin_find(pc.argv.v[0]);
	}
	if (fn != NULL)
		status = run_builtin_here(fn, c, &pc);
	else
		*handled = false;
	prepared_free(&pc);
	return status;
}

/* Run one pipeline; its exit status (0 for a background one). */
static int run_pipeline(const struct pipeline *pl, bool bg, const char *text)
{
	if (pl->ncmds == 1 && !bg) {
		bool handled;
		int status = run_simple_here(pl->cmds, &handled);
		if (handled)
			return status;
	}
	pid_t *pids = xmalloc(pl->ncmds * sizeof(*pids));
	size_t n = start_pipeline(pl, bg, pids);
	int status = n == pl->ncmds ? 0 : 1;
	if (bg && n > 0) {
		int job = jobs_add(pids, n, text);
		shell.last_bg = pids[n - 1];
		if (shell.interactive)
			fprintf(stderr, "[%d] %d\n", job, (int)pids[n - 1]);
	} else if (n > 0) {
		int st = wait_foreground(pids, n);
		if (status == 0)
			status = st;
	}
	free(pids);
	return status;
}

/* Run an and-or chain in the foreground. */
static int run_andor(const struct andor *ao)
{
	int status = run_pipeline(ao->pl, false, NULL);

	shell.last_status = status;
	for (; ao->next != NULL; ao = ao->next) {
		if ((ao->op == AO_AND) == (status == 0))
			status = run_pipeline(ao->next->pl, false, NULL);
		shell.last_status = status;
	}
	return status;
}

/* Run an and-or chain of several pipelines as one background job. */
static void run_andor_background(const struct item *it)
{
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		fprintf(stderr, "sh: fork: %s\n", strerror(errno));
		return;
	}
	if (pid == 0) {
		child_setup(0, true);
		if (!shell.interactive)
			background_stdin();
		shell.interactive = false;
		int status = run_andor(it->ao);
		fflush(NULL);
		_exit(status);
	}
	if (shell.interactive)
		setpgid(pid, pid);
	int job = jobs_add(&pid, 1, it->text);
	shell.last_bg = pid;
	if (shell.interactive)
		fprintf(stderr, "[%d] %d\n", job, (int)pid);
}

/* Run a parsed list; returns (and records in $?) the last status. */
int exec_list(struct item *list)
{
	for (struct item *it = list; it != NULL; it = it->next) {
		if (!it->background)
			shell.last_status = run_andor(it->ao);
		else if (it->ao->next == NULL)
			shell.last_status =
				run_pipeline(it->ao->pl, true, it->text);
		else {
			run_andor_background(it);
			shell.last_status = 0;
		}
	}
	return shell.last_status;
}
