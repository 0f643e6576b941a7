/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The tty line discipline, pure code (no libsys, host-tested): the
 * termios subset of <axo/tty.h> applied to input bytes (canonical line
 * editing, raw mode, echo, ^C/^\ signals) and to output bytes (ONLCR).
 *
 * Interface: line_init() sets the defaults; line_input() takes one
 * received byte, echoes through the sink and returns a signal event;
 * line_readable()/line_read() hand cooked input to readers;
 * line_opost() expands one output byte; line_set_termios() changes the
 * mode.  Input waiting in the queue is stored with a mark per entry: an
 * end-of-file entry (^D) ends a line without being delivered.
 */
#ifndef TTY_LINE_H
#define TTY_LINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <axo/tty.h>

#define LINE_BUF       256 /* input queue entries */
#define LINE_OPOST_MAX 2   /* bytes one output byte may become */

/* What an input byte asks of the driver besides echo. */
enum line_event {
	LINE_EV_NONE,
	LINE_EV_SIGINT,
	LINE_EV_SIGQUIT,
};

/* Where echo goes: bytes already output-processed. */
struct line_sink {
	void (*put)(void *arg, const uint8_t *b, size_t n);
	void *arg;
};

struct tty_line {
	struct tty_termios tio;
	uint16_t in[LINE_BUF]; /* byte, or LINE_MARK_EOF */
	size_t len;	       /* entries queued */
	size_t done;	       /* entries ended by a delimiter (canonical) */
};

/* Fill l with the default termios (cooked, echo, signals) and no input. */
void line_init(struct tty_line *l);

/*
 * Apply tio (already checked with line_check_termios).  Input a partial
 * line holds becomes readable when leaving canonical mode and counts as
 * a finished line when entering it.
 */
void line_set_termios(struct tty_line *l, const struct tty_termios *tio);

/* OK, or -EINVAL when tio asks for what the queue cannot hold. */
int line_check_termios(const struct tty_termios *tio);

/* Process one received byte c; echo goes to sink. */
enum line_event line_input(struct tty_line *l, uint8_t c,
			   const struct line_sink *sink);

/* Is there something a read of count > 0 bytes may return now? */
bool line_readable(const struct tty_line *l);

/*
 * Take at most n bytes into buf: canonical, up to one line (its '\n'
 * included, an end-of-file mark consumed, not copied); raw, what is
 * queued.  Returns the bytes copied (0 at end of file).
 */
size_t line_read(struct tty_line *l, uint8_t *buf, size_t n);

/* Drop all queued input. */
void line_flush_input(struct tty_line *l);

/* Output processing of c into out[LINE_OPOST_MAX]; the bytes produced. */
size_t line_opost(const struct tty_line *l, uint8_t c, uint8_t *out);

#endif
