// SPDX-License-Identifier: BSD-2-Clause
/*
 * Miscellaneous tests: user and group ids, sessions and process groups,
 * times() and the clocks, and the Axolotl extras of libc (VM's memory
 * report, the boot-file list, PM's process table).
 */
#include "utest.h"

#include <sys/time.h>
#include <sys/times.h>
#include <time.h>

#include <axo/endpoint.h>
#include <axo/libc.h>

#define CLOCK_SAMPLES 1000
#define NAME_LEN      32
#define PROCS_MAX     128

static pid_t saved_pgrp;

/* ---- child bodies ---- */

static int new_session_is_led_by_caller(void)
{
	pid_t me = getpid();

	if (setsid() != me)
		return 2;
	if (getsid(0) != me || getpgrp() != me)
		return 3;
	return 0;
}

static int second_setsid_fails_eperm(void)
{
	if (setsid() == -1)
		return 2;
	return setsid() == -1 && errno == EPERM ? 0 : 3;
}

static int own_process_group(void)
{
	if (setpgid(0, 0) != 0)
		return 2;
	return getpgrp() == getpid() ? 0 : 3;
}

static int exit_0_if_group_inherited(void)
{
	return getpgrp() == saved_pgrp ? 0 : 1;
}

static int burn_half_a_second(void)
{
	burn_cpu(UTEST_HZ / 2);
	return 0;
}

/* ---- ids ---- */

static void getuid_is_root(void)
{
	expect_eq(0, getuid());
}

static void geteuid_is_root(void)
{
	expect_eq(0, geteuid());
}

static void getgid_is_root(void)
{
	expect_eq(0, getgid());
}

static void getegid_is_root(void)
{
	expect_eq(0, getegid());
}

/* ---- sessions and groups ---- */

static void setsid_makes_a_new_session(void)
{
	expect_exited(0, run_child(new_session_is_led_by_caller));
}

static void setsid_of_a_group_leader_fails_eperm(void)
{
	expect_exited(0, run_child(second_setsid_fails_eperm));
}

static void setpgid_makes_own_process_group(void)
{
	expect_exited(0, run_child(own_process_group));
}

static void child_inherits_process_group(void)
{
	saved_pgrp = getpgrp();
	expect_true(saved_pgrp > 0);
	expect_exited(0, run_child(exit_0_if_group_inherited));
}

static void getsid_of_missing_process_fails_esrch(void)
{
	pid_t pid = fork_child(burn_half_a_second);
	wait_for(pid);
	expect_errno(ESRCH, getsid(pid));
}

/* ---- clocks ---- */

static void times_uptime_increases(void)
{
	unsigned long a = uptime_ticks();
	burn_cpu(UTEST_HZ / 10);
	unsigned long b = uptime_ticks();
	expect_true(b >= a + UTEST_HZ / 10);
}

static void times_counts_our_cpu_time(void)
{
	struct tms before, after;

	times(&before);
	burn_cpu(UTEST_HZ / 2);
	times(&after);
	clock_t used = (after.tms_utime + after.tms_stime) -
		       (before.tms_utime + before.tms_stime);
	expect_true(used > 0);
}

static void times_counts_waited_children(void)
{
	struct tms t;

	times(&t);
	expect_eq(0, t.tms_cutime + t.tms_cstime);
	expect_exited(0, run_child(burn_half_a_second));
	times(&t);
	expect_true(t.tms_cutime + t.tms_cstime > 0);
}

static void time_does_not_go_backwards(void)
{
	time_t prev = time(NULL);

	expect_ne(-1, prev);
	for (int i = 0; i < CLOCK_SAMPLES; i++) {
		time_t now = time(NULL);
		expect_true(now >= prev);
		prev = now;
	}
}

static void gettimeofday_does_not_go_backwards(void)
{
	struct timeval prev, now;

	expect_eq(0, gettimeofday(&prev, NULL));
	for (int i = 0; i < CLOCK_SAMPLES; i++) {
		expect_eq(0, gettimeofday(&now, NULL));
		expect_true(now.tv_usec >= 0 && now.tv_usec < 1000000);
		expect_true(now.tv_sec > prev.tv_sec ||
			    (now.tv_sec == prev.tv_sec &&
			     now.tv_usec >= prev.tv_usec));
		prev = now;
	}
}

static void gettimeofday_advances_with_uptime(void)
{
	struct timeval a, b;

	gettimeofday(&a, NULL);
	burn_cpu(UTEST_HZ / 5);
	gettimeofday(&b, NULL);
	long long us = (long long)(b.tv_sec - a.tv_sec) * 1000000 +
		       (b.tv_usec - a.tv_usec);
	expect_true(us >= 100000); /* at least half of the 200 ms burnt */
}

/* ---- Axolotl extras ---- */

static void vm_info_reports_consistent_numbers(void)
{
	struct vm_info_msg info;

	expect_eq(0, axo_vm_info(&info));
	expect_true(info.total_pages > 0);
	expect_true(info.free_pages < info.total_pages);
	expect_true(info.boot_pages < info.total_pages);
	expect_true(info.nr_procs >= 6); /* rs ds vm pm init utest */
}

