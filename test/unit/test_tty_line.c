// SPDX-License-Identifier: BSD-2-Clause
// UNIT_SOURCES: drivers/tty/line.c
/*
 * The tty line discipline: canonical editing (erase, kill, end of file),
 * CR to NL, echo and its output processing, raw mode with VMIN, and the
 * signal characters with their input flush.
 */
#include "unit.h"
#include "../../drivers/tty/line.h"

/* Echo collected by the sink. */
static char echoed[1024];
static size_t echoed_len;

static void collect(void *arg, const uint8_t *b, size_t n)
{
	(void)arg;
	for (size_t i = 0; i < n && echoed_len + 1 < sizeof(echoed); i++)
		echoed[echoed_len++] = (char)b[i];
	echoed[echoed_len] = '\0';
}

static const struct line_sink sink = { collect, NULL };

static struct tty_line fresh(void)
{
	struct tty_line l;

	line_init(&l);
	echoed_len = 0;
	echoed[0] = '\0';
	return l;
}

/* Feed s; the last event. */
static enum line_event type(struct tty_line *l, const char *s)
{
	enum line_event ev = LINE_EV_NONE;

	for (; *s; s++)
		ev = line_input(l, (uint8_t)*s, &sink);
	return ev;
}

/* One read of at most n bytes, as a string. */
static const char *read_str(struct tty_line *l, size_t n)
{
	static char buf[LINE_BUF + 1];
	size_t got = line_read(l, (uint8_t *)buf, n);

	buf[got] = '\0';
	return buf;
}

static void canonical_read_waits_for_newline(void)
{
	struct tty_line l = fresh();

	type(&l, "abc");
	expect_false("readable before newline", line_readable(&l));
	type(&l, "\n");
	expect_true("readable after newline", line_readable(&l));
	expect_str_eq("line", "abc\n", read_str(&l, 100));
	expect_false("nothing left", line_readable(&l));
}

static void carriage_return_becomes_newline(void)
{
	struct tty_line l = fresh();

	type(&l, "hi\r");
	expect_str_eq("line", "hi\n", read_str(&l, 100));
	expect_str_eq("echo of CR is CRLF", "hi\r\n", echoed);
}

static void erase_removes_last_char_and_echoes_backspace(void)
{
	struct tty_line l = fresh();

	type(&l, "helx\x7fp\x08P\r");
	expect_str_eq("line", "helP\n", read_str(&l, 100));
	expect_str_eq("echo", "helx\b \bp\b \bP\r\n", echoed);
}

static void erase_at_line_start_does_nothing(void)
{
	struct tty_line l = fresh();

	type(&l, "a\n\x7f\x7f"
		 "b\n");
	expect_str_eq("first", "a\n", read_str(&l, 100));
	expect_str_eq("second", "b\n", read_str(&l, 100));
	expect_str_eq("echo", "a\r\nb\r\n", echoed);
}

static void kill_drops_the_line_being_edited(void)
{
	struct tty_line l = fresh();

	type(&l, "one\nxyz\x15two\n");
	expect_str_eq("first", "one\n", read_str(&l, 100));
	expect_str_eq("second", "two\n", read_str(&l, 100));
	expect_str_eq("echo erases visually",
		      "one\r\nxyz\b \b\b \b\b \btwo\r\n", echoed);
}

static void eof_at_line_start_reads_zero(void)
{
	struct tty_line l = fresh();

	type(&l, "\x04");
	expect_true("readable", line_readable(&l));
	expect_eq_size("end of file", 0, strlen(read_str(&l, 100)));
	expect_false("consumed", line_readable(&l));
	expect_str_eq("no echo", "", echoed);
}

static void eof_mid_line_pushes_the_line(void)
{
	struct tty_line l = fresh();

	type(&l, "ab\x04"
		 "cd\n");
	expect_str_eq("pushed without newline", "ab", read_str(&l, 100));
	expect_str_eq("next line", "cd\n", read_str(&l, 100));
	expect_false("nothing left", line_readable(&l));
}

static void short_read_returns_rest_of_line_later(void)
{
	struct tty_line l = fresh();

	type(&l, "abcdef\n");
	expect_str_eq("first part", "abc", read_str(&l, 3));
	expect_str_eq("rest", "def\n", read_str(&l, 100));
}

static void echo_off_echoes_nothing_but_echonl_newline(void)
{
	struct tty_line l = fresh();
	struct tty_termios t = l.tio;

	t.c_lflag &= ~(uint32_t)TTY_ECHO;
	line_set_termios(&l, &t);
	type(&l, "pw\r");
	expect_str_eq("no echo", "", echoed);
	expect_str_eq("line", "pw\n", read_str(&l, 100));
	t.c_lflag |= TTY_ECHONL;
	line_set_termios(&l, &t);
	type(&l, "x\n");
	expect_str_eq("ECHONL", "\r\n", echoed);
}

static void opost_onlcr_expands_newline_only_when_set(void)
{
	struct tty_line l = fresh();
	uint8_t out[LINE_OPOST_MAX];

	expect_eq_size("NL", 2, line_opost(&l, '\n', out));
	expect_eq_int("CR first", '\r', out[0]);
	expect_eq_size("plain", 1, line_opost(&l, 'x', out));
	expect_eq_int("plain byte", 'x', out[0]);
	struct tty_termios t = l.tio;
	t.c_oflag &= ~(uint32_t)TTY_OPOST;
	line_set_termios(&l, &t);
	expect_eq_size("NL without OPOST", 1, line_opost(&l, '\n', out));
}

