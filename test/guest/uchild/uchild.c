// SPDX-License-Identifier: BSD-2-Clause
/*
 * uchild: the program utest execs, and the child of the fork+exec+wait
 * benchmark.  With no arguments it exits 0 at once.  Otherwise argv[1]
 * names a check of what exec handed over; uchild exits UCHILD_OK if it
 * holds, UCHILD_BAD if not, UCHILD_USAGE for an unknown check:
 *
 *	args               argv is exactly uchild args alpha beta gamma
 *	many N             argv[2] is N, followed by a0 .. a(N-1)
 *	env                UTEST_VAR=axolotl, and exactly two variables
 *	sigdfl SIG         SIG's action is SIG_DFL
 *	sigign SIG         SIG's action is SIG_IGN
 *	sigmasked SIG      SIG is blocked
 *	pid N / ppid N     getpid() / getppid() is N
 *	exit N             exits with status N (no check)
 */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE 1
#endif

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "uchild.h"

extern char **environ;

struct check {
	const char *name;
	int nargs; /* arguments after the check's name, -1: any */
	bool (*fn)(int argc, char **argv);
};

/* argv[i] as a decimal integer; false if it is not one. */
static bool arg_int(char **argv, int i, long *out)
{
	char *end;

	*out = strtol(argv[i], &end, 10);
	return end != argv[i] && *end == '\0';
}

static bool check_args(int argc, char **argv)
{
	static const char *const want[] = { "uchild", "args", "alpha", "beta",
					    "gamma" };

	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], want[i]) != 0)
			return false;
	}
	return argv[argc] == NULL;
}

static bool check_many(int argc, char **argv)
{
	long n;
	char want[16];

	if (!arg_int(argv, 2, &n) || n != argc - 3)
		return false;
	for (long i = 0; i < n; i++) {
		snprintf(want, sizeof(want), "a%ld", i);
		if (strcmp(argv[3 + i], want) != 0)
			return false;
	}
	return argv[argc] == NULL;
}

static bool check_env(int argc, char **argv)
{
	const char *v = getenv(UCHILD_ENV_NAME);
	int count = 0;

	(void)argc;
	(void)argv;
	while (environ != NULL && environ[count] != NULL)
		count++;
	return v != NULL && strcmp(v, UCHILD_ENV_VALUE) == 0 &&
	       count == UCHILD_ENV_COUNT;
}

/* The handler of the signal named in argv[2], or SIG_ERR. */
static _sig_func_ptr handler_of(char **argv)
{
	struct sigaction sa;
	long sig;

	if (!arg_int(argv, 2, &sig) || sigaction((int)sig, NULL, &sa) != 0)
		return SIG_ERR;
	return sa.sa_handler;
}

static bool check_sigdfl(int argc, char **argv)
{
	(void)argc;
	return handler_of(argv) == SIG_DFL;
}

static bool check_sigign(int argc, char **argv)
{
	(void)argc;
	return handler_of(argv) == SIG_IGN;
}

static bool check_sigmasked(int argc, char **argv)
{
	sigset_t set;
	long sig;

	(void)argc;
	if (!arg_int(argv, 2, &sig) || sigprocmask(SIG_BLOCK, NULL, &set) != 0)
		return false;
	return sigismember(&set, (int)sig) == 1;
}

static bool check_pid(int argc, char **argv)
{
	long n;

	(void)argc;
	return arg_int(argv, 2, &n) && getpid() == (pid_t)n;
}

static bool check_ppid(int argc, char **argv)
{
	long n;

	(void)argc;
	return arg_int(argv, 2, &n) && getppid() == (pid_t)n;
}

static const struct check checks[] = {
	{ "args", 3, check_args },     { "many", -1, check_many },
	{ "env", 0, check_env },       { "sigdfl", 1, check_sigdfl },
	{ "sigign", 1, check_sigign }, { "sigmasked", 1, check_sigmasked },
	{ "pid", 1, check_pid },       { "ppid", 1, check_ppid },
};

int main(int argc, char **argv)
{
	long n;

	if (argc < 2)
		return 0;
	if (strcmp(argv[1], "exit") == 0 && argc == 3 && arg_int(argv, 2, &n))
		return (int)n;
	for (size_t i = 0; i < sizeof(checks) / sizeof(*checks); i++) {
		const struct check *c = &checks[i];
		if (strcmp(argv[1], c->name) != 0)
			continue;
		if (c->nargs >= 0 ? argc != c->nargs + 2 : argc < 3)
			return UCHILD_USAGE;
		return c->fn(argc, argv) ? UCHILD_OK : UCHILD_BAD;
	}
	return UCHILD_USAGE;
}
