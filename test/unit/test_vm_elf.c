// SPDX-License-Identifier: BSD-2-Clause
/*
 * Host tests of VM's ELF reader (servers/vm/elf32.c), on images built
 * byte by byte: a text + data + bss program parses into its segments and
 * heap start; every malformed header, segment outside the image or the
 * address range, overflowing segment, two segments on one page, missing
 * loadable segment and stray entry point is refused with -ENOEXEC; the
 * image may sit at any byte alignment.
 */
// UNIT_SOURCES: servers/vm/elf32.c
#include <axo/config.h>
#include <axo/errno.h>
#include <axo/msg_vm.h>

#include "../../servers/vm/elf32.h"
#include "unit.h"

#define LO USER_BASE
#define HI VM_MMAP_TOP

#define EHDR_SIZE 52
#define PHDR_SIZE 32
#define CAPACITY  0x3000u

#define TEXT_OFF  0x1000u
#define TEXT_VA	  0x40001000u
#define TEXT_SIZE 0x300u
#define DATA_OFF  0x2000u
#define DATA_VA	  0x40002000u
#define DATA_FILE 0x40u
#define DATA_MEM  0x1800u
#define ENTRY	  (TEXT_VA + 8)
#define PT_LOAD	  1
#define PT_NOTE	  4
#define PF_X	  1
#define PF_W	  2
#define PF_R	  4

static uint8_t buf[CAPACITY + 8];
static uint8_t *img = buf; /* moved by the alignment test */

static void put16(uint32_t at, uint16_t v)
{
	img[at] = (uint8_t)v;
	img[at + 1] = (uint8_t)(v >> 8);
}

static void put32(uint32_t at, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		img[at + (uint32_t)i] = (uint8_t)(v >> (8 * i));
}

static void phdr(int i, uint32_t type, uint32_t off, uint32_t va,
		 uint32_t filesz, uint32_t memsz, uint32_t flags)
{
	uint32_t at = EHDR_SIZE + (uint32_t)i * PHDR_SIZE;

	put32(at, type);
	put32(at + 4, off);
	put32(at + 8, va);
	put32(at + 12, va);
	put32(at + 16, filesz);
	put32(at + 20, memsz);
	put32(at + 24, flags);
	put32(at + 28, PAGE_SIZE);
}

/* The valid program: text RX, data RW with bss, and a note. */
static void build(void)
{
	static const uint8_t ident[] = { 0x7f, 'E', 'L', 'F', 1, 1, 1 };

	memset(img, 0, CAPACITY);
	memcpy(img, ident, sizeof(ident));
	put16(16, 2); /* ET_EXEC */
	put16(18, 3); /* EM_386 */
	put32(20, 1); /* version */
	put32(24, ENTRY);
	put32(28, EHDR_SIZE);
	put16(42, PHDR_SIZE);
	put16(44, 3);
	phdr(0, PT_LOAD, TEXT_OFF, TEXT_VA, TEXT_SIZE, TEXT_SIZE, PF_R | PF_X);
	phdr(1, PT_LOAD, DATA_OFF, DATA_VA, DATA_FILE, DATA_MEM, PF_R | PF_W);
	phdr(2, PT_NOTE, 0, 0, 0, 0, 0);
}

static int parse(struct exec_image *out)
{
	return exec_parse(img, CAPACITY, LO, HI, out);
}

static void vm_elf_parses_text_data_and_bss(void)
{
	struct exec_image x;

	build();
	expect_eq_int("parse", OK, parse(&x));
	expect_eq_int("segments", 2, x.nr);
	expect_eq_u32("entry", ENTRY, x.entry);
	expect_eq_u32("top", 0x40004000u, x.top);
	expect_eq_u32("text va", TEXT_VA, x.seg[0].vaddr);
	expect_false("text read-only", x.seg[0].write);
	expect_eq_u32("data offset", DATA_OFF, x.seg[1].offset);
	expect_eq_u32("data filesz", DATA_FILE, x.seg[1].filesz);
	expect_eq_u32("data memsz", DATA_MEM, x.seg[1].memsz);
	expect_true("data writable", x.seg[1].write);
}

static void vm_elf_accepts_any_byte_alignment(void)
{
	struct exec_image x;

	for (int shift = 1; shift < 8; shift++) {
		img = buf + shift;
		build();
		expect_eq_int(unit_fmt("shift %d", shift), OK, parse(&x));
	}
	img = buf;
}

