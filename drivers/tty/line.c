// SPDX-License-Identifier: BSD-2-Clause
/*
 * The tty line discipline (line.h): input editing, echo, signal
 * characters and output processing, with no I/O of its own.  The input
 * queue is a flat array; the first `done` entries are finished lines
 * (canonical mode), the rest the line being edited.
 */
#include <axo/errno.h>

#include "line.h"

#define LINE_MARK_EOF  0x100 /* queue entry: end of file, not delivered */
#define LINE_MARK_PUSH 0x200 /* queue entry: ^D ended a line, not delivered */
#define CTRL_H	       0x08

void line_init(struct tty_line *l)
{
	*l = (struct tty_line){ 0 };
	l->tio.c_iflag = TTY_ICRNL;
	l->tio.c_oflag = TTY_OPOST | TTY_ONLCR;
	l->tio.c_lflag = TTY_ICANON | TTY_ECHO | TTY_ECHOE | TTY_ECHOK |
			 TTY_ISIG | TTY_IEXTEN;
	l->tio.c_cflag = 0;
	l->tio.c_cc[TTY_VEOF] = 0x04;
	l->tio.c_cc[TTY_VEOL] = 0;
	l->tio.c_cc[TTY_VERASE] = 0x7f;
	l->tio.c_cc[TTY_VINTR] = 0x03;
	l->tio.c_cc[TTY_VKILL] = 0x15;
	l->tio.c_cc[TTY_VMIN] = 1;
	l->tio.c_cc[TTY_VQUIT] = 0x1c;
	l->tio.c_cc[TTY_VTIME] = 0;
	l->tio.c_cc[TTY_VSUSP] = 0x1a;
	l->tio.c_cc[TTY_VSTART] = 0x11;
	l->tio.c_cc[TTY_VSTOP] = 0x13;
	l->tio.c_ispeed = l->tio.c_ospeed = 115200;
}

int line_check_termios(const struct tty_termios *tio)
{
	if (tio->c_cc[TTY_VMIN] > LINE_BUF / 2)
		return -EINVAL;
	return OK;
}

static bool canonical(const struct tty_line *l)
{
	return (l->tio.c_lflag & TTY_ICANON) != 0;
}

void line_set_termios(struct tty_line *l, const struct tty_termios *tio)
{
	l->tio = *tio;
	l->done = l->len; /* raw: all readable; canonical: a finished line */
}

/* Is c the enabled control character cc[i]?  0 disables one. */
static bool is_cc(const struct tty_line *l, uint8_t c, int i)
{
	return l->tio.c_cc[i] != 0 && c == l->tio.c_cc[i];
}

size_t line_opost(const struct tty_line *l, uint8_t c, uint8_t *out)
{
	uint32_t o = l->tio.c_oflag;

	if ((o & TTY_OPOST) && (o & TTY_ONLCR) && c == '\n') {
		out[0] = '\r';
		out[1] = '\n';
		return 2;
	}
	out[0] = c;
	return 1;
}

static void echo_bytes(const struct tty_line *l, const struct line_sink *sink,
		       const char *s, size_t n)
{
	uint8_t out[LINE_OPOST_MAX];

	if (sink == NULL || sink->put == NULL)
		return;
	for (size_t i = 0; i < n; i++)
		sink->put(sink->arg, out, line_opost(l, (uint8_t)s[i], out));
}

/* Remove the last entry of the line being edited; was there one? */
static bool erase_one(struct tty_line *l, const struct line_sink *sink)
{
	if (l->len == l->done)
		return false;
	l->len--;
	if ((l->tio.c_lflag & TTY_ECHO) && (l->tio.c_lflag & TTY_ECHOE))
		echo_bytes(l, sink, "\b \b", 3);
	return true;
}

/* ^U: the whole line being edited goes. */
static void kill_line(struct tty_line *l, uint8_t c,
		      const struct line_sink *sink)
{
	uint32_t lf = l->tio.c_lflag;

	if ((lf & TTY_ECHO) && (lf & TTY_ECHOK) && (lf & TTY_ECHOE)) {
		while (erase_one(l, sink))
			;
		return;
	}
	l->len = l->done;
	if (lf & TTY_ECHO) {
		echo_bytes(l, sink, (const char *)&c, 1);
		if (lf & TTY_ECHOK)
			echo_bytes(l, sink, "\n", 1);
	}
}

