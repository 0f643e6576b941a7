// SPDX-License-Identifier: BSD-2-Clause
/*
 * Process tests: fork, getpid/getppid, exit statuses through waitpid,
 * waitpid's modes and errors, exec of uchild with arguments and an
 * environment, many children at once, a fork bomb, and orphans adopted
 * and reaped by init.
 */
#include "utest.h"
#include "../uchild/uchild.h"

#define MANY_CHILDREN  64
#define BOMB_MAX       1024 /* more than PM can ever hold */
#define ORPHAN_TICKS   (5 * UTEST_HZ)
#define MANY_ARGS      200
#define HUGE_ARG_BYTES (80 * 1024) /* more than VM_EXEC_FRAME_MAX */
#define INIT_PID       1

static pid_t saved_pid; /* the parent's pid, set before forking */
static int exit_code;	/* what the next exit_with child exits with */

/* ---- child bodies ---- */

static int exit_with(void)
{
	return exit_code;
}

static int exit_low_byte_of_own_pid(void)
{
	return getpid() & 0xff;
}

static int exit_7_if_ppid_is_parent(void)
{
	return getppid() == saved_pid ? 7 : 1;
}

static int exit_7_if_pid_differs_from_parent(void)
{
	return getpid() != saved_pid ? 7 : 1;
}

static int exit_after_a_while(void)
{
	burn_cpu(UTEST_HZ / 4);
	return 2;
}

static int sleep_until_killed(void)
{
	sleep_forever();
	return 0;
}

/* ---- fork, getpid, getppid ---- */

static void fork_returns_child_pid_in_parent(void)
{
	exit_code = 0;
	pid_t pid = fork_child(exit_with);
	expect_true(pid > 0);
	expect_ne(getpid(), pid);
	expect_exited(0, wait_for(pid));
}

static void fork_returns_zero_in_child(void)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		_exit(33);
	expect_true(pid > 0);
	/* Only a child that saw 0 took the _exit(33) branch. */
	expect_exited(33, wait_for(pid));
}

static void child_getpid_matches_fork_result(void)
{
	pid_t pid = fork_child(exit_low_byte_of_own_pid);
	expect_exited(pid & 0xff, wait_for(pid));
}

static void child_getppid_is_parent_pid(void)
{
	saved_pid = getpid();
	expect_exited(7, run_child(exit_7_if_ppid_is_parent));
}

static void child_pid_differs_from_parent(void)
{
	saved_pid = getpid();
	expect_exited(7, run_child(exit_7_if_pid_differs_from_parent));
}

static void getpid_is_stable(void)
{
	pid_t a = getpid(), b = getpid();
	expect_eq(a, b);
	expect_true(a > INIT_PID);
}

static void successive_children_get_distinct_pids(void)
{
	exit_code = 0;
	pid_t a = fork_child(exit_with);
	pid_t b = fork_child(exit_with);
	expect_ne(a, b);
	expect_exited(0, wait_for(a));
	expect_exited(0, wait_for(b));
}

/* ---- exit statuses ---- */

static void check_exit_status(int code)
{
	exit_code = code;
	expect_exited(code & 0xff, run_child(exit_with));
}

static void exit_status_0_reaches_parent(void)
{
	check_exit_status(0);
}

static void exit_status_1_reaches_parent(void)
{
	check_exit_status(1);
}

static void exit_status_42_reaches_parent(void)
{
	check_exit_status(42);
}

static void exit_status_255_reaches_parent(void)
{
	check_exit_status(255);
}

static void exit_status_is_truncated_to_8_bits(void)
{
	check_exit_status(0x100 + 9);
}

/* ---- waitpid ---- */

static void waitpid_any_collects_the_child(void)
{
	int status = 0;

	exit_code = 5;
	pid_t pid = fork_child(exit_with);
	expect_eq(pid, waitpid(-1, &status, 0));
	expect_exited(5, status);
}

