/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * i386 definitions used by the generic kernel: the saved register frame,
 * segment selectors, and small inline wrappers around privileged
 * instructions.  Nothing here is visible to user space.
 */
#ifndef KERNEL_ARCH_H
#define KERNEL_ARCH_H

#include <axo/types.h>

#define KCODE_SEL 0x08
#define KDATA_SEL 0x10
#define UCODE_SEL 0x1b
#define UDATA_SEL 0x23
#define TSS_SEL	  0x28

#define IRQ0_VECTOR 0x50
#define EFLAGS_IF   0x200
#define EFLAGS_IOPL 0x3000

/*
 * The register frame, in the order the entry stubs push it.  The CPU
 * pushes eip..ss straight into the current process's frame because the
 * TSS's esp0 points just past it.
 */
struct regs {
	uint32_t gs, fs, es, ds;
	uint32_t edi, esi, ebp, kesp, ebx, edx, ecx, eax;
	uint32_t vector, err;
	uint32_t eip, cs, eflags, esp, ss;
};

static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}
static inline void outw(uint16_t port, uint16_t v)
{
	__asm__ volatile("outw %0, %1" : : "a"(v), "Nd"(port));
}
static inline void outl(uint16_t port, uint32_t v)
{
	__asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port));
}
static inline uint8_t inb(uint16_t port)
{
	uint8_t v;
	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}
static inline uint16_t inw(uint16_t port)
{
	uint16_t v;
	__asm__ volatile("inw %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}
static inline uint32_t inl(uint16_t port)
{
	uint32_t v;
	__asm__ volatile("inl %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}
static inline uint64_t rdtsc(void)
{
	uint64_t v;
	__asm__ volatile("rdtsc" : "=A"(v));
	return v;
}
static inline uint32_t read_cr2(void)
{
	uint32_t v;
	__asm__ volatile("mov %%cr2, %0" : "=r"(v));
	return v;
}
static inline void write_cr3(uint32_t v)
{
	__asm__ volatile("mov %0, %%cr3" : : "r"(v) : "memory");
}
_Noreturn static inline void arch_halt(void)
{
	for (;;)
		__asm__ volatile("cli; hlt");
}

/* arch entry points called by the generic kernel */
void arch_init_cpu(void);
void arch_init_pic(void);
void arch_init_clock(unsigned hz);
void arch_set_kernel_stack(uint32_t esp0);
void arch_irq_mask(int irq);
void arch_irq_unmask(int irq);
void arch_irq_eoi(int irq);
void arch_fpu_switch(void);
_Noreturn void arch_shutdown(int how, int status);
void serial_init(void);
void serial_putc(char c);
_Noreturn void restart_user(void);

#endif
