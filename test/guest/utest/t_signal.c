// SPDX-License-Identifier: BSD-2-Clause
/*
 * Signal tests: default actions (terminate, ignore), SIGKILL's rules,
 * handlers installed with sigaction, the signal mask and pending set,
 * sigsuspend, alarm, CPU faults as signals (SIGSEGV, SIGILL, SIGFPE),
 * handlers across exec, and EINTR from a blocking call.
 *
 * Handlers only set volatile sig_atomic_t flags; the test checks them.
 */
#include "utest.h"
#include "../uchild/uchild.h"
#include <axo/endpoint.h>
#include <axo/ipc.h>

/* libc's raw request helper (lib/libc/libc_priv.h): OK or -E*. */
int libc_call(endpoint_t dst, int type, message *m);

static volatile sig_atomic_t caught_sig;   /* last signal a handler saw */
static volatile sig_atomic_t caught_count; /* handler invocations */
static volatile sig_atomic_t mask_had_sig; /* in the handler: sig blocked */
static volatile sig_atomic_t mask_had_usr2;
static pid_t saved_pid;

#define SIGUSR1_ARG "30" /* SIGUSR1 as a uchild argument */
_Static_assert(SIGUSR1 == 30, "SIGUSR1_ARG");

/* ---- handlers ---- */

static void count_signal(int sig)
{
	caught_sig = sig;
	caught_count++;
}

static void record_mask(int sig)
{
	sigset_t now;

	sigprocmask(SIG_BLOCK, NULL, &now);
	mask_had_sig = sigismember(&now, sig);
	mask_had_usr2 = sigismember(&now, SIGUSR2);
	caught_count++;
}

/* Makes system calls that succeed, as a handler may. */
static void busy_handler(int sig)
{
	sigset_t now;

	(void)sig;
	getpid();
	sigprocmask(SIG_BLOCK, NULL, &now);
	caught_count++;
}

static void exit_from_handler(int sig)
{
	fflush(stdout);
	_exit(sig == SIGSEGV ? 21 : 22);
}

/* Install `fn` for `sig` with an empty sa_mask and no flags. */
static void catch_signal(int sig, void (*fn)(int))
{
	struct sigaction sa = { .sa_handler = fn };

	sigemptyset(&sa.sa_mask);
	expect_eq(0, sigaction(sig, &sa, NULL));
}

static void block_signal(int sig, sigset_t *old)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, sig);
	expect_eq(0, sigprocmask(SIG_BLOCK, &set, old));
}

/* ---- child bodies ---- */

static int sleep_until_killed(void)
{
	sleep_forever();
	return 0;
}

static int ignore_sigkill_then_sleep(void)
{
	signal(SIGKILL, SIG_IGN);
	sleep_forever();
	return 0;
}

static int block_everything_then_sleep(void)
{
	sigset_t all;

	sigfillset(&all);
	sigprocmask(SIG_SETMASK, &all, NULL);
	sleep_forever();
	return 0;
}

static int dereference_null(void)
{
	int *volatile p = NULL;
	return *p;
}

static int execute_ud2(void)
{
	__asm__ volatile("ud2");
	return 0;
}

static int execute_hlt(void)
{
	__asm__ volatile("hlt");
	return 0;
}

static int divide_by_zero(void)
{
	volatile int num = 1, den = 0;
	return num / den;
}

static int segv_with_handler(void)
{
	catch_signal(SIGSEGV, exit_from_handler);
	return dereference_null();
}

static int segv_while_blocked(void)
{
	sigset_t old;

	catch_signal(SIGSEGV, exit_from_handler);
	block_signal(SIGSEGV, &old);
	return dereference_null();
}

static int default_alarm(void)
{
	alarm(1);
	sleep_forever();
	return 0;
}

/* Give the parent time to block in a call, then signal it. */
static int send_sigusr1_to_parent(void)
{
	burn_cpu(UTEST_HZ / 2);
	kill(saved_pid, SIGUSR1);
	sleep_forever(); /* the parent kills us */
	return 0;
}

static int exit_at_once(void)
{
	return 0;
}

/* ---- default actions and SIGKILL ---- */

static void sigterm_kills_child(void)
{
	pid_t pid = fork_child(sleep_until_killed);
	expect_eq(0, kill(pid, SIGTERM));
	expect_signaled(SIGTERM, wait_for(pid));
}

static void sigkill_kills_child(void)
{
	pid_t pid = fork_child(sleep_until_killed);
	expect_eq(0, kill(pid, SIGKILL));
	expect_signaled(SIGKILL, wait_for(pid));
}

