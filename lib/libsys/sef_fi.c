// SPDX-License-Identifier: BSD-2-Clause
/*
 * SEF fault injection: the faults `service fi` and the campaign driver
 * (test/guest/campaign) ask RS to inject, as COMMON_REQ_FI_CTL requests
 * that sef_receive() intercepts at the top of the service's receive loop.
 *
 * Every fault is therefore taken between two requests: the service's
 * tables are consistent, no request is half done.  That is why each one
 * first sets sef_self.controlled_crash, which the successor copies with
 * the rest of the state (sef_st.c) and which lets a core server's
 * stateful restart trust that state.  The exceptions are spelt out where
 * they happen: a wild write that landed in mapped data would corrupt the
 * state silently (ours aims at an unmapped page, so it never lands), and
 * the two message faults do not end the service at all.
 *
 * Interface: sef_fi_inject() (from sef.c), sef_fi_crash(), and
 * sef_fi_corrupt(), the hook the reply and request paths consult.
 */
#include "sef_priv.h"

/* Far above every service's image, heap and stack: never mapped. */
#define WILD_ADDRESS 0xdead0000u

static bool pending[RS_FI_NR]; /* BADREPLY, BADREQ armed */
static uint32_t garbage_seed = 0x2545f491u;

_Noreturn void sef_fi_crash(void)
{
	/* The successor may trust our state: we are between two requests. */
	sef_self.controlled_crash = true;
	panic("fault injection: crash requested");
}

/* A wild write: the page fault makes VM (or the kernel) end us. */
static _Noreturn void fi_segv(void)
{
	sef_self.controlled_crash = true;
	*(volatile uint32_t *)WILD_ADDRESS = 0xbadc0de;
	panic("fault injection: the wild write at 0x%x did not fault",
	      WILD_ADDRESS);
}

/*
 * Spin without ever receiving again: pings go unanswered, and RS's
 * heartbeat check (servers/rs/period.c) kills us after two periods.
 */
static _Noreturn void fi_loop(void)
{
	sef_self.controlled_crash = true;
	/* The loop never ends: without this the compiler drops the store. */
	__asm__ volatile("" ::: "memory");
	for (volatile uint32_t n = 0;; n++)
		;
}

static _Noreturn void fi_exit(void)
{
	sef_self.controlled_crash = true;
	sef_exit();
}

void sef_fi_inject(int subtype)
{
	switch (subtype) {
	case RS_FI_CRASH:
		sef_fi_crash();
	case RS_FI_SEGV:
		fi_segv();
	case RS_FI_LOOP:
		fi_loop();
	case RS_FI_EXIT:
		fi_exit();
	case RS_FI_BADREPLY:
	case RS_FI_BADREQ:
		pending[subtype] = true;
		return;
	default:
		printf("sef: fault injection: unknown subtype %d ignored\n",
		       subtype);
		return;
	}
}

/* Garbage that no reply or request could mean: huge, or no errno. */
static int32_t garbage(void)
{
	uint32_t x = garbage_seed;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	garbage_seed = x;
	return (x & 1) ? (int32_t)(0x7f000000u | (x >> 8)) :
			 -(int32_t)(10000 + (x >> 20));
}

bool sef_fi_corrupt(int subtype, int32_t *field)
{
	if (subtype <= 0 || subtype >= RS_FI_NR || !pending[subtype])
		return false;
	pending[subtype] = false;
	*field = garbage();
	return true;
}