static void waitpid_specific_pid_skips_other_children(void)
{
	exit_code = 1;
	pid_t quick = fork_child(exit_with);
	pid_t slow = fork_child(exit_after_a_while);
	/* quick is a zombie long before slow exits: waitpid must not take it. */
	expect_exited(2, wait_for(slow));
	expect_exited(1, wait_for(quick));
}

static void waitpid_wnohang_returns_zero_while_child_runs(void)
{
	int status = 0;

	pid_t pid = fork_child(sleep_until_killed);
	expect_eq(0, waitpid(pid, &status, WNOHANG));
	expect_eq(0, kill(pid, SIGKILL));
	expect_signaled(SIGKILL, wait_for(pid));
}

static void waitpid_wnohang_collects_exited_child(void)
{
	int status = 0;
	pid_t got;

	exit_code = 3;
	pid_t pid = fork_child(exit_with);
	unsigned long start = uptime_ticks();
	do {
		got = waitpid(pid, &status, WNOHANG);
	} while (got == 0 && uptime_ticks() - start < 5 * UTEST_HZ);
	expect_eq(pid, got);
	expect_exited(3, status);
}

static void waitpid_without_children_fails_echild(void)
{
	int status;

	expect_errno(ECHILD, waitpid(-1, &status, 0));
	expect_errno(ECHILD, waitpid(-1, &status, WNOHANG));
}

static void waitpid_of_non_child_fails_echild(void)
{
	int status;

	expect_errno(ECHILD, waitpid(getppid(), &status, 0));
}

static void child_is_collected_only_once(void)
{
	int status;

	exit_code = 0;
	pid_t pid = fork_child(exit_with);
	expect_exited(0, wait_for(pid));
	expect_errno(ECHILD, waitpid(pid, &status, WNOHANG));
}

static void wait_with_null_status_returns_pid(void)
{
	exit_code = 4;
	pid_t pid = fork_child(exit_with);
	expect_eq(pid, wait(NULL));
}

static void zombie_keeps_status_until_waited(void)
{
	exit_code = 77;
	pid_t pid = fork_child(exit_with);
	burn_cpu(UTEST_HZ / 2); /* long enough for it to exit first */
	expect_exited(77, wait_for(pid));
}

/* ---- exec ---- */

static void exec_uchild_without_arguments_exits_zero(void)
{
	char *argv[] = { "uchild", NULL };
	expect_exited(0, exec_uchild(argv, NULL));
}

static void exec_passes_arguments(void)
{
	char *argv[] = { "uchild", "args", "alpha", "beta", "gamma", NULL };
	expect_exited(UCHILD_OK, exec_uchild(argv, NULL));
}

static void exec_passes_200_arguments(void)
{
	static char words[MANY_ARGS][8];
	static char *argv[MANY_ARGS + 4] = { "uchild", "many", "200" };

	for (int i = 0; i < MANY_ARGS; i++) {
		snprintf(words[i], sizeof(words[i]), "a%d", i);
		argv[3 + i] = words[i];
	}
	argv[3 + MANY_ARGS] = NULL;
	expect_exited(UCHILD_OK, exec_uchild(argv, NULL));
}

static void exec_passes_environment(void)
{
	char *argv[] = { "uchild", "env", NULL };
	char *envp[] = { UCHILD_ENV_NAME "=" UCHILD_ENV_VALUE, "OTHER=1",
			 NULL };
	expect_exited(UCHILD_OK, exec_uchild(argv, envp));
}

static void exec_exit_status_reaches_parent(void)
{
	char *argv[] = { "uchild", "exit", "42", NULL };
	expect_exited(42, exec_uchild(argv, NULL));
}

static void exec_keeps_pid(void)
{
	char arg[16];

	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		snprintf(arg, sizeof(arg), "%d", (int)getpid());
		char *argv[] = { "uchild", "pid", arg, NULL };
		execve(UCHILD_PATH, argv, argv + 3);
		_exit(126);
	}
	expect_ne(-1, pid);
	expect_exited(UCHILD_OK, wait_for(pid));
}

