// SPDX-License-Identifier: BSD-2-Clause
/*
 * fuzzsrv: the privileged side of the system fuzzer (issue 7).  A
 * service started with `service up /test/fuzzsrv`, whose privileges
 * come from /etc/system.conf.d/fuzzsrv: IPC with RS, DS, hello and
 * users only, the basic kernel calls only, and uid 1000 (so that RS
 * refuses it every change).  On FUZZSRV_RUN (from `fuzz -s`) it makes
 * COUNT calls of seed SEED, in chunks of CHUNK between two receives so
 * that it keeps answering RS's pings, then answers with its tallies.
 *
 * Calls: kernel calls of every number with mutated requests, forged
 * safecopies (grants nobody made for us), and messages made by
 * fuzzgen.h to every endpoint, sent without blocking (sendnb, notify);
 * a sendrec only to a server outside our IPC set, which must be
 * refused.  Every call outside our rights must give ECALLDENIED (or
 * EBADREQUEST for kernel-call numbers that name no call); a forged
 * safecopy must fail; anything else is an anomaly.
 */
#include "sef.h"
#include "syslib.h"

#include "fuzzgen.h"
#include "fuzzsrv.h"

#define CHUNK 500

/* Kernel calls the configuration grants (RS_BASIC_CALLS). */
static const int granted[] = { SYS_GETINFO,	 SYS_SYSCTL,	 SYS_SETGRANT,
			       SYS_SAFECOPYFROM, SYS_SAFECOPYTO, SYS_TIMES,
			       SYS_SETALARM,	 SYS_EXIT };

/* Boot servers outside our IPC set: a sendrec to one must be refused. */
static const endpoint_t closed[] = { FZ_VM,  FZ_PM,  FZ_VFS, FZ_MEMORY,
				     FZ_TTY, FZ_ATA, FZ_EXT2 };

enum kind {
	K_KCALL,
	K_COPY,
	K_SENDNB,
	K_NOTIFY,
	K_SENDREC
};

struct run {
	endpoint_t client; /* NONE: idle */
	uint32_t seed, count, done;
	uint32_t tally[FZS_NR_WORDS];
	struct fz f;
};

static struct run run = { .client = NONE };
static uint8_t scratch[FZ_SCRATCH] __attribute__((aligned(4096)));
static message msgbuf;

static bool is_granted(int type)
{
	for (size_t i = 0; i < sizeof(granted) / sizeof(granted[0]); i++)
		if (granted[i] == type)
			return true;
	return false;
}

/*
 * A kernel call of any number, but neither the print call (random text
 * on the console) nor exit (which would end the run).
 */
static void gen_kcall(struct fz *f, message *m)
{
	for (size_t i = 0; i < MSG_PAYLOAD_SIZE / 4; i++)
		m->word[i] = fz_word(f);
	m->m_type = KERNEL_CALL + (int)fz_below(f, NR_SYS_CALLS + 8);
	if (m->m_type == SYS_SYSCTL || m->m_type == SYS_EXIT)
		m->m_type = SYS_TIMES;
}

/* A well-formed safecopy through a grant of someone else's. */
static void gen_copy(struct fz *f, message *m)
{
	m->m_type = fz_below(f, 2) ? SYS_SAFECOPYFROM : SYS_SAFECOPYTO;
	m->sys_safecopy.granter = (endpoint_t)fz_below(f, FZ_SLOTS);
	m->sys_safecopy.grant = (cp_grant_id_t)fz_below(f, 16);
	m->sys_safecopy.offset = fz_below(f, 2) ? 0 : fz_len(f);
	m->sys_safecopy.address = (vir_bytes)scratch + FZ_STRINGS;
	m->sys_safecopy.bytes = 1 + fz_below(f, 64);
}

