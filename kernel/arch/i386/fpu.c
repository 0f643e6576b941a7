// SPDX-License-Identifier: BSD-2-Clause
/*
 * Lazy FPU switching.  A context switch sets CR0.TS; the first FPU
 * instruction of the new process traps (#NM) and we save the previous
 * owner's state and load the new one's.  Processes that never touch the
 * FPU cost nothing.
 */
#include "../../kernel.h"

static struct proc *fpu_owner;
/* A clean FXSAVE image: FCW 0x37f, MXCSR 0x1f80, every register zero. */
static uint8_t fpu_clean[512] __attribute__((aligned(16))) = {
	[0] = 0x7f, [1] = 0x03, [24] = 0x80, [25] = 0x1f };

void arch_fpu_switch(void)
{
	__asm__ volatile("clts");
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
	__asm__ volatile("clts");
	__asm__ volatile("fxsave %0" : "=m"(p->fpu));
	fpu_owner = NULL;
	uint32_t cr0; /* trap the next FPU use, whoever runs */
	__asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
	__asm__ volatile("mov %0, %%cr0" : : "r"(cr0 | 0x8u));
}

/* Before running next: trap its first FPU instruction unless it owns the FPU. */
void fpu_arm(struct proc *next)
{
	uint32_t cr0, want;

	__asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
	want = next == fpu_owner ? (cr0 & ~0x8u) : (cr0 | 0x8u);
	if (want != cr0)
		__asm__ volatile("mov %0, %%cr0" : : "r"(want));
}
