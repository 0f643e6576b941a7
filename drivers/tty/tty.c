// SPDX-License-Identifier: BSD-2-Clause
/*
 * tty: the console driver, major TTY_MAJOR, minor 0 = COM1.  Requests
 * arrive through libchardriver; the line discipline is line.c, the UART
 * uart.c.  Suspended work, one of each kind: a read waits for a line (or
 * VMIN bytes), a write for room in the output ring, TCSETSW/F for the
 * ring to drain, and a select with CDEV_NOTIFY for readiness.  Every
 * event (a byte in, ring space out) re-examines them.  ^C and ^\ send
 * PM_SRV_KILL to the foreground process group with asynsend.
 */
#include <chardriver.h>
#include <sef.h>
#include <axo/signal.h>

#include "line.h"
#include "uart.h"

#define CHUNK 128 /* bytes moved per safecopy */

/* A suspended request. */
struct pending {
	bool active;
	endpoint_t caller;
	cp_grant_id_t grant;
	size_t count;
	uint32_t id;
	size_t done; /* write: bytes taken so far */
	uint32_t request;
	struct tty_termios tio; /* TCSETSW/F: what to apply */
};

static struct tty_line line;
static struct pending rd, wr, drain;
static int32_t fg_pgrp; /* 0: no foreground group, no signals */
static endpoint_t sel_caller = NONE;
static uint32_t sel_ops; /* CDEV_OP_* a select waits for */

static void echo_put(void *arg, const uint8_t *b, size_t n)
{
	(void)arg;
	uart_put(b, n); /* echo never blocks: what does not fit is lost */
}

static const struct line_sink echo_sink = { echo_put, NULL };

static void send_signal(int sig)
{
	message m = { .m_type = PM_SRV_KILL };

	if (fg_pgrp <= 0)
		return;
	m.pm_kill.pid = -fg_pgrp;
	m.pm_kill.sig = sig;
	int r = asynsend(PM_PROC_NR, &m);
	if (r != OK)
		printf("tty: signal %d to group %d lost: %d\n", sig, fg_pgrp,
		       r);
}

/* Copy cooked input to a reader: bytes, or -E* from the copy. */
static int copy_input(endpoint_t caller, cp_grant_id_t grant, size_t count)
{
	uint8_t buf[LINE_BUF];

	if (count > sizeof(buf))
		count = sizeof(buf);
	size_t n = line_read(&line, buf, count);
	if (n == 0)
		return 0;
	int r = sys_safecopyto(caller, grant, 0, buf, n);
	return r == OK ? (int)n : r;
}

/*
 * Queue output from the writer's grant, from w->done on, while the ring
 * has room for the worst case; OK or the copy's error.
 */
static int take_output(struct pending *w)
{
	uint8_t buf[CHUNK], out[LINE_OPOST_MAX];

	while (w->done < w->count && uart_room() >= LINE_OPOST_MAX) {
		size_t n = w->count - w->done;
		size_t fit = uart_room() / LINE_OPOST_MAX;
		if (n > CHUNK)
			n = CHUNK;
		if (n > fit)
			n = fit;
		int r = sys_safecopyfrom(w->caller, w->grant, w->done, buf, n);
		if (r != OK)
			return r;
		for (size_t i = 0; i < n; i++)
			uart_put(out, line_opost(&line, buf[i], out));
		w->done += n;
	}
	return OK;
}

/* Ready operations among ops now. */
static uint32_t ready_ops(uint32_t ops)
{
	uint32_t ready = 0;

	if ((ops & CDEV_OP_RD) && line_readable(&line))
		ready |= CDEV_OP_RD;
	if ((ops & CDEV_OP_WR) && uart_room() >= LINE_OPOST_MAX)
		ready |= CDEV_OP_WR;
	return ready;
}

static void finish_read(void)
{
	if (!rd.active || !line_readable(&line))
		return;
	rd.active = false;
	chardriver_reply(rd.caller, 0, rd.id,
			 copy_input(rd.caller, rd.grant, rd.count));
}

static void finish_write(void)
{
	if (!wr.active)
		return;
	int r = take_output(&wr);
	if (r == OK && wr.done < wr.count)
		return;
	wr.active = false;
	chardriver_reply(wr.caller, 0, wr.id, r == OK ? (int)wr.done : r);
}

static void finish_drain(void)
{
	if (!drain.active || uart_pending() > 0)
		return;
	drain.active = false;
	if (drain.request == TTY_TCSETSF)
		line_flush_input(&line);
	line_set_termios(&line, &drain.tio);
	chardriver_reply(drain.caller, 0, drain.id, OK);
}

static void notify_select(void)
{
	uint32_t ready;

	if (sel_caller == NONE || (ready = ready_ops(sel_ops)) == 0)
		return;
	message m = { .m_type = CDEV_SEL_REPLY };
	m.cdev_reply.minor = 0;
	m.cdev_reply.id = 0;
	m.cdev_reply.status = (int32_t)ready;
	asynsend(sel_caller, &m);
	sel_caller = NONE;
	sel_ops = 0;
}

/* Something changed: let every suspended request try again. */
static void wake_all(void)
{
	finish_read();
	finish_write();
	finish_drain();
	notify_select();
}

void tty_rx(uint8_t c)
{
	switch (line_input(&line, c, &echo_sink)) {
	case LINE_EV_SIGINT:
		send_signal(SIGINT);
		break;
	case LINE_EV_SIGQUIT:
		send_signal(SIGQUIT);
		break;
	case LINE_EV_NONE:
		break;
	}
}

static int tty_open(int minor, uint32_t access, endpoint_t user)
{
	(void)access;
	(void)user;
	return minor == 0 ? OK : -ENXIO;
}

