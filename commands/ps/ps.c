// SPDX-License-Identifier: BSD-2-Clause
/*
 * ps: one line per process with its pid, parent's pid, endpoint, state
 * (R running, S sleeping in wait/sigsuspend/pause, T stopped, Z zombie)
 * and command name.  Takes no arguments.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "procs.h"

/* One line for p, endpoint "-" for a zombie. */
static void print_proc(const struct ps_proc *p)
{
	char endpt[16];

	if (p->endpt == PS_NO_ENDPT)
		strcpy(endpt, "-");
	else
		snprintf(endpt, sizeof(endpt), "%d", p->endpt);
	printf("%5d %5d %8s %-5c %s\n", p->pid, p->ppid, endpt, p->state,
	       p->name);
}

int main(int argc, char **argv)
{
	static struct ps_proc procs[PS_MAX];
	int n;

	if (argc > 1) {
		fprintf(stderr, "ps: %s: unknown argument\n", argv[1]);
		fputs("usage: ps\n", stderr);
		return 2;
	}
	if ((n = ps_read_procs(procs, PS_MAX)) < 0) {
		fprintf(stderr, "ps: process table: %s\n", strerror(errno));
		return 1;
	}
	printf("%5s %5s %8s %-5s %s\n", "PID", "PPID", "ENDPOINT", "STATE",
	       "CMD");
	for (int i = 0; i < n; i++)
		print_proc(&procs[i]);
	return 0;
}
