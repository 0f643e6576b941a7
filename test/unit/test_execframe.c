// SPDX-License-Identifier: BSD-2-Clause
// UNIT_SOURCES: lib/libc/execframe.c
/*
 * The exec argument frame: built for a home address, then parsed back the
 * way crt0 reads it (argc, argv[], NULL, envp[], NULL), each pointer
 * translated from the home address to the buffer.
 */
#include "unit.h"
#include "../../lib/libc/execframe.h"
#include <axo/config.h>
#include <axo/msg_vm.h>

#define FRAME_CAP 4096

static uint32_t word_at(const unsigned char *buf, size_t off)
{
	return (uint32_t)buf[off] | (uint32_t)buf[off + 1] << 8 |
	       (uint32_t)buf[off + 2] << 16 | (uint32_t)buf[off + 3] << 24;
}

/*
 * Follows pointer word `off` of the frame: checks that it points inside
 * the frame, past the pointer words (at `strings`), and that its string
 * ends inside; returns the string, or NULL after recording a failure.
 */
static const char *frame_string(const unsigned char *buf, size_t len,
				uint32_t base, size_t off, size_t strings)
{
	uint32_t p = word_at(buf, off);

	if (!expect_true(unit_fmt("word %zu inside the strings", off),
			 p >= base + strings && p < base + len))
		return NULL;
	if (!expect_true(unit_fmt("word %zu NUL-terminated", off),
			 memchr(buf + (p - base), '\0', len - (p - base)) !=
				 NULL))
		return NULL;
	return (const char *)buf + (p - base);
}

/* Parses the frame as crt0 would and compares it with argv and envp. */
static void check_frame(const unsigned char *buf, size_t len, uint32_t base,
			char *const argv[], char *const envp[])
{
	size_t argc = 0, envc = 0, off, strings;

	while (argv[argc] != NULL)
		argc++;
	while (envp != NULL && envp[envc] != NULL)
		envc++;
	strings = (1 + argc + 1 + envc + 1) * 4;
	expect_eq_u32("argc", argc, word_at(buf, 0));
	for (size_t i = 0; i < argc; i++)
		expect_str_eq(unit_fmt("argv[%zu]", i), argv[i],
			      frame_string(buf, len, base, 4 + 4 * i, strings));
	off = 4 + 4 * argc;
	expect_eq_u32("argv NULL", 0, word_at(buf, off));
	off += 4; /* envp = argv + argc + 1, as crt0 computes it */
	for (size_t i = 0; i < envc; i++)
		expect_str_eq(unit_fmt("envp[%zu]", i), envp[i],
			      frame_string(buf, len, base, off + 4 * i,
					   strings));
	expect_eq_u32("envp NULL", 0, word_at(buf, off + 4 * envc));
}

static void execframe_round_trips_through_crt0_layout(void)
{
	char *argv[] = { "sh", "-c", "echo hi", NULL };
	char *envp[] = { "PATH=/bin", "HOME=/", NULL };
	unsigned char buf[FRAME_CAP];
	size_t len = execframe_size(argv, envp, sizeof(buf));
	uint32_t base = USER_STACK_TOP - (uint32_t)len;

	expect_ne_int("size", 0, len);
	execframe_build(buf, len, base, argv, envp);
	check_frame(buf, len, base, argv, envp);
}

static void execframe_size_is_exact_and_16_aligned(void)
{
	char *argv[] = { "a", NULL };
	char *argv3[] = { "abc", NULL };
	char *envp[] = { NULL };

	/* Words argc, argv[0], NULL, NULL: 16 bytes, then the strings. */
	expect_eq_size("one short arg", 32, execframe_size(argv, NULL, 4096));
	expect_eq_size("empty envp", 32, execframe_size(argv, envp, 4096));
	expect_eq_size("abc", 32, execframe_size(argv3, NULL, 4096));
	for (size_t n = 0; n < 40; n++) {
		char s[64];
		char *v[] = { s, NULL };

		memset(s, 'x', n);
		s[n] = '\0';
		expect_eq_size(unit_fmt("len %zu", n),
			       (16 + n + 1 + 15) / 16 * 16,
			       execframe_size(v, NULL, 4096));
	}
}

static void execframe_without_arguments_has_argc_zero(void)
{
	char *argv[] = { NULL };
	unsigned char buf[64];
	size_t len = execframe_size(argv, NULL, sizeof(buf));

	expect_eq_size("size", 16, len);
	memset(buf, 0xAA, sizeof(buf));
	execframe_build(buf, len, 0x1000, argv, NULL);
	for (size_t off = 0; off < 16; off += 4)
		expect_eq_u32(unit_fmt("word %zu", off), 0, word_at(buf, off));
}

static void execframe_refuses_frames_over_the_limit(void)
{
	static char big[VM_EXEC_FRAME_MAX + 1];
	char *argv[] = { big, NULL };
	size_t fit = VM_EXEC_FRAME_MAX - 16 - 1; /* 16: argc, argv, 2 NULLs */

	memset(big, 'y', sizeof(big) - 1);
	expect_eq_size("string as long as the limit", 0,
		       execframe_size(argv, NULL, VM_EXEC_FRAME_MAX));
	big[fit] = '\0';
	expect_eq_size("exactly the limit", VM_EXEC_FRAME_MAX,
		       execframe_size(argv, NULL, VM_EXEC_FRAME_MAX));
	big[fit] = 'y';
	big[fit + 1] = '\0';
	expect_eq_size("one byte over the limit", 0,
		       execframe_size(argv, NULL, VM_EXEC_FRAME_MAX));
}

static void execframe_pads_with_zeros(void)
{
	char *argv[] = { "xyz", NULL };
	unsigned char buf[64];
	size_t len = execframe_size(argv, NULL, sizeof(buf));

	memset(buf, 0xAA, sizeof(buf));
	execframe_build(buf, len, 0x2000, argv, NULL);
	expect_eq_size("size", 32, len);
	for (size_t i = 16 + 4; i < len; i++)
		expect_eq_int(unit_fmt("pad byte %zu", i), 0, buf[i]);
	expect_eq_int("past the frame untouched", 0xAA, buf[len]);
}

int main(void)
{
	static const struct unit_test tests[] = {
		UNIT_TEST(execframe_round_trips_through_crt0_layout),
		UNIT_TEST(execframe_size_is_exact_and_16_aligned),
		UNIT_TEST(execframe_without_arguments_has_argc_zero),
		UNIT_TEST(execframe_refuses_frames_over_the_limit),
		UNIT_TEST(execframe_pads_with_zeros),
	};

	return unit_run(tests, UNIT_COUNT(tests));
}
