// SPDX-License-Identifier: BSD-2-Clause
// UNIT_SOURCES: servers/pm/proc.c
/*
 * PM's process table: pid allocation, endpoint lookup, the fork limit,
 * wait matching, reparenting, and the POSIX checks of setpgid, setsid
 * and kill permissions.
 */
#include "unit.h"
#include "../../servers/pm/proc.h"

/* A live user entry with pid, parent, group and session, at endpoint e. */
static struct mproc *add(int32_t pid, int32_t ppid, int32_t pgid, endpoint_t e)
{
	struct mproc *mp = mp_alloc();

	mp->pid = pid;
	mp->ppid = ppid;
	mp->pgid = pgid;
	mp->sid = 1;
	mp_set_endpt(mp, e);
	return mp;
}

static void make_zombie(struct mproc *mp, int32_t status)
{
	mp_set_endpt(mp, NONE);
	mp->flags |= MP_ZOMBIE;
	mp->wait_status = status;
}

static void pid_alloc_starts_after_init_and_skips_used_ids(void)
{
	mp_table_init();
	add(1, 0, 1, 4);
	expect_eq_int("first pid", 2, mp_alloc_pid());
	struct mproc *mp = add(3, 1, 3, 5);
	mp->pgid = 4; /* 4 is a process group id: not a free pid */
	expect_eq_int("pid after 3 and group 4", 5, mp_alloc_pid());
}

static void pid_alloc_wraps_and_never_hands_out_init_pid(void)
{
	mp_table_init();
	add(1, 0, 1, 4);
	int32_t last = 0;
	for (int i = 0; i < PID_MAX - 1; i++) /* pids 2..PID_MAX */
		last = mp_alloc_pid();
	expect_eq_int("last pid of the cycle", PID_MAX, last);
	expect_eq_int("pid after a full cycle", 2, mp_alloc_pid());
}

static void endpoint_lookup_finds_live_entries_only(void)
{
	mp_table_init();
	struct mproc *a = add(2, 1, 2, ENDPOINT(1, 7));
	expect_true("live entry found", mp_by_endpt(ENDPOINT(1, 7)) == a);
	expect_true("older generation not found",
		    mp_by_endpt(ENDPOINT(0, 7)) == NULL);
	make_zombie(a, 0);
	expect_true("zombie not found by endpoint",
		    mp_by_endpt(ENDPOINT(1, 7)) == NULL);
	expect_true("zombie found by pid", mp_by_pid(2) == a);
	struct mproc *b = add(3, 1, 3, ENDPOINT(2, 7));
	expect_true("slot reused by a new generation",
		    mp_by_endpt(ENDPOINT(2, 7)) == b);
	mp_free(a);
	expect_true("freeing the zombie keeps the new slot owner",
		    mp_by_endpt(ENDPOINT(2, 7)) == b);
	expect_true("NONE never found", mp_by_endpt(NONE) == NULL);
}

static void fork_limit_keeps_a_reserve_of_entries(void)
{
	mp_table_init();
	int n = 0;
	while (mp_fork_allowed()) {
		expect_true("entry available", mp_alloc() != NULL);
		n++;
	}
	expect_eq_int("entries a fork may use", NR_MPROCS - PM_SLOT_RESERVE, n);
	for (int i = 0; i < PM_SLOT_RESERVE; i++)
		expect_true("reserve entry", mp_alloc() != NULL);
	expect_true("table full", mp_alloc() == NULL);
}

static void wait_matches_any_pid_and_groups(void)
{
	mp_table_init();
	struct mproc *p = add(10, 1, 10, 20);
	struct mproc *c1 = add(11, 10, 10, 21);
	struct mproc *c2 = add(12, 10, 30, 22);
	struct mproc *other = add(13, 1, 10, 23);

	expect_true("-1 matches c1", mp_wait_matches(p, c1, -1));
	expect_true("-1 matches c2", mp_wait_matches(p, c2, -1));
	expect_false("not a child", mp_wait_matches(p, other, -1));
	expect_true("pid 12 matches c2", mp_wait_matches(p, c2, 12));
	expect_false("pid 12 is not c1", mp_wait_matches(p, c1, 12));
	expect_true("0: own group", mp_wait_matches(p, c1, 0));
	expect_false("0: other group", mp_wait_matches(p, c2, 0));
	expect_true("-30: group 30", mp_wait_matches(p, c2, -30));
	expect_false("INT32_MIN matches nothing",
		     mp_wait_matches(p, c2, INT32_MIN));
}