static void exec_keeps_parent(void)
{
	char arg[16];
	char *argv[] = { "uchild", "ppid", arg, NULL };

	snprintf(arg, sizeof(arg), "%d", (int)getpid());
	expect_exited(UCHILD_OK, exec_uchild(argv, NULL));
}

static void exec_of_missing_file_fails_enoent(void)
{
	char *argv[] = { "nosuch", NULL };
	char *envp[] = { NULL };

	expect_errno(ENOENT, execve("/boot/no_such_program", argv, envp));
	/* Still here, still ourselves. */
	expect_eq(case_self, getpid());
}

static void exec_of_oversized_arguments_fails_e2big(void)
{
	static char huge[HUGE_ARG_BYTES];
	char *argv[] = { "uchild", huge, NULL };
	char *envp[] = { NULL };

	memset(huge, 'x', sizeof(huge) - 1);
	expect_errno(E2BIG, execve(UCHILD_PATH, argv, envp));
	expect_eq(case_self, getpid());
}

/* ---- many processes ---- */

static void many_children_exit_with_distinct_statuses(void)
{
	static pid_t pids[MANY_CHILDREN];
	static bool seen[MANY_CHILDREN];
	int status;

	for (int i = 0; i < MANY_CHILDREN; i++) {
		exit_code = 10 + i;
		pids[i] = fork_child(exit_with);
	}
	for (int n = 0; n < MANY_CHILDREN; n++) {
		pid_t got = waitpid(-1, &status, 0);
		int i = 0;
		while (i < MANY_CHILDREN && pids[i] != got)
			i++;
		expect_true(i < MANY_CHILDREN); /* one of ours */
		expect_true(!seen[i]);
		seen[i] = true;
		expect_exited(10 + i, status);
	}
	expect_errno(ECHILD, waitpid(-1, &status, WNOHANG));
}

static void fork_bomb_gets_eagain_and_system_recovers(void)
{
	static pid_t pids[BOMB_MAX];
	int n = 0, err = 0;

	while (n < BOMB_MAX) {
		fflush(stdout);
		pid_t pid = fork();
		if (pid == 0)
			sleep_forever();
		if (pid == -1) {
			err = errno;
			break;
		}
		pids[n++] = pid;
	}
	for (int i = 0; i < n; i++)
		kill(pids[i], SIGKILL);
	for (int i = 0; i < n; i++)
		expect_signaled(SIGKILL, wait_for(pids[i]));
	expect_true(n > 0 && n < BOMB_MAX);
	if (err != EAGAIN)
		case_fail_errno(__LINE__, "errno of the failed fork", EAGAIN,
				err);
	exit_code = 6;
	expect_exited(6, run_child(exit_with));
}

/* ---- orphans ---- */

static bool parent_is_init(void)
{
	return getppid() == INIT_PID;
}

/*
 * The grandchild: waits to be adopted by init, tells the test process
 * (SIGUSR1 adopted, SIGUSR2 not) and exits, to be reaped by init.
 */
static int orphan_reports_adoption(void)
{
	bool adopted = wait_until(parent_is_init, ORPHAN_TICKS);
	kill(saved_pid, adopted ? SIGUSR1 : SIGUSR2);
	return 0;
}

/* The child: a group of its own (for the check below), a child, exit. */
static int fork_orphan_and_exit(void)
{
	if (setpgid(0, 0) != 0)
		return 2;
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		_exit(orphan_reports_adoption());
	return pid > 0 ? 0 : 3;
}

static volatile sig_atomic_t orphan_verdict;

static void note_verdict(int sig)
{
	orphan_verdict = sig;
}

static bool orphan_group_gone(void)
{
	return kill(-saved_pid, 0) == -1 && errno == ESRCH;
}