static void sigkill_cannot_be_caught(void)
{
	struct sigaction sa = { .sa_handler = count_signal };

	expect_errno(EINVAL, sigaction(SIGKILL, &sa, NULL));
}

static void sigkill_cannot_be_ignored(void)
{
	pid_t pid = fork_child(ignore_sigkill_then_sleep);
	expect_eq(0, kill(pid, SIGKILL));
	expect_signaled(SIGKILL, wait_for(pid));
}

static void sigkill_cannot_be_blocked(void)
{
	pid_t pid = fork_child(block_everything_then_sleep);
	expect_eq(0, kill(pid, SIGKILL));
	expect_signaled(SIGKILL, wait_for(pid));
}

static void sig_ign_ignores_sigusr1(void)
{
	expect_true(signal(SIGUSR1, SIG_IGN) != SIG_ERR);
	expect_eq(0, kill(getpid(), SIGUSR1));
	expect_eq(0, raise(SIGUSR1));
}

static void sigchld_default_does_not_kill_parent(void)
{
	expect_exited(0, run_child(exit_at_once));
	expect_eq(0, kill(getpid(), SIGCHLD));
}

static void kill_of_missing_process_fails_esrch(void)
{
	pid_t pid = fork_child(exit_at_once);
	wait_for(pid);
	expect_errno(ESRCH, kill(pid, SIGTERM));
}

/* PM_SRV_KILL is for system processes (the tty driver): a user's fails. */
static void srv_kill_from_user_process_is_refused(void)
{
	message m = { 0 };

	m.pm_kill.pid = getpid();
	m.pm_kill.sig = SIGTERM;
	expect_eq(-EPERM, libc_call(PM_PROC_NR, PM_SRV_KILL, &m));
	m.pm_kill.pid = -getpgrp();
	expect_eq(-EPERM, libc_call(PM_PROC_NR, PM_SRV_KILL, &m));
}

static void kill_with_invalid_signal_fails_einval(void)
{
	expect_errno(EINVAL, kill(getpid(), 1000));
	expect_errno(EINVAL, kill(getpid(), -1));
}

static void kill_signal_zero_checks_existence(void)
{
	expect_eq(0, kill(getpid(), 0));
	pid_t pid = fork_child(exit_at_once);
	wait_for(pid);
	expect_errno(ESRCH, kill(pid, 0));
}

/* ---- handlers ---- */

static void handler_runs_for_kill_to_self(void)
{
	catch_signal(SIGUSR1, count_signal);
	expect_eq(0, kill(getpid(), SIGUSR1));
	expect_eq(1, caught_count);
	expect_eq(SIGUSR1, caught_sig);
}

static void raise_runs_handler(void)
{
	catch_signal(SIGUSR2, count_signal);
	expect_eq(0, raise(SIGUSR2));
	expect_eq(1, caught_count);
	expect_eq(SIGUSR2, caught_sig);
}

static void handler_runs_again_for_a_second_signal(void)
{
	catch_signal(SIGUSR1, count_signal);
	raise(SIGUSR1);
	raise(SIGUSR1);
	expect_eq(2, caught_count);
}

static void sigaction_reports_previous_handler(void)
{
	struct sigaction old;

	catch_signal(SIGUSR1, count_signal);
	expect_eq(0, sigaction(SIGUSR1, NULL, &old));
	expect_true(old.sa_handler == count_signal);
	expect_true(signal(SIGUSR1, SIG_DFL) == count_signal);
}

static void signal_is_blocked_inside_its_handler(void)
{
	catch_signal(SIGUSR1, record_mask);
	raise(SIGUSR1);
	expect_eq(1, caught_count);
	expect_eq(1, mask_had_sig);
	/* ...and unblocked again after the handler returned. */
	sigset_t now;
	sigprocmask(SIG_BLOCK, NULL, &now);
	expect_eq(0, sigismember(&now, SIGUSR1));
}

static void sa_mask_is_blocked_inside_handler(void)
{
	struct sigaction sa = { .sa_handler = record_mask };

	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGUSR2);
	expect_eq(0, sigaction(SIGUSR1, &sa, NULL));
	raise(SIGUSR1);
	expect_eq(1, caught_count);
	expect_eq(1, mask_had_usr2);
}

static void errno_is_preserved_across_handler(void)
{
	catch_signal(SIGUSR1, busy_handler);
	errno = ENOENT;
	raise(SIGUSR1);
	expect_eq(1, caught_count);
	expect_eq(ENOENT, errno);
}

/* ---- mask, pending set, sigsuspend ---- */

