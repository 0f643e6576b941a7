// SPDX-License-Identifier: BSD-2-Clause
// UNIT_SOURCES: servers/pm/sigact.c servers/pm/exec_path.c
/*
 * PM's signal-action decisions (default actions, blocked, ignored,
 * caught and fault signals, handler masks, sigprocmask, sigaction
 * checks, exec reset) and the exec path to boot-file name rule.
 */
#include "unit.h"
#include "../../servers/pm/sigact.h"
#include "../../servers/pm/exec_path.h"

#define HANDLER	   0x40001000u
#define TRAMPOLINE 0x40002000u

static struct mproc proc(void)
{
	return (struct mproc){ .flags = MP_IN_USE, .endpt = 10 };
}

static void catch_sig(struct mproc *mp, int sig, uint32_t mask, uint32_t fl)
{
	mp->sigact[sig] = (struct pm_sigaction_abi){ HANDLER, mask, fl };
	mp->sig_trampoline = TRAMPOLINE;
}

static void default_actions_terminate_or_ignore(void)
{
	struct mproc mp = proc();

	expect_eq_int("SIGTERM", SIG_KILL, sig_decide(&mp, SIGTERM, false));
	expect_eq_int("SIGSEGV", SIG_KILL, sig_decide(&mp, SIGSEGV, false));
	expect_eq_int("SIGCHLD", SIG_DROP, sig_decide(&mp, SIGCHLD, false));
	expect_eq_int("SIGURG", SIG_DROP, sig_decide(&mp, SIGURG, false));
	expect_eq_int("SIGCONT", SIG_DROP, sig_decide(&mp, SIGCONT, false));
	expect_eq_int("SIGTSTP (no job control)", SIG_DROP,
		      sig_decide(&mp, SIGTSTP, false));
	expect_eq_int("SIGSEGV is core", SIG_DEF_CORE,
		      sig_default_action(SIGSEGV));
}

static void blocked_signal_stays_pending(void)
{
	struct mproc mp = proc();

	mp.sig_mask = SIG_BIT(SIGTERM) | SIG_BIT(SIGUSR1);
	catch_sig(&mp, SIGUSR1, 0, 0);
	expect_eq_int("blocked default", SIG_PEND,
		      sig_decide(&mp, SIGTERM, false));
	expect_eq_int("blocked caught", SIG_PEND,
		      sig_decide(&mp, SIGUSR1, false));
	mp.sig_mask = 0;
	expect_eq_int("unblocked caught", SIG_CATCH,
		      sig_decide(&mp, SIGUSR1, false));
}

static void sigkill_kills_even_when_blocked_or_ignored(void)
{
	struct mproc mp = proc();

	mp.sig_mask = SIG_VALID_SET;
	mp.sigact[SIGKILL].handler = PM_SIG_IGN;
	expect_eq_int("SIGKILL", SIG_KILL, sig_decide(&mp, SIGKILL, false));
	expect_eq_int("SIGSTOP dropped", SIG_DROP,
		      sig_decide(&mp, SIGSTOP, false));
}

static void ignored_signal_is_dropped_but_a_fault_kills(void)
{
	struct mproc mp = proc();

	mp.sigact[SIGSEGV].handler = PM_SIG_IGN;
	mp.sigact[SIGFPE].handler = PM_SIG_IGN;
	expect_eq_int("ignored kill(SIGSEGV)", SIG_DROP,
		      sig_decide(&mp, SIGSEGV, false));
	expect_eq_int("ignored fault", SIG_KILL,
		      sig_decide(&mp, SIGSEGV, true));
	catch_sig(&mp, SIGILL, 0, 0);
	mp.sig_mask = SIG_BIT(SIGILL);
	expect_eq_int("blocked caught fault", SIG_KILL,
		      sig_decide(&mp, SIGILL, true));
	mp.sig_mask = 0;
	expect_eq_int("caught fault", SIG_CATCH, sig_decide(&mp, SIGILL, true));
}

static void next_signal_is_lowest_unblocked(void)
{
	uint32_t pending = SIG_BIT(SIGINT) | SIG_BIT(SIGTERM);

	expect_eq_int("lowest", SIGINT, sig_next(pending, 0));
	expect_eq_int("SIGINT blocked", SIGTERM,
		      sig_next(pending, SIG_BIT(SIGINT)));
	expect_eq_int("all blocked", 0, sig_next(pending, SIG_VALID_SET));
	expect_eq_int("bit 0 is no signal", 0, sig_next(1u, 0));
}

static void handler_mask_adds_sa_mask_and_signal_unless_nodefer(void)
{
	struct mproc mp = proc();

	catch_sig(&mp, SIGUSR1, SIG_BIT(SIGINT) | SIG_BIT(SIGKILL), 0);
	expect_eq_u32("mask",
		      SIG_BIT(SIGHUP) | SIG_BIT(SIGINT) | SIG_BIT(SIGUSR1),
		      sig_handler_mask(&mp, SIGUSR1, SIG_BIT(SIGHUP)));
	catch_sig(&mp, SIGUSR2, 0, PM_SA_NODEFER);
	expect_eq_u32("nodefer", 0, sig_handler_mask(&mp, SIGUSR2, 0));
}

static void procmask_block_unblock_setmask(void)
{
	uint32_t m = 0;

	expect_eq_int("block", OK,
		      sig_procmask(SIG_BIT(1), PM_SIG_BLOCK, SIG_BIT(2), &m));
	expect_eq_u32("block result", SIG_BIT(1) | SIG_BIT(2), m);
	expect_eq_int("unblock", OK,
		      sig_procmask(m, PM_SIG_UNBLOCK, SIG_BIT(1), &m));
	expect_eq_u32("unblock result", SIG_BIT(2), m);
	expect_eq_int("setmask", OK,
		      sig_procmask(m, PM_SIG_SETMASK, 0xffffffffu, &m));
	expect_eq_u32("KILL and STOP never blocked",
		      SIG_VALID_SET & ~SIG_UNBLOCKABLE, m);
	expect_eq_int("bad how", -EINVAL, sig_procmask(0, 7, 0, &m));
}

