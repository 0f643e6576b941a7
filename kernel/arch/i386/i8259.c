// SPDX-License-Identifier: BSD-2-Clause
/*
 * The 8259 interrupt controllers and the 8253 interval timer.  IRQs are
 * remapped to vectors IRQ0_VECTOR.. and all start masked except the timer
 * and the cascade; irqctl unmasks lines for drivers.
 */
#include "arch.h"

#define PIC1_CMD  0x20
#define PIC1_DATA 0x21
#define PIC2_CMD  0xa0
#define PIC2_DATA 0xa1
#define PIC_EOI	  0x20

#define PIT_CH0	 0x40
#define PIT_CMD	 0x43
#define PIT_FREQ 1193182u

static uint16_t irq_mask = 0xffff;

static void write_mask(void)
{
	outb(PIC1_DATA, irq_mask & 0xff);
	outb(PIC2_DATA, irq_mask >> 8);
}

void arch_init_pic(void)
{
	outb(PIC1_CMD, 0x11); /* ICW1: edge, cascade, ICW4 */
	outb(PIC2_CMD, 0x11);
	outb(PIC1_DATA, IRQ0_VECTOR); /* ICW2: vector base */
	outb(PIC2_DATA, IRQ0_VECTOR + 8);
	outb(PIC1_DATA, 0x04); /* ICW3: slave on IRQ2 */
	outb(PIC2_DATA, 0x02);
	outb(PIC1_DATA, 0x01); /* ICW4: 8086 mode */
	outb(PIC2_DATA, 0x01);
	irq_mask = 0xffff & ~(1u << 2);
	write_mask();
}

void arch_irq_mask(int irq)
{
	irq_mask |= (uint16_t)(1u << irq);
	write_mask();
}

void arch_irq_unmask(int irq)
{
	irq_mask &= (uint16_t) ~(1u << irq);
	write_mask();
}

void arch_irq_eoi(int irq)
{
	if (irq >= 8)
		outb(PIC2_CMD, PIC_EOI);
	outb(PIC1_CMD, PIC_EOI);
}

/* Program channel 0 for a periodic interrupt at hz and unmask IRQ 0. */
void arch_init_clock(unsigned hz)
{
	unsigned divisor = PIT_FREQ / hz;

	outb(PIT_CMD, 0x34); /* channel 0, lo/hi, rate generator */
	outb(PIT_CH0, divisor & 0xff);
	outb(PIT_CH0, (divisor >> 8) & 0xff);
	arch_irq_unmask(0);
}
