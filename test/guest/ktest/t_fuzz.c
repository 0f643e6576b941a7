// SPDX-License-Identifier: BSD-2-Clause
/*
 * Seeded fuzzing of the kernel's entry points.  A child makes many random
 * IPC traps and kernel calls with random trap numbers, endpoints, message
 * types, payloads and pointers; the kernel must answer every one with an
 * error code or a result, never crash or hang, and the system must still
 * answer afterwards.  The seed comes from the kernel command line
 * (seed=N) and is printed; the same seed gives the same run, which a test
 * checks by running the same sequence twice and comparing checksums.
 *
 * Pointers are drawn from places the child may safely have overwritten
 * (its scratch page) or that must fail (unmapped, kernel, code), so
 * a kernel bug shows up as a wrong result, not as the fuzzer corrupting
 * itself.
 */
#include "ktest.h"

#define USER_ROUNDS   100000
#define SYS_ROUNDS    20000
#define REPEAT_ROUNDS 5000
#define KECHO	      ((endpoint_t)1)

struct fuzz {
	uint32_t state;
	uint32_t checksum;
	uint32_t anomalies;
	message *buf; /* in scratch: the kernel may write there */
};

/* The only memory a fuzzing child lets the kernel write into. */
static uint8_t scratch[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

static uint32_t next(struct fuzz *f)
{
	uint32_t x = f->state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return f->state = x;
}

static endpoint_t pick_endpoint(struct fuzz *f)
{
	switch (next(f) % 8) {
	case 0:
		return (endpoint_t)next(f);
	case 1:
		return ANY;
	case 2:
		return NONE;
	case 3:
		return SELF;
	case 4:
		return ktest_ep;
	case 5:
		return KECHO;
	case 6:
		return -(endpoint_t)(next(f) % 6); /* tasks and 0 */
	default:
		return ENDPOINT((int)(next(f) % 4), (int)(next(f) % 300));
	}
}

static uint32_t pick_pointer(struct fuzz *f)
{
	switch (next(f) % 6) {
	case 0:
		return (uint32_t)scratch +
		       next(f) % (PAGE_SIZE - sizeof(message));
	case 1:
		return 0xf0000000u +
		       (next(f) & 0x0fffffffu); /* above the stack */
	case 2:
		return next(f) & (USER_BASE - 1); /* kernel space */
	case 3:
		return (uint32_t)&next; /* read-only code */
	case 4:
		return 0;
	default:
		return USER_BASE - (next(f) % 64); /* kernel|user edge */
	}
}

/* A payload word: small numbers, endpoints and the pointers above. */
static uint32_t pick_word(struct fuzz *f)
{
	switch (next(f) % 3) {
	case 0:
		return next(f) % 64;
	case 1:
		return (uint32_t)pick_endpoint(f);
	default:
		return pick_pointer(f);
	}
}

static void fill_message(struct fuzz *f, message *m, int type)
{
	m->m_source = (endpoint_t)next(f);
	m->m_type = type;
	for (int i = 0; i < MSG_PAYLOAD_SIZE / 4; i++)
		m->word[i] = pick_word(f);
}

static void record(struct fuzz *f, int r)
{
	f->checksum = f->checksum * 31u + (uint32_t)r;
}

/* An unprivileged process: every kernel call must be refused. */
static int fuzz_one_user(struct fuzz *f)
{
	if (next(f) & 1) {
		int type = (next(f) & 3) ? KERNEL_CALL + (int)(next(f) % 64) :
					   (int)next(f);
		fill_message(f, f->buf, type);
		uint32_t addr = (next(f) & 3) ? (uint32_t)f->buf :
						pick_pointer(f);
		int r;
		__asm__ volatile("int $0x20" : "=a"(r) : "a"(addr) : "memory");
		if (r != -ECALLDENIED && r != -EBADREQUEST && r != -EFAULT)
			f->anomalies++;
		return r;
	}
	fill_message(f, f->buf, (int)next(f));
	uint32_t trap = next(f) % 20;
	return ipc_trap(trap, (uint32_t)pick_endpoint(f), pick_pointer(f),
			NULL);
}

static int fuzz_user(uint32_t rounds)
{
	struct fuzz f = { .state = fuzz_seed, .buf = (message *)scratch };

	for (uint32_t i = 0; i < rounds; i++)
		record(&f, fuzz_one_user(&f));
	return f.anomalies != 0 ? -(int)f.anomalies :
				  (int)(f.checksum & 0x7fffffff);
}

/* Kernel calls a fuzzing system process may make without harming others. */
static const int harmless_calls[] = {
	SYS_TIMES,	SYS_GETINFO,  SYS_SETALARM, SYS_SAFECOPYFROM,
	SYS_SAFECOPYTO, SYS_SETGRANT, SYS_STATECTL, SYS_GETKSIG,
	SYS_ENDKSIG,	SYS_DEVIO,    SYS_IRQCTL,
};
#define NR_HARMLESS (int)(sizeof(harmless_calls) / sizeof(harmless_calls[0]))

static const uint32_t sys_traps[] = {
	SEND, SENDREC, NOTIFY, SENDNB, SENDA, 0, 7
};

static int fuzz_one_sys(struct fuzz *f)
{
	if (next(f) & 1) {
		fill_message(f, f->buf, harmless_calls[next(f) % NR_HARMLESS]);
		if (f->buf->m_type == SYS_IRQCTL)
			f->buf->word[1] %= 16; /* keep to real IRQ lines */
		return kernel_call(f->buf);
	}
	fill_message(f, f->buf, (int)next(f));
	uint32_t trap = sys_traps[next(f) % 7];
	uint32_t ep = trap == SENDA ? next(f) % 4 : (uint32_t)pick_endpoint(f);
	return ipc_trap(trap, ep, pick_pointer(f), NULL);
}

static int fuzz_sys(uint32_t rounds)
{
	struct fuzz f = { .state = fuzz_seed ^ 0x5a5a5a5a,
			  .buf = (message *)scratch };

	for (uint32_t i = 0; i < rounds; i++) {
		int r = fuzz_one_sys(&f);
		if (r > 0 && r != (int)ECHO_REQ)
			f.anomalies++;
	}
	ipc_senda(NULL, 0);
	return -(int)f.anomalies;
}

static void expect_system_answers(void)
{
	message m = { .m_type = ECHO_REQ };
	endpoint_t e;
	int result = -1;

	m.word[0] = 1;
	expect_eq(OK, ipc_sendrec(KECHO, &m));
	expect_eq(2, m.word[0]);
	expect_eq(OK, spawn_user(fuzz_user, 10, &e));
	expect_eq(OK, child_wait(e, &result));
	expect_true(result >= 0);
}

static void fuzz_unprivileged_process_survives_100000_random_calls(void)
{
	endpoint_t e;
	int result = -1;

	printf("ktest: fuzzing %d calls from a user process, seed %u\n",
	       USER_ROUNDS, fuzz_seed);
	expect_eq(OK, spawn_user(fuzz_user, USER_ROUNDS, &e));
	expect_eq(OK, child_wait(e, &result));
	expect_true(result >= 0); /* negative: -(anomalies) */
	printf("ktest: fuzz checksum %d\n", result);
	child_kill(e);
	expect_system_answers();
}

static void fuzz_system_process_survives_random_calls(void)
{
	struct priv_spec s = default_sys_spec();
	struct spawn_opts o = { .kind = SPAWN_SYS, .spec = &s, .slot = -1 };
	endpoint_t e;
	int result = -1;

	memset(s.k_call_mask, 0, sizeof(s.k_call_mask));
	for (int i = 0; i < NR_HARMLESS; i++)
		priv_mask_set(s.k_call_mask, harmless_calls[i] - KERNEL_CALL);
	expect_eq(OK, spawn(fuzz_sys, SYS_ROUNDS, &o, &e));
	expect_eq(OK, child_wait(e, &result));
	expect_eq(0, result);
	child_kill(e);
	expect_system_answers();
}

static void fuzz_same_seed_gives_same_results(void)
{
	endpoint_t e;
	int first = -1, second = -2;

	expect_eq(OK, spawn_user(fuzz_user, REPEAT_ROUNDS, &e));
	expect_eq(OK, child_wait(e, &first));
	child_kill(e);
	expect_eq(OK, spawn_user(fuzz_user, REPEAT_ROUNDS, &e));
	expect_eq(OK, child_wait(e, &second));
	expect_eq(first, second);
}

const struct test_case fuzz_tests[] = {
	{ "fuzz_unprivileged_process_survives_100000_random_calls",
	  fuzz_unprivileged_process_survives_100000_random_calls },
	{ "fuzz_system_process_survives_random_calls",
	  fuzz_system_process_survives_random_calls },
	{ "fuzz_same_seed_gives_same_results",
	  fuzz_same_seed_gives_same_results },
	{ NULL, NULL },
};