/* The next call of the run into *kind, *dst and m. */
static void gen_call(struct fz *f, enum kind *kind, endpoint_t *dst, message *m)
{
	uint32_t roll = fz_below(f, 16);

	memset(m, 0, sizeof(*m)); /* not the last answer: the checksum */
	*dst = SYSTEM;
	if (roll < 4) {
		*kind = K_KCALL;
		gen_kcall(f, m);
	} else if (roll < 6) {
		*kind = K_COPY;
		gen_copy(f, m);
	} else {
		*kind = roll < 13 ? K_SENDNB : roll < 14 ? K_NOTIFY : K_SENDREC;
		*dst = *kind == K_SENDREC ?
			       closed[fz_below(f, sizeof(closed) /
							  sizeof(closed[0]))] :
			       fz_endpoint(f);
		fz_request(f, m, fz_proto_of(f, *dst));
		fz_mutate(f, m);
	}
}

static bool refused(int r)
{
	return r == -ECALLDENIED || r == -ETRAPDENIED;
}

/* Whether result r of a call of type is one our privileges allow. */
static bool expected(enum kind kind, int type, int r)
{
	switch (kind) {
	case K_KCALL:
		if (is_granted(type))
			return true;
		return refused(r) || r == -EBADREQUEST;
	case K_COPY:
		return r != OK;
	case K_SENDREC:
		return refused(r);
	default:
		return true;
	}
}

static void make_call(struct run *rn)
{
	enum kind kind;
	endpoint_t dst;
	int r;

	gen_call(&rn->f, &kind, &dst, &msgbuf);
	int type = msgbuf.m_type; /* a kernel call answers in m_type */
	rn->tally[FZS_CHECKSUM] =
		fz_sum(rn->tally[FZS_CHECKSUM], kind, dst, 0, &msgbuf);
	switch (kind) {
	case K_KCALL:
	case K_COPY:
		r = kernel_call(&msgbuf);
		break;
	case K_SENDNB:
		r = ipc_sendnb(dst, &msgbuf);
		break;
	case K_NOTIFY:
		r = ipc_notify(dst);
		break;
	default:
		r = ipc_sendrec(dst, &msgbuf);
		break;
	}
	rn->tally[FZS_CALLS]++;
	rn->tally[refused(r) ? FZS_REFUSED : r < 0 ? FZS_ERRORS : FZS_OK]++;
	if (!expected(kind, type, r)) {
		rn->tally[FZS_ANOMALIES]++;
		printf("fuzzsrv: call %u (kind %d to %d, type 0x%x) gave %d\n",
		       (unsigned)rn->done, (int)kind, (int)dst, (unsigned)type,
		       r);
	}
	rn->done++;
}

/* One chunk of the run; the answer to the client when it is over. */
static void run_chunk(struct run *rn)
{
	for (int i = 0; i < CHUNK && rn->done < rn->count; i++) {
		if (rn->done % 1000 == 0)
			fz_seed(&rn->f, rn->seed, rn->done / 1000);
		make_call(rn);
	}
	if (rn->done < rn->count) {
		sys_setalarm(1, NULL); /* a random SETALARM may have moved it */
		return;
	}
	message m = { .m_type = OK };
	for (int i = 0; i < FZS_NR_WORDS; i++)
		m.word[i] = rn->tally[i];
	ipc_sendnb(rn->client, &m);
	rn->client = NONE;
}

static void start(const message *m)
{
	message busy = { .m_type = -EBUSY };

	if (run.client != NONE) {
		ipc_sendnb(m->m_source, &busy);
		return;
	}
	run = (struct run){ .client = m->m_source,
			    .seed = m->word[FZS_SEED],
			    .count = m->word[FZS_COUNT] };
	run.tally[FZS_CHECKSUM] = FNV_OFFSET;
	fz_init(&run.f, scratch, (uint32_t)&make_call);
	printf("fuzzsrv: seed %u, %u calls\n", (unsigned)run.seed,
	       (unsigned)run.count);
	run_chunk(&run);
}

int main(void);
int main(void)
{
	message m;
	uint32_t status;

	sef_setcb_init_restart(sef_cb_init_null);
	sef_startup();
	for (;;) {
		if (sef_receive_status(ANY, &m, &status) != OK)
			continue;
		if (is_ipc_notify(status)) {
			if (m.m_source == CLOCK && run.client != NONE)
				run_chunk(&run);
			continue;
		}
		/*
		 * Anything else is a late answer to one of our sends: never
		 * answered, or two servers could bounce errors for ever.
		 */
		if (m.m_type == FUZZSRV_RUN)
			start(&m);
	}
}