static void orphan_is_adopted_and_reaped_by_init(void)
{
	sigset_t usr, old;
	struct sigaction sa = { .sa_handler = note_verdict };

	sigemptyset(&usr);
	sigaddset(&usr, SIGUSR1);
	sigaddset(&usr, SIGUSR2);
	sigprocmask(SIG_BLOCK, &usr, &old);
	expect_eq(0, sigaction(SIGUSR1, &sa, NULL));
	expect_eq(0, sigaction(SIGUSR2, &sa, NULL));
	saved_pid = getpid();
	pid_t child = fork_child(fork_orphan_and_exit);
	expect_exited(0, wait_for(child));
	while (orphan_verdict == 0)
		sigsuspend(&old); /* the watchdog alarm bounds this */
	expect_eq(SIGUSR1, orphan_verdict);
	/* The grandchild is in group `child`; init must reap it. */
	saved_pid = child;
	expect_true(wait_until(orphan_group_gone, ORPHAN_TICKS));
}

const struct test_case proc_tests[] = {
	{ "fork_returns_child_pid_in_parent",
	  fork_returns_child_pid_in_parent },
	{ "fork_returns_zero_in_child", fork_returns_zero_in_child },
	{ "child_getpid_matches_fork_result",
	  child_getpid_matches_fork_result },
	{ "child_getppid_is_parent_pid", child_getppid_is_parent_pid },
	{ "child_pid_differs_from_parent", child_pid_differs_from_parent },
	{ "getpid_is_stable", getpid_is_stable },
	{ "successive_children_get_distinct_pids",
	  successive_children_get_distinct_pids },
	{ "exit_status_0_reaches_parent", exit_status_0_reaches_parent },
	{ "exit_status_1_reaches_parent", exit_status_1_reaches_parent },
	{ "exit_status_42_reaches_parent", exit_status_42_reaches_parent },
	{ "exit_status_255_reaches_parent", exit_status_255_reaches_parent },
	{ "exit_status_is_truncated_to_8_bits",
	  exit_status_is_truncated_to_8_bits },
	{ "waitpid_any_collects_the_child", waitpid_any_collects_the_child },
	{ "waitpid_specific_pid_skips_other_children",
	  waitpid_specific_pid_skips_other_children },
	{ "waitpid_wnohang_returns_zero_while_child_runs",
	  waitpid_wnohang_returns_zero_while_child_runs },
	{ "waitpid_wnohang_collects_exited_child",
	  waitpid_wnohang_collects_exited_child },
	{ "waitpid_without_children_fails_echild",
	  waitpid_without_children_fails_echild },
	{ "waitpid_of_non_child_fails_echild",
	  waitpid_of_non_child_fails_echild },
	{ "child_is_collected_only_once", child_is_collected_only_once },
	{ "wait_with_null_status_returns_pid",
	  wait_with_null_status_returns_pid },
	{ "zombie_keeps_status_until_waited",
	  zombie_keeps_status_until_waited },
	{ "exec_uchild_without_arguments_exits_zero",
	  exec_uchild_without_arguments_exits_zero },
	{ "exec_passes_arguments", exec_passes_arguments },
	{ "exec_passes_200_arguments", exec_passes_200_arguments },
	{ "exec_passes_environment", exec_passes_environment },
	{ "exec_exit_status_reaches_parent", exec_exit_status_reaches_parent },
	{ "exec_keeps_pid", exec_keeps_pid },
	{ "exec_keeps_parent", exec_keeps_parent },
	{ "exec_of_missing_file_fails_enoent",
	  exec_of_missing_file_fails_enoent },
	{ "exec_of_oversized_arguments_fails_e2big",
	  exec_of_oversized_arguments_fails_e2big },
	{ "many_children_exit_with_distinct_statuses",
	  many_children_exit_with_distinct_statuses },
	{ "fork_bomb_gets_eagain_and_system_recovers",
	  fork_bomb_gets_eagain_and_system_recovers },
	{ "orphan_is_adopted_and_reaped_by_init",
	  orphan_is_adopted_and_reaped_by_init },
	{ NULL, NULL },
};