static void boot_file_list_names_uchild(void)
{
	char name[NAME_LEN];
	unsigned flags;
	bool found = false;
	int i = 0;

	while (axo_boot_file(i, name, sizeof(name), &flags) >= 0) {
		if (strcmp(name, "uchild") == 0)
			found = true;
		i++;
	}
	expect_true(i > 0);
	expect_true(found);
	expect_eq(-1, axo_boot_file(i, name, sizeof(name), &flags));
}

/* ---- PM's process table ---- */

static struct pm_procinfo procs[PROCS_MAX];
static pid_t zombie_pid;

/* The entry of pid in procs[0..n), or NULL. */
static const struct pm_procinfo *find_proc(int n, pid_t pid)
{
	for (int i = 0; i < n; i++)
		if (procs[i].pid == pid)
			return &procs[i];
	return NULL;
}

static void procinfo_lists_self_and_parent(void)
{
	int n = axo_procinfo(procs, PROCS_MAX, NULL);
	const struct pm_procinfo *self, *parent;

	expect_true(n > 2);
	self = find_proc(n, getpid());
	parent = find_proc(n, getppid());
	expect_true(self != NULL);
	expect_true(parent != NULL);
	expect_eq(getppid(), self->ppid);
	expect_eq(PM_PS_RUNNING, self->state);
	expect_ne(NONE, self->endpt);
	expect_eq(0, strcmp(self->name, "utest"));
	/* the runner waits for us in waitpid */
	expect_eq(PM_PS_SLEEPING, parent->state);
}

static void procinfo_lists_init_as_pid_1(void)
{
	int n = axo_procinfo(procs, PROCS_MAX, NULL);
	const struct pm_procinfo *init = find_proc(n, 1);

	expect_true(init != NULL);
	expect_eq(0, init->ppid);
}

static bool zombie_listed(void)
{
	int n = axo_procinfo(procs, PROCS_MAX, NULL);
	const struct pm_procinfo *p = find_proc(n, zombie_pid);

	return p != NULL && p->state == PM_PS_ZOMBIE && p->endpt == NONE;
}

static int exit_at_once(void)
{
	return 0;
}

static void procinfo_shows_unwaited_child_as_zombie(void)
{
	zombie_pid = fork_child(exit_at_once);
	expect_true(wait_until(zombie_listed, UTEST_HZ));
	expect_exited(0, wait_for(zombie_pid));
	int n = axo_procinfo(procs, PROCS_MAX, NULL);
	expect_true(find_proc(n, zombie_pid) == NULL);
}

static void procinfo_short_buffer_reports_total(void)
{
	unsigned total = 0;

	expect_eq(1, axo_procinfo(procs, 1, &total));
	expect_true(total > 2);
	expect_eq(0, axo_procinfo(procs, 0, &total));
	expect_true(total > 2);
}

static void procinfo_bad_buffer_fails_efault(void)
{
	expect_errno(EFAULT,
		     axo_procinfo((struct pm_procinfo *)16, PROCS_MAX, NULL));
}

const struct test_case misc_tests[] = {
	{ "getuid_is_root", getuid_is_root },
	{ "geteuid_is_root", geteuid_is_root },
	{ "getgid_is_root", getgid_is_root },
	{ "getegid_is_root", getegid_is_root },
	{ "setsid_makes_a_new_session", setsid_makes_a_new_session },
	{ "setsid_of_a_group_leader_fails_eperm",
	  setsid_of_a_group_leader_fails_eperm },
	{ "setpgid_makes_own_process_group", setpgid_makes_own_process_group },
	{ "child_inherits_process_group", child_inherits_process_group },
	{ "getsid_of_missing_process_fails_esrch",
	  getsid_of_missing_process_fails_esrch },
	{ "times_uptime_increases", times_uptime_increases },
	{ "times_counts_our_cpu_time", times_counts_our_cpu_time },
	{ "times_counts_waited_children", times_counts_waited_children },
	{ "time_does_not_go_backwards", time_does_not_go_backwards },
	{ "gettimeofday_does_not_go_backwards",
	  gettimeofday_does_not_go_backwards },
	{ "gettimeofday_advances_with_uptime",
	  gettimeofday_advances_with_uptime },
	{ "vm_info_reports_consistent_numbers",
	  vm_info_reports_consistent_numbers },
	{ "boot_file_list_names_uchild", boot_file_list_names_uchild },
	{ "procinfo_lists_self_and_parent", procinfo_lists_self_and_parent },
	{ "procinfo_lists_init_as_pid_1", procinfo_lists_init_as_pid_1 },
	{ "procinfo_shows_unwaited_child_as_zombie",
	  procinfo_shows_unwaited_child_as_zombie },
	{ "procinfo_short_buffer_reports_total",
	  procinfo_short_buffer_reports_total },
	{ "procinfo_bad_buffer_fails_efault",
	  procinfo_bad_buffer_fails_efault },
	{ NULL, NULL },
};