static void expect_refused(const char *what)
{
	struct exec_image x;

	expect_eq_int(what, -ENOEXEC, parse(&x));
}

static void vm_elf_refuses_bad_headers(void)
{
	struct exec_image x;

	build();
	expect_eq_int("too small", -ENOEXEC, exec_parse(img, 40, LO, HI, &x));
	build();
	img[1] = 'X';
	expect_refused("magic");
	build();
	img[4] = 2;
	expect_refused("64-bit class");
	build();
	img[5] = 2;
	expect_refused("big-endian");
	build();
	put16(16, 3);
	expect_refused("shared object");
	build();
	put16(18, 62);
	expect_refused("x86-64");
	build();
	put16(42, 40);
	expect_refused("program header size");
	build();
	put16(44, 0);
	expect_refused("no program headers");
	build();
	put32(28, CAPACITY - 64);
	expect_refused("program headers past the end");
	build();
	put32(28, 0xffffffe0u);
	expect_refused("program header offset wraps");
}

static void vm_elf_refuses_bad_segments(void)
{
	build();
	phdr(0, PT_LOAD, TEXT_OFF, TEXT_VA, TEXT_SIZE + 1, TEXT_SIZE,
	     PF_R | PF_X);
	expect_refused("filesz above memsz");
	build();
	phdr(0, PT_LOAD, CAPACITY - 4, TEXT_VA, 8, 8, PF_R);
	expect_refused("file bytes past the end");
	build();
	phdr(0, PT_LOAD, 0xfffffff0u, TEXT_VA, 0x20, 0x20, PF_R);
	expect_refused("file offset wraps");
	build();
	phdr(0, PT_LOAD, TEXT_OFF, LO - PAGE_SIZE, 0x10, 0x10, PF_R);
	expect_refused("below user space");
	build();
	phdr(1, PT_LOAD, DATA_OFF, HI - PAGE_SIZE, DATA_FILE, 2 * PAGE_SIZE,
	     PF_W);
	expect_refused("ending above the area");
	build();
	phdr(1, PT_LOAD, DATA_OFF, 0xfffff000u, DATA_FILE, 0x2000, PF_W);
	expect_refused("address wraps");
	build();
	phdr(1, PT_LOAD, DATA_OFF, TEXT_VA + TEXT_SIZE, DATA_FILE, DATA_MEM,
	     PF_W);
	expect_refused("data on the text's page");
	build();
	phdr(1, PT_LOAD, DATA_OFF, TEXT_VA - PAGE_SIZE, DATA_FILE, 0x1001,
	     PF_W);
	expect_refused("data running into the text's page");
}

static void vm_elf_accepts_segments_ending_exactly_at_the_limit(void)
{
	struct exec_image x;

	build();
	phdr(1, PT_LOAD, DATA_OFF, HI - PAGE_SIZE, DATA_FILE, PAGE_SIZE, PF_W);
	expect_eq_int("parse", OK, parse(&x));
	expect_eq_u32("top", HI, x.top);
}

static void vm_elf_refuses_no_load_too_many_and_stray_entry(void)
{
	build();
	phdr(0, PT_NOTE, 0, 0, 0, 0, 0);
	phdr(1, PT_LOAD, DATA_OFF, DATA_VA, DATA_FILE, 0, PF_W);
	expect_refused("no loadable segment");
	build();
	put16(44, EXEC_MAX_SEGS + 1);
	for (int i = 0; i <= EXEC_MAX_SEGS; i++)
		phdr(i, PT_LOAD, TEXT_OFF, TEXT_VA + (uint32_t)i * PAGE_SIZE,
		     0x10, 0x10, PF_R);
	expect_refused("too many segments");
	build();
	put32(24, DATA_VA + DATA_MEM);
	expect_refused("entry just past data");
	build();
	put32(24, TEXT_VA + TEXT_SIZE + 4);
	expect_refused("entry in the text's page but not the segment");
}

static const struct unit_test tests[] = {
	UNIT_TEST(vm_elf_parses_text_data_and_bss),
	UNIT_TEST(vm_elf_accepts_any_byte_alignment),
	UNIT_TEST(vm_elf_refuses_bad_headers),
	UNIT_TEST(vm_elf_refuses_bad_segments),
	UNIT_TEST(vm_elf_accepts_segments_ending_exactly_at_the_limit),
	UNIT_TEST(vm_elf_refuses_no_load_too_many_and_stray_entry),
};

int main(void)
{
	return unit_run(tests, UNIT_COUNT(tests));
}