static void blocked_signal_is_deferred_until_unblocked(void)
{
	sigset_t old;

	catch_signal(SIGUSR1, count_signal);
	block_signal(SIGUSR1, &old);
	raise(SIGUSR1);
	expect_eq(0, caught_count);
	expect_eq(0, sigprocmask(SIG_SETMASK, &old, NULL));
	expect_eq(1, caught_count);
}

static void sigpending_shows_blocked_signal(void)
{
	sigset_t old, pending;

	catch_signal(SIGUSR1, count_signal);
	block_signal(SIGUSR1, &old);
	expect_eq(0, sigpending(&pending));
	expect_eq(0, sigismember(&pending, SIGUSR1));
	raise(SIGUSR1);
	expect_eq(0, sigpending(&pending));
	expect_eq(1, sigismember(&pending, SIGUSR1));
	sigprocmask(SIG_SETMASK, &old, NULL);
	expect_eq(0, sigpending(&pending));
	expect_eq(0, sigismember(&pending, SIGUSR1));
}

static void blocked_signal_sent_twice_is_delivered_once(void)
{
	sigset_t old;

	catch_signal(SIGUSR1, count_signal);
	block_signal(SIGUSR1, &old);
	raise(SIGUSR1);
	raise(SIGUSR1);
	sigprocmask(SIG_SETMASK, &old, NULL);
	expect_eq(1, caught_count);
}

static void sigsuspend_waits_for_signal_and_restores_mask(void)
{
	sigset_t old, now;

	catch_signal(SIGUSR1, count_signal);
	block_signal(SIGUSR1, &old);
	saved_pid = getpid();
	pid_t pid = fork_child(send_sigusr1_to_parent);
	expect_errno(EINTR, sigsuspend(&old));
	expect_eq(1, caught_count);
	sigprocmask(SIG_BLOCK, NULL, &now);
	expect_eq(1, sigismember(&now, SIGUSR1));
	kill(pid, SIGKILL);
	expect_signaled(SIGKILL, wait_for(pid));
}

static void sigchld_reaches_parent_when_child_exits(void)
{
	sigset_t old;

	catch_signal(SIGCHLD, count_signal);
	block_signal(SIGCHLD, &old);
	pid_t pid = fork_child(exit_at_once);
	while (caught_count == 0)
		sigsuspend(&old); /* the watchdog alarm bounds this */
	expect_eq(SIGCHLD, caught_sig);
	expect_exited(0, wait_for(pid));
}

static void waitpid_is_interrupted_by_caught_signal(void)
{
	int status;

	catch_signal(SIGUSR1, count_signal);
	saved_pid = getpid();
	pid_t pid = fork_child(send_sigusr1_to_parent);
	expect_errno(EINTR, waitpid(pid, &status, 0));
	expect_eq(1, caught_count);
	kill(pid, SIGKILL);
	expect_signaled(SIGKILL, wait_for(pid));
}

/* ---- alarm ---- */

static void alarm_delivers_sigalrm(void)
{
	sigset_t old;

	catch_signal(SIGALRM, count_signal);
	block_signal(SIGALRM, &old);
	unsigned long start = uptime_ticks();
	alarm(1);
	sigsuspend(&old);
	expect_eq(SIGALRM, caught_sig);
	/* Not early: at least most of a second went by. */
	expect_true(uptime_ticks() - start >= UTEST_HZ / 2);
}

static void alarm_default_action_kills(void)
{
	expect_signaled(SIGALRM, run_child(default_alarm));
}

static void alarm_returns_seconds_left_and_zero_cancels(void)
{
	catch_signal(SIGALRM, count_signal);
	unsigned watchdog = alarm(0); /* the runner's, armed just now */
	expect_true(watchdog > UTEST_TIMEOUT_S - 5 &&
		    watchdog <= UTEST_TIMEOUT_S);
	expect_eq(0, alarm(10));
	unsigned left = alarm(0);
	expect_true(left >= 9 && left <= 10);
	expect_eq(0, alarm(0));
	burn_cpu(UTEST_HZ * 3 / 2);
	expect_eq(0, caught_count);
	alarm(watchdog);
}

/* ---- faults ---- */

static void null_dereference_kills_with_sigsegv(void)
{
	expect_signaled(SIGSEGV, run_child(dereference_null));
}

static void ud2_kills_with_sigill(void)
{
	expect_signaled(SIGILL, run_child(execute_ud2));
}

static void privileged_instruction_kills_with_sigill(void)
{
	expect_signaled(SIGILL, run_child(execute_hlt));
}

static void divide_by_zero_kills_with_sigfpe(void)
{
	expect_signaled(SIGFPE, run_child(divide_by_zero));
}

static void sigsegv_handler_runs_for_fault(void)
{
	expect_exited(21, run_child(segv_with_handler));
}