static void wait_find_reports_zombie_block_or_no_child(void)
{
	mp_table_init();
	struct mproc *p = add(10, 1, 10, 20);
	struct mproc *z = NULL;

	expect_eq_int("no children", WAIT_NO_CHILD, mp_wait_find(p, -1, &z));
	struct mproc *c = add(11, 10, 10, 21);
	expect_eq_int("running child", WAIT_BLOCK, mp_wait_find(p, -1, &z));
	expect_eq_int("other pid", WAIT_NO_CHILD, mp_wait_find(p, 99, &z));
	make_zombie(c, PM_W_EXITED(3));
	expect_eq_int("exited child", WAIT_ZOMBIE, mp_wait_find(p, 11, &z));
	expect_true("zombie returned", z == c);
	expect_eq_int("its status", PM_W_EXITED(3), z->wait_status);
}

static void reparent_gives_children_to_init(void)
{
	mp_table_init();
	add(1, 0, 1, 4);
	struct mproc *dead = add(10, 1, 10, 20);
	struct mproc *c1 = add(11, 10, 10, 21);
	struct mproc *c2 = add(12, 10, 10, 22);

	expect_false("no zombie child", mp_reparent_children(dead));
	expect_eq_int("c1 parent", INIT_PID, c1->ppid);
	dead = add(13, 1, 13, 23);
	c2->ppid = 13;
	make_zombie(c2, 0);
	expect_true("zombie child reported", mp_reparent_children(dead));
	expect_eq_int("c2 parent", INIT_PID, c2->ppid);
}

static void setpgid_follows_posix_rules(void)
{
	mp_table_init();
	struct mproc *init = add(1, 0, 1, 4);
	struct mproc *sh = add(10, 1, 10, 20);
	struct mproc *child = add(11, 10, 10, 21);
	struct mproc *t = NULL;

	sh->sid = 10; /* a session leader */
	child->sid = 10;
	init->sid = 1;
	expect_eq_int("child to own group", OK,
		      mp_check_setpgid(sh, 11, 0, &t));
	expect_true("target is the child", t == child);
	expect_eq_int("session leader", -EPERM, mp_check_setpgid(sh, 0, 0, &t));
	expect_eq_int("not a child", -ESRCH, mp_check_setpgid(child, 1, 0, &t));
	expect_eq_int("group in no session", -EPERM,
		      mp_check_setpgid(sh, 11, 77, &t));
	expect_eq_int("negative pgid", -EINVAL,
		      mp_check_setpgid(sh, 11, -2, &t));
	child->flags |= MP_EXECED;
	expect_eq_int("child after exec", -EACCES,
		      mp_check_setpgid(sh, 11, 0, &t));
}

static void setsid_refused_for_group_leaders(void)
{
	mp_table_init();
	struct mproc *leader = add(10, 1, 10, 20);
	struct mproc *member = add(11, 10, 10, 21);

	expect_eq_int("group leader", -EPERM, mp_check_setsid(leader));
	expect_eq_int("group member", OK, mp_check_setsid(member));
}

static void kill_permission_by_uid(void)
{
	mp_table_init();
	struct mproc *root = add(10, 1, 10, 20);
	struct mproc *u1 = add(11, 1, 11, 21);
	struct mproc *u2 = add(12, 1, 12, 22);

	u1->uid = u1->euid = 100;
	u2->uid = u2->euid = 200;
	expect_true("root signals anyone", mp_may_signal(root, u1));
	expect_true("same uid", mp_may_signal(u1, u1));
	expect_false("other uid", mp_may_signal(u1, u2));
	expect_false("user signals root", mp_may_signal(u1, root));
}

int main(void)
{
	static const struct unit_test tests[] = {
		UNIT_TEST(pid_alloc_starts_after_init_and_skips_used_ids),
		UNIT_TEST(pid_alloc_wraps_and_never_hands_out_init_pid),
		UNIT_TEST(endpoint_lookup_finds_live_entries_only),
		UNIT_TEST(fork_limit_keeps_a_reserve_of_entries),
		UNIT_TEST(wait_matches_any_pid_and_groups),
		UNIT_TEST(wait_find_reports_zombie_block_or_no_child),
		UNIT_TEST(reparent_gives_children_to_init),
		UNIT_TEST(setpgid_follows_posix_rules),
		UNIT_TEST(setsid_refused_for_group_leaders),
		UNIT_TEST(kill_permission_by_uid),
	};
	return unit_run(tests, UNIT_COUNT(tests));
}