static struct tty_line raw_line(uint8_t vmin)
{
	struct tty_line l = fresh();
	struct tty_termios t = l.tio;

	t.c_lflag &= ~(uint32_t)(TTY_ICANON | TTY_ECHO);
	t.c_cc[TTY_VMIN] = vmin;
	line_set_termios(&l, &t);
	return l;
}

static void raw_mode_vmin_one_delivers_each_byte(void)
{
	struct tty_line l = raw_line(1);

	expect_false("empty", line_readable(&l));
	type(&l, "\x7f");
	expect_true("one byte readable", line_readable(&l));
	expect_str_eq("erase is data", "\x7f", read_str(&l, 100));
	type(&l, "xy");
	expect_str_eq("both bytes", "xy", read_str(&l, 100));
	expect_str_eq("no echo", "", echoed);
}

static void raw_mode_vmin_zero_is_always_readable(void)
{
	struct tty_line l = raw_line(0);

	expect_true("readable when empty", line_readable(&l));
	expect_eq_size("reads nothing", 0, strlen(read_str(&l, 10)));
}

static void raw_mode_vmin_three_waits_for_three(void)
{
	struct tty_line l = raw_line(3);

	type(&l, "ab");
	expect_false("two of three", line_readable(&l));
	type(&l, "c");
	expect_true("three", line_readable(&l));
}

static void leaving_canonical_mode_makes_partial_line_readable(void)
{
	struct tty_line l = fresh();

	type(&l, "part");
	struct tty_termios t = l.tio;
	t.c_lflag &= ~(uint32_t)TTY_ICANON;
	line_set_termios(&l, &t);
	expect_str_eq("partial line", "part", read_str(&l, 100));
}

static void ctrl_c_signals_and_flushes_input(void)
{
	struct tty_line l = fresh();

	type(&l, "done\nhalf");
	expect_eq_int("^C", LINE_EV_SIGINT, type(&l, "\x03"));
	expect_false("input flushed", line_readable(&l));
	type(&l, "new\n");
	expect_str_eq("only new input", "new\n", read_str(&l, 100));
	expect_eq_int("^\\", LINE_EV_SIGQUIT, type(&l, "\x1c"));
}

static void noflsh_keeps_input_and_isig_off_makes_data(void)
{
	struct tty_line l = fresh();
	struct tty_termios t = l.tio;

	t.c_lflag |= TTY_NOFLSH;
	line_set_termios(&l, &t);
	type(&l, "keep\n");
	expect_eq_int("^C", LINE_EV_SIGINT, type(&l, "\x03"));
	expect_str_eq("kept", "keep\n", read_str(&l, 100));
	t.c_lflag &= ~(uint32_t)TTY_ISIG;
	line_set_termios(&l, &t);
	expect_eq_int("no signal", LINE_EV_NONE, type(&l, "\x03\n"));
	expect_str_eq("^C is data", "\x03\n", read_str(&l, 100));
}

static void full_queue_drops_input_but_keeps_room_for_newline(void)
{
	struct tty_line l = fresh();

	for (int i = 0; i < LINE_BUF + 10; i++)
		type(&l, "x");
	type(&l, "\n");
	expect_true("line ends", line_readable(&l));
	expect_eq_size("bytes", LINE_BUF, strlen(read_str(&l, LINE_BUF)));
}

static void vmin_larger_than_half_the_queue_is_refused(void)
{
	struct tty_line l = fresh();
	struct tty_termios t = l.tio;

	expect_eq_int("defaults", 0, line_check_termios(&t));
	t.c_cc[TTY_VMIN] = 200;
	expect_eq_int("VMIN 200", -22, line_check_termios(&t));
}

int main(void)
{
	static const struct unit_test tests[] = {
		UNIT_TEST(canonical_read_waits_for_newline),
		UNIT_TEST(carriage_return_becomes_newline),
		UNIT_TEST(erase_removes_last_char_and_echoes_backspace),
		UNIT_TEST(erase_at_line_start_does_nothing),
		UNIT_TEST(kill_drops_the_line_being_edited),
		UNIT_TEST(eof_at_line_start_reads_zero),
		UNIT_TEST(eof_mid_line_pushes_the_line),
		UNIT_TEST(short_read_returns_rest_of_line_later),
		UNIT_TEST(echo_off_echoes_nothing_but_echonl_newline),
		UNIT_TEST(opost_onlcr_expands_newline_only_when_set),
		UNIT_TEST(raw_mode_vmin_one_delivers_each_byte),
		UNIT_TEST(raw_mode_vmin_zero_is_always_readable),
		UNIT_TEST(raw_mode_vmin_three_waits_for_three),
		UNIT_TEST(leaving_canonical_mode_makes_partial_line_readable),
		UNIT_TEST(ctrl_c_signals_and_flushes_input),
		UNIT_TEST(noflsh_keeps_input_and_isig_off_makes_data),
		UNIT_TEST(full_queue_drops_input_but_keeps_room_for_newline),
		UNIT_TEST(vmin_larger_than_half_the_queue_is_refused),
	};
	return unit_run(tests, UNIT_COUNT(tests));
}
