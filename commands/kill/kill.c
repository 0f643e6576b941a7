// SPDX-License-Identifier: BSD-2-Clause
/*
 * kill [-N | -NAME] pid...: send a signal (SIGTERM by default) to each
 * pid; NAME may be given with or without "SIG" ("-KILL", "-SIGINT").
 * A negative pid after the signal names a process group.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct {
	const char *name;
	int number;
} signals[] = {
	{ "HUP", SIGHUP },   { "INT", SIGINT },	  { "QUIT", SIGQUIT },
	{ "ILL", SIGILL },   { "TRAP", SIGTRAP }, { "ABRT", SIGABRT },
	{ "FPE", SIGFPE },   { "KILL", SIGKILL }, { "USR1", SIGUSR1 },
	{ "SEGV", SIGSEGV }, { "USR2", SIGUSR2 }, { "PIPE", SIGPIPE },
	{ "ALRM", SIGALRM }, { "TERM", SIGTERM }, { "CHLD", SIGCHLD },
	{ "CONT", SIGCONT }, { "STOP", SIGSTOP }, { "TSTP", SIGTSTP },
	{ "TTIN", SIGTTIN }, { "TTOU", SIGTTOU },
};

/* A decimal number in s, or -1 if s is not one. */
static long number(const char *s)
{
	char *end;
	long n = strtol(s, &end, 10);

	return (*s >= '0' && *s <= '9' && *end == '\0') ? n : -1;
}

/* The signal spec after '-' as a number, or -1 if unknown. */
static int parse_signal(const char *spec)
{
	long n = number(spec);

	if (n >= 0)
		return n < NSIG ? (int)n : -1;
	if (strncasecmp(spec, "SIG", 3) == 0)
		spec += 3;
	for (size_t i = 0; i < sizeof(signals) / sizeof(signals[0]); i++)
		if (strcasecmp(spec, signals[i].name) == 0)
			return signals[i].number;
	return -1;
}

int main(int argc, char **argv)
{
	int sig = SIGTERM;
	int i = 1, status = 0;

	if (i < argc && argv[i][0] == '-' && argv[i][1] != '\0') {
		if ((sig = parse_signal(argv[i] + 1)) < 0) {
			fprintf(stderr, "kill: %s: unknown signal\n", argv[i]);
			return 2;
		}
		i++;
	}
	if (i >= argc) {
		fputs("usage: kill [-N | -NAME] pid...\n", stderr);
		return 2;
	}
	for (; i < argc; i++) {
		const char *arg = argv[i];
		long pid = number(arg[0] == '-' ? arg + 1 : arg);
		if (pid < 0) {
			fprintf(stderr, "kill: %s: not a pid\n", arg);
			status = 1;
			continue;
		}
		if (kill((pid_t)(arg[0] == '-' ? -pid : pid), sig) < 0) {
			fprintf(stderr, "kill: %s: %s\n", arg, strerror(errno));
			status = 1;
		}
	}
	return status;
}
