/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The in-guest kernel test suite.  ktest is the root system process: its
 * own signal manager, the memory manager (it receives page faults) and
 * the signal manager of user processes.  Each test runs its subjects in
 * fresh child processes that ktest forks, fills with a copy of its own
 * image (a tiny VM of its own, spawn.c) and starts at a test function.
 *
 * A test is a function; expect_*() record the first failure, and the
 * runner prints "PASS name" or "FAIL name: ..." and reaps the children.
 */
#ifndef KTEST_H
#define KTEST_H

#include <syslib.h>
#include "echo_proto.h"

/* ---- assertions ---- */
void test_fail(int line, const char *what, long long expected, long long got);
void test_fail_msg(int line, const char *msg);

#define expect_eq(expected, got) \
	do { \
		long long e_ = (long long)(expected), g_ = (long long)(got); \
		if (e_ != g_) \
			test_fail(__LINE__, #got, e_, g_); \
	} while (0)
#define expect_ne(unexpected, got) \
	do { \
		long long e_ = (long long)(unexpected), g_ = (long long)(got); \
		if (e_ == g_) \
			test_fail_msg(__LINE__, \
				      #got " must differ from " #unexpected); \
	} while (0)
#define expect_true(cond) \
	do { \
		if (!(cond)) \
			test_fail_msg(__LINE__, #cond " is false"); \
	} while (0)

struct test_case {
	const char *name;
	void (*fn)(void);
};

/* Test tables, one per file. */
extern const struct test_case boot_tests[];
extern const struct test_case ipc_tests[];
extern const struct test_case kcall_tests[];
extern const struct test_case kdev_tests[];
extern const struct test_case signal_tests[];
extern const struct test_case memory_tests[];
extern const struct test_case update_tests[];
extern const struct test_case fuzz_tests[];
extern const struct test_case hardening_tests[];
extern const struct test_case sef_tests[];
extern const struct test_case grant_tests[];
extern const struct test_case ds_tests[];
extern const struct test_case chardev_tests[];
extern const struct test_case blockdev_tests[];
extern const struct test_case ext2_tests[];
extern const struct test_case memdev_tests[];
extern const struct test_case timer_tests[];

/* ---- child processes (spawn.c) ---- */
typedef int (*child_fn)(uint32_t arg);

enum spawn_kind {
	SPAWN_SYS,
	SPAWN_USER
};

struct spawn_opts {
	enum spawn_kind kind;
	const struct priv_spec *spec; /* SPAWN_SYS: NULL = default_sys_spec() */
	bool frozen;		      /* leave RTS_NO_PRIV: do not allow yet */
	bool map_on_fault; /* satisfy its page faults with fresh pages */
	int slot;	   /* -1: any */
};

#define CHILD_DONE (TEST_RQ_BASE + 0x10) /* word[0]: the result */
#define CHILD_REPORT \
	(TEST_RQ_BASE + 0x11) /* a child's word[] to ktest mid-run */
#define WAIT_TICKS  (5 * HZ)
#define QUIET_TICKS (HZ / 2) /* long enough to show nothing comes */

extern endpoint_t ktest_ep;

void spawn_init(void);
struct priv_spec default_sys_spec(void);
int spawn(child_fn fn, uint32_t arg, const struct spawn_opts *opts,
	  endpoint_t *out);
int spawn_sys(child_fn fn, uint32_t arg, endpoint_t *out);
int spawn_user(child_fn fn, uint32_t arg, endpoint_t *out);
int child_wait(endpoint_t e, int *result);
int child_wait_for(endpoint_t e, int *result, int ticks);
ksigset_t child_signals(endpoint_t e);
int child_wait_signal(endpoint_t e, int *sig);
void child_kill(endpoint_t e);
void children_reap_all(void);
void saved_notify_clear(void);
unsigned pages_outstanding(void);
phys_bytes test_page_get(void);
void test_page_put(phys_bytes pa);
int ktest_receive(endpoint_t from, message *m, uint32_t *status, int ticks);

/* ---- driver tests (drivers.c): ktest in VFS's place ---- */

/* The endpoint of the driver with this DS label, or NONE. */
endpoint_t driver_ep(const char *label);

/*
 * Send one CDEV request to the driver and wait (at most WAIT_TICKS) for
 * the answer with the same id; its status, or -ETIMEDOUT, or -EGENERIC
 * for a wrong answer.  The answer's type goes to *reply_type if given,
 * else it must be CDEV_REPLY.
 */
int32_t cdev_request(const char *label, int type, struct cdev_rq rq,
		     int *reply_type);

/* CDEV_READ or CDEV_WRITE of count bytes at pos of minor, via a grant. */
int32_t cdev_io(const char *label, int type, int minor, uint32_t pos, void *buf,
		uint32_t count);
int wait_until_blocked(endpoint_t e, uint32_t rts_flag);
uint32_t proc_rts(endpoint_t e);

/* Child bodies shared by several test files (bodies.c). */
_Noreturn int echo_server(uint32_t tag);
int return_arg(uint32_t arg);
int sendrec_to(uint32_t target);
int receive_one_and_report_word(uint32_t unused);

/*
 * A child with several results leaves them in its own copy of
 * child_values[]; run_child() waits for it and copies them out.
 */
#define MAX_VALUES 32
#define UNSET	   0x7f7f7f7f /* a value no call returns */

struct child_run {
	endpoint_t ep;
	int result;
	int32_t values[MAX_VALUES];
};

extern int32_t child_values[MAX_VALUES];
void run_child(child_fn fn, uint32_t arg, const struct spawn_opts *o,
	       struct child_run *run);
struct spawn_opts sys_opts(const struct priv_spec *spec, bool frozen);
struct priv_spec priv_of(endpoint_t e);

/* The RS boot protocol towards the other boot modules (boot_init.c). */
void boot_services_init(void);

/* Benchmarks (bench.c), run instead of the tests on "bench". */
void bench_run(void);

/* The fuzzing seed, from the kernel command line (seed=N). */
extern uint32_t fuzz_seed;

#endif
