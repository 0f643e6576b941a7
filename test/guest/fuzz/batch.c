// SPDX-License-Identifier: BSD-2-Clause
/*
 * One batch of the user-process fuzzer: generate calls (fuzzgen.h) and
 * make them from this unprivileged process.  A call is a sendrec to an
 * endpoint (the servers a user may reach, those it may not, kernel
 * tasks, random endpoints), a kernel call (users hold none) or a raw
 * IPC trap with a random trap number.
 *
 * Containment: a few requests would end or duplicate the batch rather
 * than test anything (exit, fork, exec, sigreturn, sigsuspend, alarm,
 * pipes and select that block on the batch itself, log text); they are
 * turned into harmless ones, and requests naming the report descriptor
 * are pointed elsewhere.  Everything else is sent as generated: being
 * uid FUZZ_UID, the worst a batch can do is kill itself or write in
 * /tmp, and the parent survives either.
 *
 * Checks: a sendrec to a server users may not reach, and any kernel
 * call, must be refused; anything else counts as an anomaly.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <axo/errno.h>
#include <axo/libc.h>

#include "fuzz.h"
#include "../fuzzgen.h"

enum kind {
	K_IPC,
	K_KCALL,
	K_TRAP
};

struct call {
	enum kind kind;
	uint32_t trap;
	endpoint_t dst;
	uint32_t addr; /* the message (kernel call: the request) */
	message m;
};

static uint8_t scratch[FZ_SCRATCH] __attribute__((aligned(4096)));

/*
 * The processes PM knows (users), fetched when a batch starts.  Other
 * live endpoints past the boot slots are system processes RS made,
 * such as the hot-standby replicas of VM and RS: they accept a user's
 * message (they carry their original's privileges) but never receive
 * until they take over, so a sendrec to one waits forever.  Calls to
 * such endpoints are skipped (and counted).
 */
static struct pm_procinfo users[64];
static int nusers;
static message msgbuf __attribute__((aligned(64)));

/* Requests that would end, fork or stall the batch: become harmless. */
static void contain(message *m, endpoint_t dst)
{
	int t = m->m_type;

	if (dst == FZ_PM && (t == PM_EXIT || t == PM_FORK || t == PM_EXEC ||
			     t == PM_SIGRETURN || t == PM_SIGSUSPEND ||
			     t == PM_ALARM || t == PM_KLOG))
		m->m_type = PM_GETPID;
	if (dst == FZ_PM && t == PM_KILL)
		m->word[1] = 0; /* only check: kill(self) would end it */
	if (dst == FZ_VFS && (t == VFS_PIPE || t == VFS_SELECT))
		m->m_type = VFS_ACCESS;
	if (dst == FZ_VFS && (int32_t)m->word[0] == REPORT_FD)
		m->word[0] = 3;
	if (dst == FZ_VFS && t == VFS_DUP2 && (int32_t)m->word[1] == REPORT_FD)
		m->word[1] = 3;
}

/* The endpoint of the next sendrec: reachable servers mostly. */
static endpoint_t pick_dst(struct fz *f)
{
	static const endpoint_t open_to_users[] = { FZ_RS,  FZ_VM,  FZ_PM,
						    FZ_VFS, FZ_VFS, FZ_PM };
	if (fz_below(f, 4) != 0)
		return open_to_users[fz_below(f, 6)];
	return fz_endpoint(f);
}

/* Generate the next call of f into c. */
static void gen_call(struct fz *f, struct call *c)
{
	uint32_t roll = fz_below(f, 16);

	c->addr = (uint32_t)&msgbuf;
	if (roll < 2) {
		c->kind = K_KCALL;
		c->dst = SYSTEM;
		fz_request(f, &c->m, FZ_P_PM);
		for (size_t i = 0; i < MSG_PAYLOAD_SIZE / 4; i++)
			c->m.word[i] = fz_word(f);
		c->m.m_type = KERNEL_CALL + (int)fz_below(f, NR_SYS_CALLS + 8);
	} else {
		c->kind = roll == 2 ? K_TRAP : K_IPC;
		c->trap = c->kind == K_TRAP ? fz_below(f, 20) : SENDREC;
		if (c->trap == SENDREC && c->kind == K_TRAP)
			c->trap = SEND; /* a sendrec is contained as K_IPC */
		c->dst = pick_dst(f);
		fz_request(f, &c->m, fz_proto_of(f, c->dst));
		fz_mutate(f, &c->m);
		contain(&c->m, c->dst);
	}
	if (fz_below(f, 16) == 0)
		c->addr = fz_pointer(f);
}