/* Append entry v; delim ends the line.  Full queue: v is dropped. */
static void queue(struct tty_line *l, uint16_t v, bool delim)
{
	size_t room = LINE_BUF - l->len;

	/* Canonical mode keeps one entry free for the line's end. */
	if (room == 0 || (canonical(l) && !delim && room == 1))
		return;
	l->in[l->len++] = v;
	if (delim || !canonical(l))
		l->done = l->len;
}

/* Input translation: CR and NL; returns false when c is dropped. */
static bool translate(const struct tty_line *l, uint8_t *c)
{
	uint32_t i = l->tio.c_iflag;

	if (*c == '\r') {
		if (i & TTY_IGNCR)
			return false;
		if (i & TTY_ICRNL)
			*c = '\n';
	} else if (*c == '\n' && (i & TTY_INLCR)) {
		*c = '\r';
	}
	return true;
}

static enum line_event signal_char(struct tty_line *l, uint8_t c)
{
	if (!(l->tio.c_lflag & TTY_ISIG))
		return LINE_EV_NONE;
	enum line_event ev = is_cc(l, c, TTY_VINTR) ? LINE_EV_SIGINT :
			     is_cc(l, c, TTY_VQUIT) ? LINE_EV_SIGQUIT :
						      LINE_EV_NONE;
	if (ev != LINE_EV_NONE && !(l->tio.c_lflag & TTY_NOFLSH))
		line_flush_input(l);
	return ev;
}

/* Canonical editing of c; true when c was an editing character. */
static bool edit_char(struct tty_line *l, uint8_t c,
		      const struct line_sink *sink)
{
	if (is_cc(l, c, TTY_VERASE) || c == CTRL_H) {
		erase_one(l, sink);
		return true;
	}
	if (is_cc(l, c, TTY_VKILL)) {
		kill_line(l, c, sink);
		return true;
	}
	if (is_cc(l, c, TTY_VEOF)) {
		queue(l, l->len > l->done ? LINE_MARK_PUSH : LINE_MARK_EOF,
		      true);
		return true;
	}
	return false;
}

enum line_event line_input(struct tty_line *l, uint8_t c,
			   const struct line_sink *sink)
{
	if (!translate(l, &c))
		return LINE_EV_NONE;
	enum line_event ev = signal_char(l, c);
	if (ev != LINE_EV_NONE)
		return ev;
	if (canonical(l) && edit_char(l, c, sink))
		return LINE_EV_NONE;
	bool delim = c == '\n' || is_cc(l, c, TTY_VEOL);
	size_t before = l->len;
	queue(l, c, delim);
	if (l->len == before)
		return LINE_EV_NONE; /* dropped: no echo either */
	if (l->tio.c_lflag & TTY_ECHO)
		echo_bytes(l, sink, (const char *)&c, 1);
	else if (c == '\n' && canonical(l) && (l->tio.c_lflag & TTY_ECHONL))
		echo_bytes(l, sink, "\n", 1);
	return LINE_EV_NONE;
}

bool line_readable(const struct tty_line *l)
{
	if (canonical(l))
		return l->done > 0;
	return l->len >= l->tio.c_cc[TTY_VMIN];
}

/* Drop the first n entries. */
static void consume(struct tty_line *l, size_t n)
{
	for (size_t i = n; i < l->len; i++)
		l->in[i - n] = l->in[i];
	l->len -= n;
	l->done = l->done > n ? l->done - n : 0;
}

size_t line_read(struct tty_line *l, uint8_t *buf, size_t n)
{
	size_t got = 0, used = 0;
	bool canon = canonical(l);

	while (got < n && used < l->done) {
		uint16_t v = l->in[used];
		if (v == LINE_MARK_PUSH) {
			used++; /* the line ends here, without a newline */
			break;
		}
		if (v == LINE_MARK_EOF) {
			if (got == 0)
				used++; /* an empty read: end of file */
			break;
		}
		buf[got++] = (uint8_t)v;
		used++;
		if (canon && (v == '\n' || is_cc(l, (uint8_t)v, TTY_VEOL)))
			break;
	}
	while (!canon && used < l->done && l->in[used] > 0xff)
		used++; /* marks left from canonical mode mean nothing raw */
	consume(l, used);
	return got;
}

void line_flush_input(struct tty_line *l)
{
	l->len = l->done = 0;
}