static void blocked_sigsegv_still_kills_on_fault(void)
{
	expect_signaled(SIGSEGV, run_child(segv_while_blocked));
}

/* ---- exec ---- */

static void exec_resets_caught_signal_to_default(void)
{
	char *argv[] = { "uchild", "sigdfl", SIGUSR1_ARG, NULL };

	catch_signal(SIGUSR1, count_signal);
	expect_exited(UCHILD_OK, exec_uchild(argv, NULL));
}

static void exec_keeps_ignored_signal_ignored(void)
{
	char *argv[] = { "uchild", "sigign", SIGUSR1_ARG, NULL };

	signal(SIGUSR1, SIG_IGN);
	expect_exited(UCHILD_OK, exec_uchild(argv, NULL));
}

static void exec_keeps_signal_mask(void)
{
	char *argv[] = { "uchild", "sigmasked", SIGUSR1_ARG, NULL };
	sigset_t old;

	block_signal(SIGUSR1, &old);
	expect_exited(UCHILD_OK, exec_uchild(argv, NULL));
}

const struct test_case signal_tests[] = {
	{ "sigterm_kills_child", sigterm_kills_child },
	{ "sigkill_kills_child", sigkill_kills_child },
	{ "sigkill_cannot_be_caught", sigkill_cannot_be_caught },
	{ "sigkill_cannot_be_ignored", sigkill_cannot_be_ignored },
	{ "sigkill_cannot_be_blocked", sigkill_cannot_be_blocked },
	{ "sig_ign_ignores_sigusr1", sig_ign_ignores_sigusr1 },
	{ "sigchld_default_does_not_kill_parent",
	  sigchld_default_does_not_kill_parent },
	{ "kill_of_missing_process_fails_esrch",
	  kill_of_missing_process_fails_esrch },
	{ "srv_kill_from_user_process_is_refused",
	  srv_kill_from_user_process_is_refused },
	{ "kill_with_invalid_signal_fails_einval",
	  kill_with_invalid_signal_fails_einval },
	{ "kill_signal_zero_checks_existence",
	  kill_signal_zero_checks_existence },
	{ "handler_runs_for_kill_to_self", handler_runs_for_kill_to_self },
	{ "raise_runs_handler", raise_runs_handler },
	{ "handler_runs_again_for_a_second_signal",
	  handler_runs_again_for_a_second_signal },
	{ "sigaction_reports_previous_handler",
	  sigaction_reports_previous_handler },
	{ "signal_is_blocked_inside_its_handler",
	  signal_is_blocked_inside_its_handler },
	{ "sa_mask_is_blocked_inside_handler",
	  sa_mask_is_blocked_inside_handler },
	{ "errno_is_preserved_across_handler",
	  errno_is_preserved_across_handler },
	{ "blocked_signal_is_deferred_until_unblocked",
	  blocked_signal_is_deferred_until_unblocked },
	{ "sigpending_shows_blocked_signal", sigpending_shows_blocked_signal },
	{ "blocked_signal_sent_twice_is_delivered_once",
	  blocked_signal_sent_twice_is_delivered_once },
	{ "sigsuspend_waits_for_signal_and_restores_mask",
	  sigsuspend_waits_for_signal_and_restores_mask },
	{ "sigchld_reaches_parent_when_child_exits",
	  sigchld_reaches_parent_when_child_exits },
	{ "waitpid_is_interrupted_by_caught_signal",
	  waitpid_is_interrupted_by_caught_signal },
	{ "alarm_delivers_sigalrm", alarm_delivers_sigalrm },
	{ "alarm_default_action_kills", alarm_default_action_kills },
	{ "alarm_returns_seconds_left_and_zero_cancels",
	  alarm_returns_seconds_left_and_zero_cancels },
	{ "null_dereference_kills_with_sigsegv",
	  null_dereference_kills_with_sigsegv },
	{ "ud2_kills_with_sigill", ud2_kills_with_sigill },
	{ "privileged_instruction_kills_with_sigill",
	  privileged_instruction_kills_with_sigill },
	{ "divide_by_zero_kills_with_sigfpe",
	  divide_by_zero_kills_with_sigfpe },
	{ "sigsegv_handler_runs_for_fault", sigsegv_handler_runs_for_fault },
	{ "blocked_sigsegv_still_kills_on_fault",
	  blocked_sigsegv_still_kills_on_fault },
	{ "exec_resets_caught_signal_to_default",
	  exec_resets_caught_signal_to_default },
	{ "exec_keeps_ignored_signal_ignored",
	  exec_keeps_ignored_signal_ignored },
	{ "exec_keeps_signal_mask", exec_keeps_signal_mask },
	{ NULL, NULL },
};
