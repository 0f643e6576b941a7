// SPDX-License-Identifier: BSD-2-Clause
/*
 * Lazy FPU switching.  A context switch sets CR0.TS; the first FPU
 * instruction of the new process traps (#NM) and we save the previous
 * owner's state and load the new one's.  Processes that never touch the
 * FPU cost nothing.
 */
#include "../../kernel.h"

static struct proc *fpu_owner;
static bool ts_set = true; /* mirror of CR0.TS (set at boot) */

/* Out of line: fpu_arm() runs on every switch and seldom needs it. */
static __attribute__((noinline)) void set_ts(bool on)
{
	uint32_t cr0;

	if (on == ts_set)
		return;
	__asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
	cr0 = on ? (cr0 | 0x8u) : (cr0 & ~0x8u);
	__asm__ volatile("mov %0, %%cr0" : : "r"(cr0));
	ts_set = on;
}
/* A clean FXSAVE image: FCW 0x37f, MXCSR 0x1f80, every register zero. */
static uint8_t fpu_clean[512] __attribute__((
	aligned(16))) = { [0] = 0x7f, [1] = 0x03, [24] = 0x80, [25] = 0x1f };

void arch_fpu_switch(void)
{
	set_ts(false);
	if (fpu_owner == current)
		return;
	if (fpu_owner != NULL)
		__asm__ volatile("fxsave %0" : "=m"(fpu_owner->fpu));
	if (current->misc_flags & MF_FPU_INITIALIZED) {
		__asm__ volatile("fxrstor %0" : : "m"(current->fpu));
	} else {
		__asm__ volatile("fxrstor %0" : : "m"(fpu_clean));
		current->misc_flags |= MF_FPU_INITIALIZED;
	}
	fpu_owner = current;
}

/*
 * Write p's live FPU registers back to its frame and give up ownership;
 * called before p's image is swapped or its slot cleared.
 */
void fpu_release(struct proc *p)
{
	if (fpu_owner != p)
		return;
	set_ts(false);
	__asm__ volatile("fxsave %0" : "=m"(p->fpu));
	fpu_owner = NULL;
	set_ts(true); /* trap the next FPU use, whoever runs */
}

/* Before running next: trap its first FPU instruction unless it owns the FPU. */
void fpu_arm(struct proc *next)
{
	bool on = next != fpu_owner;

	if (on != ts_set)
		set_ts(on);
}
