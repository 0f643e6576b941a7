// SPDX-License-Identifier: BSD-2-Clause
/*
 * Kernel entry and the trap switchboard.
 *
 * kmain() brings the machine up in a fixed order: log, CPU tables, boot
 * information, memory and paging, process and privilege tables, boot
 * modules, interrupts; then it drops into the first process.  After that
 * the kernel only runs in response to traps, which arrive here.
 */
#include "kernel.h"

#define MULTIBOOT_BOOTLOADER_MAGIC 0x2BADB002

struct kinfo kinfo;

static void dispatch_irq(int irq)
{
	if (irq == 0) {
		arch_irq_eoi(0);
		clock_handler();
	} else {
		irq_dispatch(irq);
	}
}

/*
 * Every trap from user mode but IPC and kernel calls (their entry stubs
 * call do_ipc() and kernel_call() directly); r is the current process's
 * register frame.
 */
void trap_from_user(struct regs *r)
{
	struct proc *p = current;
	int vec = (int)r->vector;

	if (vec >= IRQ0_VECTOR && vec < IRQ0_VECTOR + NR_IRQ_VECTORS)
		dispatch_irq(vec - IRQ0_VECTOR);
	else
		exception_from_user(p, vec);
}

/* A trap while in the kernel: an interrupt in the idle loop, or a bug. */
void trap_from_kernel(struct regs *r)
{
	int vec = (int)r->vector;

	if (vec >= IRQ0_VECTOR && vec < IRQ0_VECTOR + NR_IRQ_VECTORS)
		dispatch_irq(vec - IRQ0_VECTOR);
	else
		exception_in_kernel(r);
}

_Noreturn void kmain(uint32_t magic, uint32_t mb_info);
_Noreturn void kmain(uint32_t magic, uint32_t mb_info)
{
	kinfo.boot_tsc = rdtsc();
	serial_init();
	kprintf("\nAxolotl microkernel (i386) - built " __DATE__ "\n");
	if (magic != MULTIBOOT_BOOTLOADER_MAGIC)
		panic("kmain: not started by a multiboot loader (magic 0x%x)",
		      magic);
	arch_init_cpu();
	boot_scan(mb_info);
	kinfo.nr_procs = NR_PROCS;
	kinfo.nr_tasks = NR_TASKS;
	kinfo.hz = HZ;
	strlcpy(kinfo.version, "axolotl 0.1", sizeof(kinfo.version));
	mem_init(mem_top, modules_end);
	proc_init();
	priv_init();
	paging_enable();
	boot_load_modules();
	kprintf("memory: %u KiB, %u KiB free for VM, %u kernel pages; "
		"%u boot modules\n",
		(unsigned)(mem_top / 1024),
		(unsigned)(kinfo.free_mem[0].size / 1024), pages_free_count(),
		kinfo.nr_boot_procs);
	if (mem_top > kernel_phys_top)
		kprintf("memory: RAM above %u MiB is not used (kernel identity map)\n",
			(unsigned)(kernel_phys_top >> 20));
	arch_init_pic();
	clock_init();
	restart_user();
}