static void sigaction_checks_signal_and_addresses(void)
{
	struct pm_sigaction_abi fn = { HANDLER, 0, 0 };
	struct pm_sigaction_abi ign = { PM_SIG_IGN, 0, 0 };
	struct pm_sigaction_abi low = { 0x1000, 0, 0 };

	expect_eq_int("handler", OK, sig_check_action(SIGINT, &fn, TRAMPOLINE));
	expect_eq_int("ignore", OK, sig_check_action(SIGINT, &ign, 0));
	expect_eq_int("SIGKILL", -EINVAL,
		      sig_check_action(SIGKILL, &ign, TRAMPOLINE));
	expect_eq_int("SIGSTOP", -EINVAL,
		      sig_check_action(SIGSTOP, &ign, TRAMPOLINE));
	expect_eq_int("signal 0", -EINVAL, sig_check_action(0, &ign, 0));
	expect_eq_int("signal 32", -EINVAL, sig_check_action(32, &ign, 0));
	expect_eq_int("kernel address", -EINVAL,
		      sig_check_action(SIGINT, &low, TRAMPOLINE));
	expect_eq_int("no trampoline", -EINVAL,
		      sig_check_action(SIGINT, &fn, 0));
}

static void ignoring_a_pending_signal_discards_it(void)
{
	struct mproc mp = proc();
	struct pm_sigaction_abi ign = { PM_SIG_IGN, 0, 0 };
	struct pm_sigaction_abi dfl = { PM_SIG_DFL, 0, 0 };

	mp.sig_pending = SIG_BIT(SIGINT) | SIG_BIT(SIGCHLD) | SIG_BIT(SIGTERM);
	sig_set_action(&mp, SIGINT, &ign, 0);
	sig_set_action(&mp, SIGCHLD, &dfl, 0);
	sig_set_action(&mp, SIGTERM, &dfl, 0);
	expect_eq_u32("pending", SIG_BIT(SIGTERM), mp.sig_pending);
}

static void exec_resets_caught_keeps_ignored_and_mask(void)
{
	struct mproc mp = proc();

	catch_sig(&mp, SIGUSR1, 0, 0);
	mp.sigact[SIGINT].handler = PM_SIG_IGN;
	mp.sig_mask = SIG_BIT(SIGHUP);
	mp.sig_pending = SIG_BIT(SIGHUP);
	sig_exec_reset(&mp);
	expect_eq_u32("caught -> default", PM_SIG_DFL,
		      mp.sigact[SIGUSR1].handler);
	expect_eq_u32("ignored stays", PM_SIG_IGN, mp.sigact[SIGINT].handler);
	expect_eq_u32("mask stays", SIG_BIT(SIGHUP), mp.sig_mask);
	expect_eq_u32("pending stays", SIG_BIT(SIGHUP), mp.sig_pending);
}

static void exec_path_names_a_boot_file(void)
{
	char name[PROC_NAME_LEN];
	static const char sh[] = "/boot/sh";
	static const char plain[] = "utest";
	static const char deep[] = "/bin/sh";
	static const char dir[] = "/boot/";
	static const char sub[] = "/boot/a/b";
	static const char lng[] = "/boot/a_name_longer_than_16";
	static const char nonul[] = { 's', 'h' };

	expect_eq_int("/boot/sh", OK, exec_boot_name(sh, sizeof(sh), name));
	expect_str_eq("/boot/sh name", "sh", name);
	expect_eq_int("plain", OK, exec_boot_name(plain, sizeof(plain), name));
	expect_str_eq("plain name", "utest", name);
	expect_eq_int("/bin/sh", -ENOENT,
		      exec_boot_name(deep, sizeof(deep), name));
	expect_eq_int("/boot/", -ENOENT,
		      exec_boot_name(dir, sizeof(dir), name));
	expect_eq_int("/boot/a/b", -ENOENT,
		      exec_boot_name(sub, sizeof(sub), name));
	expect_eq_int("too long", -ENAMETOOLONG,
		      exec_boot_name(lng, sizeof(lng), name));
	expect_eq_int("no NUL", -EINVAL,
		      exec_boot_name(nonul, sizeof(nonul), name));
	expect_eq_int("empty", -EINVAL, exec_boot_name("", 1, name));
	expect_eq_int("zero length", -EINVAL, exec_boot_name(sh, 0, name));
	expect_eq_int("over PM_PATH_MAX", -ENAMETOOLONG,
		      exec_boot_name(sh, PM_PATH_MAX + 1, name));
}

int main(void)
{
	static const struct unit_test tests[] = {
		UNIT_TEST(default_actions_terminate_or_ignore),
		UNIT_TEST(blocked_signal_stays_pending),
		UNIT_TEST(sigkill_kills_even_when_blocked_or_ignored),
		UNIT_TEST(ignored_signal_is_dropped_but_a_fault_kills),
		UNIT_TEST(next_signal_is_lowest_unblocked),
		UNIT_TEST(handler_mask_adds_sa_mask_and_signal_unless_nodefer),
		UNIT_TEST(procmask_block_unblock_setmask),
		UNIT_TEST(sigaction_checks_signal_and_addresses),
		UNIT_TEST(ignoring_a_pending_signal_discards_it),
		UNIT_TEST(exec_resets_caught_keeps_ignored_and_mask),
		UNIT_TEST(exec_path_names_a_boot_file),
	};
	return unit_run(tests, UNIT_COUNT(tests));
}
