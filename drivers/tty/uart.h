/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The tty driver's hardware layer: the 16550 UART of COM1 (ports
 * 0x3f8..0x3ff, IRQ 4), interrupt driven, with an output ring.  The
 * kernel keeps printing its log to the same UART by polling; the two
 * streams may interleave.
 *
 * Interface: uart_init() once at start; uart_intr() on every interrupt
 * notification (it hands received bytes to tty_rx() and refills the
 * transmitter); uart_put() queues output and starts the transmitter.
 */
#ifndef TTY_UART_H
#define TTY_UART_H

#include <stddef.h>
#include <stdint.h>

#define UART_IRQ      4
#define UART_HOOK_BIT 0
#define UART_OUT_RING 4096

/* Hook the IRQ and enable the receive interrupt: OK or -E*. */
int uart_init(void);

/* Handle the UART's pending interrupt causes. */
void uart_intr(void);

/* Free bytes in the output ring. */
size_t uart_room(void);

/* Bytes still waiting in the output ring. */
size_t uart_pending(void);

/* Queue at most uart_room() of b[0..n) for output; the bytes queued. */
size_t uart_put(const uint8_t *b, size_t n);

/* Provided by the driver: one byte arrived. */
void tty_rx(uint8_t c);

#endif
