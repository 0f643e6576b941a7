// SPDX-License-Identifier: BSD-2-Clause
/*
 * panic() and stack traces.  Kernel symbols come from a table generated
 * after a first link (tools/ksyms.sh; the first link has an empty one) and
 * placed in its own section after the code, so it moves no function.
 */
#include <stdarg.h>
#include "kernel.h"

/* The function containing addr, or NULL; ksyms is sorted by address. */
const char *ksym_lookup(uint32_t addr, uint32_t *offset)
{
	unsigned lo = 0, hi = ksyms_count;

	if (hi == 0 || addr < ksyms[0].addr)
		return NULL;
	while (hi - lo > 1) {
		unsigned mid = (lo + hi) / 2;
		if (ksyms[mid].addr <= addr)
			lo = mid;
		else
			hi = mid;
	}
	*offset = addr - ksyms[lo].addr;
	return ksyms[lo].name;
}

static void print_frame(uint32_t eip)
{
	uint32_t off;
	const char *name = ksym_lookup(eip, &off);

	if (name != NULL)
		kprintf("  %p <%s+0x%x>\n", (void *)eip, name, off);
	else
		kprintf("  %p\n", (void *)eip);
}

/* Print eip (unless 0), then walk the frame-pointer chain from ebp. */
void stacktrace_kernel(uint32_t ebp, uint32_t eip)
{
	extern char kstack_bottom[], kstack_top[];

	kprintf("kernel stack trace:\n");
	if (eip != 0)
		print_frame(eip);
	for (int depth = 0; depth < 32 && ebp != 0; depth++) {
		if (ebp < (uint32_t)kstack_bottom ||
		    ebp + 8 > (uint32_t)kstack_top)
			break;
		uint32_t *frame = (uint32_t *)ebp;
		print_frame(frame[1]);
		ebp = frame[0];
	}
}

/* Walk a process's frame-pointer chain through its address space. */
void stacktrace_user(struct proc *p)
{
	uint32_t ebp = p->regs.ebp, frame[2];

	kprintf("stack trace of %s (endpoint %d): 0x%x", p->name, p->endpoint,
		p->regs.eip);
	for (int depth = 0; depth < 16 && ebp != 0; depth++) {
		if (umem_read(p, ebp, frame, sizeof(frame)) != OK)
			break;
		kprintf(" 0x%x", frame[1]);
		ebp = frame[0];
	}
	kprintf("\n");
}

_Noreturn void panic(const char *fmt, ...)
{
	uint32_t ebp;
	va_list ap;
	char buf[160];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	kprintf("\nkernel panic: %s\n", buf);
	__asm__ volatile("mov %%ebp, %0" : "=r"(ebp));
	stacktrace_kernel(ebp, 0);
	kprintf("system halted\n");
	arch_shutdown(ABORT_EXIT, 3);
	arch_halt();
}
