// SPDX-License-Identifier: BSD-2-Clause
/*
 * ttyprobe: the guest half of the tty boot scenario (test/boot/tty_*.py,
 * boot image [tty]).  A system service that plays VFS towards the tty
 * driver: it opens the console, checks the default termios and the
 * window size, writes a prompt line, reads one line the host types and
 * writes it back between markers, then checks that a nonblocking read
 * of the empty queue fails with -EAGAIN.  It prints one PASS/FAIL line
 * per step and a verdict, and sends the number of failures to the root
 * process (ktest in tty-scenario mode), which ends the emulator.
 */
#include <syslib.h>
#include <ds.h>
#include <sef.h>
#include <axo/tty.h>

#define PROMPT "ttyprobe: type a line\n"

static endpoint_t tty_ep = NONE;
static unsigned passed, failed;

static void check(const char *name, long long expected, long long got)
{
	if (expected == got) {
		passed++;
		printf("PASS %s\n", name);
	} else {
		failed++;
		printf("FAIL %s: expected %lld, got %lld\n", name, expected,
		       got);
	}
}

/* One request to the tty driver and its answer's status. */
static int32_t request(int type, struct cdev_rq rq)
{
	static uint32_t next_id;
	message m = { .m_type = type, .cdev_rq = rq };
	uint32_t status;

	m.cdev_rq.id = ++next_id;
	m.cdev_rq.user = sys_self();
	int r = ipc_send(tty_ep, &m);
	while (r == OK) {
		r = ipc_receive(tty_ep, &m, &status);
		if (r == OK && m.m_type == CDEV_REPLY &&
		    m.cdev_reply.id == next_id)
			return m.cdev_reply.status;
	}
	return r;
}

/* A data or ioctl request through a grant on buf. */
static int32_t with_grant(int type, uint32_t request_nr, void *buf,
			  uint32_t count, uint32_t flags)
{
	int access = type == CDEV_WRITE ? CPF_READ :
		     type == CDEV_READ	? CPF_WRITE :
					  CPF_READ | CPF_WRITE;
	cp_grant_id_t g =
		cpf_grant_direct(tty_ep, (vir_bytes)buf, count, access);
	struct cdev_rq rq = { .minor = 0,
			      .grant = g,
			      .count = count,
			      .flags = flags,
			      .request = request_nr };
	int32_t r = request(type, rq);

	cpf_revoke(g);
	return r;
}

static int32_t tty_write(const char *s, size_t n)
{
	return with_grant(CDEV_WRITE, 0, (void *)s, (uint32_t)n, 0);
}

static void check_settings(void)
{
	struct tty_termios tio = { 0 };
	struct tty_winsize ws = { 0 };

	check("tcgets_answers_ok", OK,
	      with_grant(CDEV_IOCTL, TTY_TCGETS, &tio, sizeof(tio), 0));
	check("default_mode_is_canonical_with_echo", TTY_ICANON | TTY_ECHO,
	      tio.c_lflag & (TTY_ICANON | TTY_ECHO));
	check("default_input_maps_cr_to_nl", TTY_ICRNL,
	      tio.c_iflag & TTY_ICRNL);
	check("tiocgwinsz_answers_ok", OK,
	      with_grant(CDEV_IOCTL, TTY_TIOCGWINSZ, &ws, sizeof(ws), 0));
	check("window_is_80_columns", 80, ws.ws_col);
	check("window_is_24_rows", 24, ws.ws_row);
}

/* Prompt, read a line, write it back as "[tty] got <line>". */
static void echo_one_line(void)
{
	static const char prompt[] = PROMPT;
	char line[128], out[160];

	check("prompt_write_reports_all_bytes", sizeof(prompt) - 1,
	      tty_write(prompt, sizeof(prompt) - 1));
	int32_t n = with_grant(CDEV_READ, 0, line, sizeof(line), 0);
	check("read_returns_a_line_ending_in_newline", '\n',
	      n > 0 ? line[n - 1] : n);
	if (n <= 0)
		return;
	static const char head[] = "[tty] got <", tail[] = ">\n";
	size_t len = 0;
	memcpy(out, head, sizeof(head) - 1);
	len += sizeof(head) - 1;
	memcpy(out + len, line, (size_t)n - 1); /* without its newline */
	len += (size_t)n - 1;
	memcpy(out + len, tail, sizeof(tail) - 1);
	len += sizeof(tail) - 1;
	check("answer_write_reports_all_bytes", (long long)len,
	      tty_write(out, len));
}

static void nonblocking_read_of_empty_queue_fails(void)
{
	char c;

	check("nonblocking_read_fails_eagain", -EAGAIN,
	      with_grant(CDEV_READ, 0, &c, 1, CDEV_NONBLOCK));
}

int main(void);
int main(void)
{
	message m = { 0 };

	sef_startup();
	check("tty_is_in_ds", OK, ds_retrieve_label_endpt("tty", &tty_ep));
	check("open_console_ok", OK,
	      request(CDEV_OPEN,
		      (struct cdev_rq){ .minor = 0,
					.access = CDEV_R_BIT | CDEV_W_BIT }));
	check_settings();
	echo_one_line();
	nonblocking_read_of_empty_queue_fails();
	check("open_minor_1_fails_enxio", -ENXIO,
	      request(CDEV_OPEN, (struct cdev_rq){ .minor = 1 }));
	printf("ttyprobe: %u passed, %u failed\n", passed, failed);
	m.m_type = (int)failed;
	ipc_send(RS_PROC_NR, &m);
	for (;;)
		sef_receive(ANY, &m);
}