static int tty_read(const struct cdev_io *io)
{
	if (io->minor != 0)
		return -ENXIO;
	if (io->count == 0)
		return 0;
	if (line_readable(&line))
		return copy_input(io->caller, io->grant, io->count);
	if (io->flags & CDEV_NONBLOCK)
		return -EAGAIN;
	if (rd.active)
		return -EBUSY; /* one reader waits at a time */
	rd = (struct pending){ .active = true,
			       .caller = io->caller,
			       .grant = io->grant,
			       .count = io->count,
			       .id = io->id };
	return -EDONTREPLY;
}

static int tty_write(const struct cdev_io *io)
{
	if (io->minor != 0)
		return -ENXIO;
	if (wr.active)
		return (io->flags & CDEV_NONBLOCK) ? -EAGAIN : -EBUSY;
	struct pending w = { .active = true,
			     .caller = io->caller,
			     .grant = io->grant,
			     .count = io->count,
			     .id = io->id };
	int r = take_output(&w);
	if (r != OK)
		return w.done > 0 ? (int)w.done : r;
	if (w.done == w.count)
		return (int)w.done;
	if (io->flags & CDEV_NONBLOCK)
		return w.done > 0 ? (int)w.done : -EAGAIN;
	wr = w;
	return -EDONTREPLY;
}

/* TCSETS/W/F: check the new termios, then apply it now or after drain. */
static int set_termios(const struct cdev_io *io, uint32_t request)
{
	struct tty_termios tio;
	int r = sys_safecopyfrom(io->caller, io->grant, 0, &tio, sizeof(tio));

	if (r != OK)
		return r;
	if ((r = line_check_termios(&tio)) != OK)
		return r;
	if (request == TTY_TCSETS || uart_pending() == 0) {
		if (request == TTY_TCSETSF)
			line_flush_input(&line);
		line_set_termios(&line, &tio);
		wake_all(); /* a mode change may make input readable */
		return OK;
	}
	if (drain.active)
		return -EBUSY;
	drain = (struct pending){ .active = true,
				  .caller = io->caller,
				  .id = io->id,
				  .request = request,
				  .tio = tio };
	return -EDONTREPLY;
}

static int set_pgrp(const struct cdev_io *io)
{
	int32_t pgrp;
	int r = sys_safecopyfrom(io->caller, io->grant, 0, &pgrp, sizeof(pgrp));

	if (r != OK)
		return r;
	if (pgrp < 0)
		return -EINVAL;
	fg_pgrp = pgrp;
	return OK;
}

static int tty_ioctl(const struct cdev_io *io, uint32_t request)
{
	static const struct tty_winsize ws = { .ws_row = 24, .ws_col = 80 };

	if (io->minor != 0)
		return -ENXIO;
	switch (request) {
	case TTY_TCGETS:
		return sys_safecopyto(io->caller, io->grant, 0, &line.tio,
				      sizeof(line.tio));
	case TTY_TCSETS:
	case TTY_TCSETSW:
	case TTY_TCSETSF:
		return set_termios(io, request);
	case TTY_TIOCGPGRP:
		return sys_safecopyto(io->caller, io->grant, 0, &fg_pgrp,
				      sizeof(fg_pgrp));
	case TTY_TIOCSPGRP:
		return set_pgrp(io);
	case TTY_TIOCGWINSZ:
		return sys_safecopyto(io->caller, io->grant, 0, &ws,
				      sizeof(ws));
	default:
		return -ENOTTY;
	}
}

/* End suspended request id of caller: a read or drain with -EINTR, a
 * write with what it wrote (or -EINTR if nothing). */
static void tty_cancel(int minor, endpoint_t caller, uint32_t id)
{
	(void)minor;
	if (rd.active && rd.caller == caller && rd.id == id) {
		rd.active = false;
		chardriver_reply(caller, 0, id, -EINTR);
	} else if (wr.active && wr.caller == caller && wr.id == id) {
		wr.active = false;
		chardriver_reply(caller, 0, id,
				 wr.done > 0 ? (int)wr.done : -EINTR);
	} else if (drain.active && drain.caller == caller && drain.id == id) {
		drain.active = false;
		chardriver_reply(caller, 0, id, -EINTR);
	}
}

/* Ready ops now; with CDEV_NOTIFY and none ready, remember to tell. */
static int tty_select(int minor, uint32_t ops, endpoint_t caller)
{
	if (minor != 0)
		return -ENXIO;
	uint32_t ready = ready_ops(ops);
	if (ready == 0 && (ops & CDEV_NOTIFY) &&
	    (ops & (CDEV_OP_RD | CDEV_OP_WR))) {
		sel_caller = caller;
		sel_ops = ops & (CDEV_OP_RD | CDEV_OP_WR);
	}
	return (int)ready;
}

static void tty_intr(uint32_t irq_set)
{
	if (!(irq_set & (1u << UART_HOOK_BIT)))
		return;
	uart_intr();
	wake_all();
}

static const struct chardriver tty_tab = {
	.open = tty_open,
	.read = tty_read,
	.write = tty_write,
	.ioctl = tty_ioctl,
	.cancel = tty_cancel,
	.select = tty_select,
	.intr = tty_intr,
};

/* Fresh start and restart alike: the hardware state is set up again. */
static int init(int type, const struct sef_init_info *info)
{
	(void)info;
	line_init(&line);
	int r = uart_init();
	if (r != OK) {
		printf("tty: cannot hook IRQ %d (%d)\n", UART_IRQ, r);
		return r;
	}
	return chardriver_announce(type);
}

int main(void);
int main(void)
{
	sef_setcb_init_fresh(init);
	sef_setcb_init_restart(init);
	sef_startup();
	chardriver_task(&tty_tab);
}
