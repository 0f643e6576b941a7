// SPDX-License-Identifier: BSD-2-Clause
/*
 * sh: builtins, the commands that must run inside the shell: cd, exit,
 * export, unset, pwd, wait and ':'.  Each takes argc/argv like a main()
 * and returns an exit status; errors are one line on stderr.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

static int bi_colon(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

/* cd [dir]: HOME without an argument; keeps PWD up to date. */
static int bi_cd(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : var_get("HOME");
	char cwd[PATH_MAX];

	if (argc > 2) {
		fputs("sh: cd: too many arguments\n", stderr);
		return 1;
	}
	if (dir == NULL || *dir == '\0') {
		fputs("sh: cd: HOME not set\n", stderr);
		return 1;
	}
	if (chdir(dir) < 0) {
		fprintf(stderr, "sh: cd: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	if (getcwd(cwd, sizeof(cwd)) != NULL)
		var_set("PWD", cwd, false);
	return 0;
}

/* exit [n]: leave the shell with n, or with $? by default. */
static int bi_exit(int argc, char **argv)
{
	int status = shell.last_status;

	if (argc > 1) {
		char *end;
		long n = strtol(argv[1], &end, 10);
		if (*argv[1] == '\0' || *end != '\0') {
			fprintf(stderr,
				"sh: exit: %s: numeric argument required\n",
				argv[1]);
			return 2;
		}
		status = (int)(n & 0xff);
	}
	fflush(NULL);
	exit(status);
}

/* export [NAME[=value]...]: without arguments, list the exports. */
static int bi_export(int argc, char **argv)
{
	int status = 0;

	if (argc == 1)
		vars_print_exported();
	for (int i = 1; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		int err;
		if (eq != NULL) {
			*eq = '\0';
			err = var_set(argv[i], eq + 1, true);
			*eq = '=';
		} else {
			err = var_export(argv[i]);
		}
		if (err) {
			fprintf(stderr, "sh: export: %s: bad variable name\n",
				argv[i]);
			status = 1;
		}
	}
	return status;
}

/* unset NAME...: remove variables. */
static int bi_unset(int argc, char **argv)
{
	int status = 0;

	for (int i = 1; i < argc; i++) {
		if (var_unset(argv[i])) {
			fprintf(stderr, "sh: unset: %s: bad variable name\n",
				argv[i]);
			status = 1;
		}
	}
	return status;
}

/* pwd: print the working directory. */
static int bi_pwd(int argc, char **argv)
{
	char cwd[PATH_MAX];

	(void)argc;
	(void)argv;
	if (getcwd(cwd, sizeof(cwd)) == NULL) {
		fprintf(stderr, "sh: pwd: %s\n", strerror(errno));
		return 1;
	}
	puts(cwd);
	return 0;
}

/* wait [pid]: wait for one background job, or for all of them. */
static int bi_wait(int argc, char **argv)
{
	if (argc < 2)
		return jobs_wait(0);
	char *end;
	long pid = strtol(argv[1], &end, 10);
	if (*argv[1] == '\0' || *end != '\0' || pid <= 0) {
		fprintf(stderr, "sh: wait: %s: not a pid\n", argv[1]);
		return 2;
	}
	return jobs_wait((pid_t)pid);
}

static const struct {
	const char *name;
	builtin_fn *fn;
} builtins[] = {
	{ ":", bi_colon },	 { "cd", bi_cd },	{ "exit", bi_exit },
	{ "export", bi_export }, { "unset", bi_unset }, { "pwd", bi_pwd },
	{ "wait", bi_wait },
};

/* The builtin called name, or NULL. */
builtin_fn *builtin_find(const char *name)
{
	for (size_t i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
		if (strcmp(builtins[i].name, name) == 0)
			return builtins[i].fn;
	return NULL;
}
