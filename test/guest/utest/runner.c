// SPDX-License-Identifier: BSD-2-Clause
/*
 * The utest main program: the tables run through the shared runner
 * (../casefork.c, one process per test).  After the last test it compares
 * VM's free memory with what it was before the first (xv6's countfree),
 * then prints "utest: N passed, M failed" and powers the machine off with
 * status 0 (all passed) or 1.
 */
#include "utest.h"

#include <axo/libc.h>

#define LEAK_SETTLE_TRIES 30 /* x 10 ticks: time for init to reap orphans */

static struct case_run run = { .timeout_s = UTEST_TIMEOUT_S };

void utest_fail_status(int line, const char *what, const char *expected,
		       int status)
{
	char desc[48];

	utest_describe_status(status, desc, sizeof(desc));
	case_fail_prefix();
	printf("%s: expected %s, got %s (line %d)\n", what, expected, desc,
	       line);
	case_fail_exit();
}

static bool vm_info_equal(const struct vm_info_msg *a,
			  const struct vm_info_msg *b)
{
	return a->free_pages == b->free_pages &&
	       a->kernel_pages_free == b->kernel_pages_free &&
	       a->nr_procs == b->nr_procs;
}

/*
 * leak_check_free_memory_unchanged: every page, page-table page and
 * address space the tests used came back.  Orphans are reaped by init,
 * not by us, so give the system a moment to settle before judging.
 */
static void leak_check(const struct vm_info_msg *before)
{
	const char *name = "leak_check_free_memory_unchanged";
	struct vm_info_msg after;
	int r = 0;

	for (int i = 0; i < LEAK_SETTLE_TRIES; i++) {
		r = axo_vm_info(&after);
		if (r != 0 || vm_info_equal(before, &after))
			break;
		unsigned long start = uptime_ticks();
		while (uptime_ticks() - start < 10)
			;
	}
	if (r != 0) {
		printf("FAIL %s: axo_vm_info: %d\n", name, r);
		run.failed++;
	} else if (!vm_info_equal(before, &after)) {
		printf("FAIL %s: free pages %u -> %u, kernel pages %u -> %u, "
		       "address spaces %u -> %u\n",
		       name, before->free_pages, after.free_pages,
		       before->kernel_pages_free, after.kernel_pages_free,
		       before->nr_procs, after.nr_procs);
		run.failed++;
	} else {
		printf("PASS %s\n", name);
		run.passed++;
	}
}

int main(void)
{
	struct vm_info_msg before;

	/* Print first: stdout's buffer is allocated before we count. */
	printf("utest: user-space test suite, pid %d\n", (int)getpid());
	fflush(stdout);
	int r = axo_vm_info(&before);
	case_run_table(&run, proc_tests);
	case_run_table(&run, signal_tests);
	case_run_table(&run, memory_tests);
	case_run_table(&run, misc_tests);
	if (r == 0) {
		leak_check(&before);
	} else {
		printf("FAIL leak_check_free_memory_unchanged: "
		       "axo_vm_info before the tests: %d\n",
		       r);
		run.failed++;
	}
	printf("utest: %u passed, %u failed\n", run.passed, run.failed);
	fflush(stdout);
	axo_poweroff(run.failed ? 1 : 0);
	return run.failed ? 1 : 0;
}
