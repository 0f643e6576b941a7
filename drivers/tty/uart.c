// SPDX-License-Identifier: BSD-2-Clause
/*
 * COM1's 16550 (uart.h).  Receive: the "data available" interrupt; every
 * byte in the FIFO goes to tty_rx().  Transmit: bytes wait in a ring;
 * when the transmitter holding register is empty up to a FIFO's worth
 * goes out in one string-output call, and the "THR empty" interrupt is
 * enabled only while the ring holds something.  An interrupt handler
 * loops until the UART reports no cause left, because the line is edge
 * triggered: a cause left pending would never interrupt again.
 */
#include <syslib.h>

#include "uart.h"

#define COM1	  0x3f8
#define REG_DATA  0 /* RBR in, THR out */
#define REG_IER	  1
#define REG_IIR	  2
#define REG_MCR	  4
#define REG_LSR	  5
#define IER_RX	  0x01
#define IER_TX	  0x02
#define IIR_NONE  0x01
#define MCR_DTR	  0x01
#define MCR_RTS	  0x02
#define MCR_OUT2  0x08 /* gates the interrupt line on a PC */
#define LSR_DR	  0x01
#define LSR_THRE  0x20
#define FIFO_SIZE 16
#define MAX_LOOPS 64 /* interrupt causes handled per notification */

static uint8_t ring[UART_OUT_RING];
static size_t ring_head, ring_count; /* next byte out, bytes queued */
static uint8_t ier;		     /* what IER holds */

static uint8_t in_reg(int reg)
{
	uint32_t v = 0xff;

	sys_devio(DIO_IN | DIO_BYTE, COM1 + reg, &v);
	return (uint8_t)v;
}

static void out_reg(int reg, uint8_t v)
{
	uint32_t w = v;
	int r = sys_devio(DIO_OUT | DIO_BYTE, COM1 + reg, &w);

	if (r != OK)
		printf("tty: port 0x%x write failed: %d\n", COM1 + reg, r);
}

static void set_ier(uint8_t v)
{
	if (v != ier) {
		ier = v;
		out_reg(REG_IER, v);
	}
}

size_t uart_room(void)
{
	return UART_OUT_RING - ring_count;
}

size_t uart_pending(void)
{
	return ring_count;
}

/* Feed the transmitter from the ring if it is empty. */
static void transmit(void)
{
	uint8_t chunk[FIFO_SIZE];
	size_t n = 0;

	if (ring_count > 0 && (in_reg(REG_LSR) & LSR_THRE)) {
		while (n < FIFO_SIZE && n < ring_count) {
			chunk[n] = ring[(ring_head + n) % UART_OUT_RING];
			n++;
		}
		int r = sys_sdevio(DIO_OUT | DIO_BYTE, COM1 + REG_DATA, chunk,
				   (uint32_t)n);
		if (r != OK)
			printf("tty: transmit failed: %d\n", r);
		ring_head = (ring_head + n) % UART_OUT_RING;
		ring_count -= n;
	}
	set_ier(ring_count > 0 ? IER_RX | IER_TX : IER_RX);
}

size_t uart_put(const uint8_t *b, size_t n)
{
	if (n > uart_room())
		n = uart_room();
	for (size_t i = 0; i < n; i++)
		ring[(ring_head + ring_count + i) % UART_OUT_RING] = b[i];
	ring_count += n;
	if (n > 0)
		transmit();
	return n;
}

static void receive(void)
{
	for (int i = 0; i < FIFO_SIZE * 4 && (in_reg(REG_LSR) & LSR_DR); i++)
		tty_rx(in_reg(REG_DATA));
}

void uart_intr(void)
{
	for (int i = 0; i < MAX_LOOPS; i++) {
		if (in_reg(REG_IIR) & IIR_NONE)
			break;
		receive();
		transmit();
	}
}

int uart_init(void)
{
	int hook = UART_HOOK_BIT;
	int r = sys_irqctl(IRQ_SETPOLICY, UART_IRQ, IRQ_REENABLE, &hook);

	if (r != OK)
		return r;
	out_reg(REG_MCR, MCR_DTR | MCR_RTS | MCR_OUT2);
	ier = 0xff; /* force the write */
	set_ier(IER_RX);
	receive(); /* anything typed before we were here */
	return OK;
}