int fuzz_trap(uint32_t trap, endpoint_t dst, uint32_t addr)
{
	int r = (int)trap;

	__asm__ volatile("int $0x21"
			 : "+a"(r), "+b"(dst), "+c"(addr)
			 :
			 : "memory");
	return r;
}

static int trap_kcall(uint32_t addr)
{
	int r;

	__asm__ volatile("int $0x20" : "=a"(r) : "a"(addr) : "memory");
	return r;
}

/* Boot services a user process may not send to. */
static bool closed_to_users(endpoint_t e)
{
	return e == FZ_DS || e == FZ_INIT || (e >= FZ_MEMORY && e < FZ_SLOTS);
}

static bool refused(int r)
{
	return r == -ECALLDENIED || r == -ETRAPDENIED || r == -EPERM;
}

/* Whether a sendrec to e might wait for ever on a silent process. */
static bool maybe_silent(endpoint_t e)
{
	int slot = ENDPOINT_P(e);

	if (slot < FZ_SLOTS || e == ANY || e == NONE || e == SELF)
		return false;
	for (int i = 0; i < nusers; i++)
		if (users[i].endpt == e)
			return false;
	return true;
}

/* Make call c; count its outcome in t. */
static void make_call(const struct call *c, struct tally *t)
{
	int r;

	if (c->kind == K_IPC && maybe_silent(c->dst)) {
		t->skipped++;
		return;
	}
	if (c->addr == (uint32_t)&msgbuf)
		msgbuf = c->m;
	if (c->kind == K_KCALL)
		r = trap_kcall(c->addr);
	else
		r = fuzz_trap(c->trap, c->dst, c->addr);
	t->calls++;
	if (refused(r))
		t->refused++;
	else if (r < 0)
		t->errors++;
	else
		t->ok++;
	/* With a bad message address the kernel may say EFAULT first. */
	bool must_refuse = c->kind == K_KCALL ||
			   (c->kind == K_IPC && closed_to_users(c->dst));
	if (must_refuse && !refused(r) &&
	    !(r == -EFAULT && c->addr != (uint32_t)&msgbuf) &&
	    !(c->kind == K_KCALL && r == -EBADREQUEST))
		t->anomalies++;
}

uint32_t tally_check(const struct tally *t)
{
	return t->magic + t->batch + t->calls + t->ok + t->refused + t->errors +
	       t->anomalies;
}

static void report(struct tally *t)
{
	t->check = tally_check(t);
	write(REPORT_FD, t, sizeof(*t));
}

_Noreturn void batch_run(uint32_t seed, uint32_t b, uint32_t n, bool trace)
{
	struct fz f;
	struct call c;
	struct tally t = { .magic = REPORT_MAGIC, .batch = b };

	fz_init(&f, scratch, (uint32_t)&batch_run);
	fz_seed(&f, seed, b);
	nusers = axo_procinfo(users, sizeof(users) / sizeof(users[0]), NULL);
	for (uint32_t i = 0; i < n; i++) {
		gen_call(&f, &c);
		if (i % REPORT_EVERY == 0 || trace)
			report(&t);
		make_call(&c, &t);
	}
	report(&t);
	_exit(0);
}

void batch_describe(uint32_t seed, uint32_t b, uint32_t i)
{
	struct fz f;
	struct call c;

	fz_init(&f, scratch, (uint32_t)&batch_run);
	fz_seed(&f, seed, b);
	for (uint32_t k = 0; k <= i; k++)
		gen_call(&f, &c);
	printf("fuzz: call %u of batch %u: %s trap %u to %d type %#x "
	       "addr %#x words %#x %#x %#x %#x\n",
	       (unsigned)i, (unsigned)b, c.kind == K_KCALL ? "kcall" : "ipc",
	       (unsigned)c.trap, (int)c.dst, (unsigned)c.m.m_type,
	       (unsigned)c.addr, (unsigned)c.m.word[0], (unsigned)c.m.word[1],
	       (unsigned)c.m.word[2], (unsigned)c.m.word[3]);
}

uint32_t batch_checksum(uint32_t seed, uint32_t b, uint32_t n, uint32_t h)
{
	struct fz f;
	struct call c;

	fz_init(&f, scratch, (uint32_t)&batch_run);
	fz_seed(&f, seed, b);
	for (uint32_t i = 0; i < n; i++) {
		gen_call(&f, &c);
		h = fz_sum(h, c.kind == K_KCALL ? 0 : c.trap, c.dst, c.addr,
			   &c.m);
	}
	return h;
}
