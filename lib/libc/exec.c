// SPDX-License-Identifier: BSD-2-Clause
/*
 * The exec family.  execve builds the argument frame (execframe.c) in a
 * heap buffer, ready to live at USER_STACK_TOP - len, and asks PM to
 * replace the process (PM_EXEC, which has VM copy the frame).  Success
 * never returns; on failure the buffer is freed and errno set.  The other
 * members only collect arguments or search PATH, then call execve.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "execframe.h"
#include "libc_priv.h"

extern char **environ;

#define EXEC_ARGS_MAX	  1024 /* execl's argument list, with its NULL */
#define EXEC_PATH_MAX	  256  /* one PATH candidate */
#define EXEC_DEFAULT_PATH "/bin:/usr/bin"

int execve(const char *path, char *const argv[], char *const envp[])
{
	message m;
	size_t len;
	void *frame;
	int r;

	if (path == NULL || argv == NULL)
		return libc_result(-EFAULT);
	len = execframe_size(argv, envp, VM_EXEC_FRAME_MAX);
	if (len == 0)
		return libc_result(-E2BIG);
	frame = malloc(len);
	if (frame == NULL)
		return libc_result(-ENOMEM);
	execframe_build(frame, len, USER_STACK_TOP - len, argv, envp);
	memset(&m, 0, sizeof(m));
	m.pm_exec.path = (vir_bytes)path;
	m.pm_exec.path_len = strlen(path) + 1;
	m.pm_exec.frame = (vir_bytes)frame;
	m.pm_exec.frame_len = len;
	r = libc_call(PM_PROC_NR, PM_EXEC, &m);
	free(frame);
	return libc_result(r < 0 ? r : -EGENERIC);
}

int execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

/*
 * Runs file as execve would, searching the directories of PATH (default
 * EXEC_DEFAULT_PATH) when file has no '/'.  A directory where the file
 * does not exist is skipped; any other failure ends the search.
 */
static int exec_search(const char *file, char *const argv[], char *const envp[])
{
	const char *dirs, *end;
	char cand[EXEC_PATH_MAX];
	size_t flen, dlen;

	if (file == NULL || *file == '\0')
		return libc_result(-ENOENT);
	if (strchr(file, '/') != NULL)
		return execve(file, argv, envp);
	dirs = getenv("PATH");
	if (dirs == NULL)
		dirs = EXEC_DEFAULT_PATH;
	flen = strlen(file);
	for (;; dirs = end + 1) {
		end = strchr(dirs, ':');
		if (end == NULL)
			end = dirs + strlen(dirs);
		dlen = (size_t)(end - dirs);
		if (dlen == 0) /* an empty entry is the current directory */
			cand[dlen++] = '.';
		else if (dlen < sizeof(cand))
			memcpy(cand, dirs, dlen);
		if (dlen + 1 + flen < sizeof(cand)) {
			cand[dlen] = '/';
			memcpy(cand + dlen + 1, file, flen + 1);
			if (execve(cand, argv, envp) < 0 && errno != ENOENT)
				return -1;
		}
		if (*end == '\0')
			return libc_result(-ENOENT);
	}
}

int execvp(const char *file, char *const argv[])
{
	return exec_search(file, argv, environ);
}

/*
 * Copies the NULL-terminated variadic list that starts with arg0 into
 * argv (EXEC_ARGS_MAX entries).  Returns false if it does not fit.
 */
static int collect_args(char **argv, const char *arg0, va_list *ap)
{
	size_t n = 0;
	const char *a = arg0;

	for (;;) {
		if (n == EXEC_ARGS_MAX)
			return 0;
		argv[n++] = (char *)a;
		if (a == NULL)
			return 1;
		a = va_arg(*ap, const char *);
	}
}

int execl(const char *path, const char *arg0, ...)
{
	char *argv[EXEC_ARGS_MAX];
	va_list ap;
	int ok;

	va_start(ap, arg0);
	ok = collect_args(argv, arg0, &ap);
	va_end(ap);
	if (!ok)
		return libc_result(-E2BIG);
	return execve(path, argv, environ);
}

int execlp(const char *file, const char *arg0, ...)
{
	char *argv[EXEC_ARGS_MAX];
	va_list ap;
	int ok;

	va_start(ap, arg0);
	ok = collect_args(argv, arg0, &ap);
	va_end(ap);
	if (!ok)
		return libc_result(-E2BIG);
	return execvp(file, argv);
}

/* execl with an environment after the list's NULL. */
int execle(const char *path, const char *arg0, ...)
{
	char *argv[EXEC_ARGS_MAX];
	char *const *envp = NULL;
	va_list ap;
	int ok;

	va_start(ap, arg0);
	ok = collect_args(argv, arg0, &ap);
	if (ok)
		envp = va_arg(ap, char *const *);
	va_end(ap);
	if (!ok)
		return libc_result(-E2BIG);
	return execve(path, argv, envp);
}
