// SPDX-License-Identifier: BSD-2-Clause
/*
 * Protected-mode tables: a flat GDT with kernel and user segments and one
 * TSS, and the IDT.  Exceptions and IRQs use kernel-only interrupt gates;
 * the kernel-call and IPC vectors, and the breakpoint and overflow
 * exceptions (raised by the int3 and into instructions), are callable
 * from ring 3.  All gates clear IF, so the kernel always runs with
 * interrupts off.
 */
#include <stddef.h>
#include <axo/ipc.h>
#include "arch.h"
#include "asm_offsets.h"

_Static_assert(offsetof(struct regs, cs) == REGS_CS, "REGS_CS out of date");

struct gdt_entry {
	uint16_t limit_lo, base_lo;
	uint8_t base_mid, access, gran, base_hi;
} __attribute__((packed));

struct idt_entry {
	uint16_t off_lo, sel;
	uint8_t zero, type;
	uint16_t off_hi;
} __attribute__((packed));

struct tss {
	uint32_t link, esp0, ss0, esp1, ss1, esp2, ss2, cr3, eip, eflags;
	uint32_t eax, ecx, edx, ebx, esp, ebp, esi, edi;
	uint32_t es, cs, ss, ds, fs, gs, ldt;
	uint16_t trap, iomap;
} __attribute__((packed));

struct table_ptr {
	uint16_t limit;
	uint32_t base;
} __attribute__((packed));

static struct gdt_entry gdt[6];
static struct idt_entry idt[256];
static struct tss tss;

static void set_seg(int i, uint32_t base, uint32_t limit, uint8_t access,
		    uint8_t gran)
{
	gdt[i].limit_lo = limit & 0xffff;
	gdt[i].base_lo = base & 0xffff;
	gdt[i].base_mid = (base >> 16) & 0xff;
	gdt[i].access = access;
	gdt[i].gran = (uint8_t)(gran | ((limit >> 16) & 0x0f));
	gdt[i].base_hi = (base >> 24) & 0xff;
}

static void set_gate(int vec, void (*handler)(void), int dpl)
{
	uint32_t off = (uint32_t)handler;

	idt[vec].off_lo = off & 0xffff;
	idt[vec].sel = KCODE_SEL;
	idt[vec].zero = 0;
	idt[vec].type =
		(uint8_t)(0x8e | (dpl << 5)); /* present, 32-bit intr gate */
	idt[vec].off_hi = off >> 16;
}

#define DECLARE_TRAP(n) extern void trap_##n(void)
DECLARE_TRAP(0);
DECLARE_TRAP(1);
DECLARE_TRAP(2);
DECLARE_TRAP(3);
DECLARE_TRAP(4);
DECLARE_TRAP(5);
DECLARE_TRAP(6);
DECLARE_TRAP(7);
DECLARE_TRAP(8);
DECLARE_TRAP(9);
DECLARE_TRAP(10);
DECLARE_TRAP(11);
DECLARE_TRAP(12);
DECLARE_TRAP(13);
DECLARE_TRAP(14);
DECLARE_TRAP(15);
DECLARE_TRAP(16);
DECLARE_TRAP(17);
DECLARE_TRAP(18);
DECLARE_TRAP(19);
DECLARE_TRAP(32);
DECLARE_TRAP(33);
DECLARE_TRAP(80);
DECLARE_TRAP(81);
DECLARE_TRAP(82);
DECLARE_TRAP(83);
DECLARE_TRAP(84);
DECLARE_TRAP(85);
DECLARE_TRAP(86);
DECLARE_TRAP(87);
DECLARE_TRAP(88);
DECLARE_TRAP(89);
DECLARE_TRAP(90);
DECLARE_TRAP(91);
DECLARE_TRAP(92);
DECLARE_TRAP(93);
DECLARE_TRAP(94);
DECLARE_TRAP(95);

static void (*const exception_stubs[20])(void) = {
	trap_0,	 trap_1,  trap_2,  trap_3,  trap_4,  trap_5,  trap_6,
	trap_7,	 trap_8,  trap_9,  trap_10, trap_11, trap_12, trap_13,
	trap_14, trap_15, trap_16, trap_17, trap_18, trap_19,
};

static void (*const irq_stubs[16])(void) = {
	trap_80, trap_81, trap_82, trap_83, trap_84, trap_85, trap_86, trap_87,
	trap_88, trap_89, trap_90, trap_91, trap_92, trap_93, trap_94, trap_95,
};

static void load_tables(void)
{
	struct table_ptr gp = { sizeof(gdt) - 1, (uint32_t)gdt };
	struct table_ptr ip = { sizeof(idt) - 1, (uint32_t)idt };

	__asm__ volatile("lgdt %0\n\t"
			 "ljmp $0x08, $1f\n"
			 "1:\n\t"
			 "mov $0x10, %%ax\n\t"
			 "mov %%ax, %%ds\n\t"
			 "mov %%ax, %%es\n\t"
			 "mov %%ax, %%fs\n\t"
			 "mov %%ax, %%gs\n\t"
			 "mov %%ax, %%ss\n\t"
			 "lidt %1\n\t"
			 "mov $0x28, %%ax\n\t"
			 "ltr %%ax"
			 :
			 : "m"(gp), "m"(ip)
			 : "eax", "memory");
}

/* Set up GDT, TSS and IDT and enable the FPU; called once from kmain. */
void arch_init_cpu(void)
{
	set_seg(1, 0, 0xfffff, 0x9a, 0xc0); /* kernel code */
	set_seg(2, 0, 0xfffff, 0x92, 0xc0); /* kernel data */
	set_seg(3, 0, 0xfffff, 0xfa, 0xc0); /* user code */
	set_seg(4, 0, 0xfffff, 0xf2, 0xc0); /* user data */
	tss.ss0 = KDATA_SEL;
	tss.iomap = sizeof(tss); /* no I/O bitmap: all ports trap */
	set_seg(5, (uint32_t)&tss, sizeof(tss) - 1, 0x89, 0x00);

	for (int v = 0; v < 20; v++)
		set_gate(v, exception_stubs[v], 0);
	/* With DPL 0 a user int3/into would raise #GP (SIGSEGV), not #BP/#OF. */
	set_gate(3, exception_stubs[3], 3);
	set_gate(4, exception_stubs[4], 3);
	for (int i = 0; i < 16; i++)
		set_gate(IRQ0_VECTOR + i, irq_stubs[i], 0);
	set_gate(KERNEL_CALL_VECTOR, trap_32, 3);
	set_gate(IPC_VECTOR, trap_33, 3);
	load_tables();

	/* FPU: native errors (NE), monitor (MP), lazy switching via TS. */
	uint32_t cr0, cr4;
	__asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
	cr0 = (cr0 & ~0x4u) | 0x22u | 0x8u; /* clear EM, set MP, NE, TS */
	__asm__ volatile("mov %0, %%cr0" : : "r"(cr0));
	__asm__ volatile("mov %%cr4, %0" : "=r"(cr4));
	cr4 |= 0x200 | 0x10; /* OSFXSR, PSE */
	__asm__ volatile("mov %0, %%cr4" : : "r"(cr4));
}

/* Point the ring-0 stack at the end of the next process's register frame. */
void arch_set_kernel_stack(uint32_t esp0)
{
	tss.esp0 = esp0;
}
