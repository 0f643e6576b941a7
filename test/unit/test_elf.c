// SPDX-License-Identifier: BSD-2-Clause
/*
 * Host tests of kernel/elf.c: elf_parse() on ELF32 images built byte by
 * byte in memory.  A valid text + data(+bss) image parses into the right
 * segment list; PT_LOAD headers with memsz 0 and other header types are
 * skipped; every malformed image is refused with its exact reason.
 *
 * The layout is written with explicit offsets rather than the host's
 * <elf.h>: -Ikernel makes <elf.h> name kernel/elf.h, and an independent
 * description of the format is the better oracle anyway.
 */
// UNIT_SOURCES: kernel/elf.c
#include <axo/config.h>

#include "elf.h"
#include "unit.h"

/* The range boot.c passes: user space below the boot stack. */
#define LO USER_BASE
#define HI (USER_STACK_TOP - BOOT_STACK_SIZE)

/* ELF32 header fields (System V ABI, i386 supplement). */
#define EHDR_SIZE     52
#define EH_CLASS      4 /* e_ident[EI_CLASS]: 1 = 32-bit, 2 = 64-bit */
#define EH_DATA	      5 /* e_ident[EI_DATA]: 1 = little, 2 = big-endian */
#define EH_VERSION_ID 6
#define EH_TYPE	      16 /* u16 */
#define EH_MACHINE    18
#define EH_VERSION    20 /* u32 */
#define EH_ENTRY      24
#define EH_PHOFF      28
#define EH_EHSIZE     40 /* u16 */
#define EH_PHENTSIZE  42
#define EH_PHNUM      44

/* ELF32 program header fields, all u32. */
#define PHDR_SIZE 32
#define PH_TYPE	  0
#define PH_OFFSET 4
#define PH_VADDR  8
#define PH_PADDR  12
#define PH_FILESZ 16
#define PH_MEMSZ  20
#define PH_FLAGS  24
#define PH_ALIGN  28

#define ET_EXEC	     2
#define ET_DYN	     3
#define EM_386	     3
#define EM_ARM	     40
#define EM_X86_64    62
#define PT_NULL	     0
#define PT_LOAD	     1
#define PT_NOTE	     4
#define PT_GNU_STACK 0x6474e551u
#define PF_X	     1
#define PF_W	     2
#define PF_R	     4

/* The valid image: headers, text page, data page (bss beyond filesz). */
#define TEXT_OFFSET    0x1000u
#define TEXT_VADDR     0x40001000u
#define TEXT_SIZE      0x234u
#define DATA_OFFSET    0x2000u
#define DATA_VADDR     0x40002000u
#define DATA_FILESZ    0x80u
#define DATA_MEMSZ     0x1400u
#define ENTRY	       (TEXT_VADDR + 0x10u)
#define IMAGE_CAPACITY 0x3000u

#define WHY_TOO_SMALL  "too small for an ELF header"
#define WHY_MAGIC      "bad ELF magic"
#define WHY_CLASS      "not 32-bit little-endian"
#define WHY_TYPE       "not an i386 executable"
#define WHY_PHDR_SHAPE "bad program header size or count"
#define WHY_PHDR_PLACE "program headers outside the image"
#define WHY_FILESZ     "segment file size exceeds memory size"
#define WHY_DATA       "segment data outside the image"
#define WHY_RANGE      "segment outside the user address range"
#define WHY_TOO_MANY   "too many loadable segments"
#define WHY_NO_LOAD    "no loadable segment"
#define WHY_ENTRY      "entry point outside the user address range"

struct image {
	_Alignas(8) uint8_t bytes[IMAGE_CAPACITY];
	size_t size; /* what elf_parse is told */
};

static void put16(struct image *img, uint32_t at, uint16_t v)
{
	img->bytes[at] = (uint8_t)v;
	img->bytes[at + 1] = (uint8_t)(v >> 8);
}

static void put32(struct image *img, uint32_t at, uint32_t v)
{
	for (uint32_t i = 0; i < 4; i++)
		img->bytes[at + i] = (uint8_t)(v >> (8 * i));
}

/* An ELF header with phnum program headers at phoff, none filled in. */
static void make_header(struct image *img, size_t size, uint32_t phoff,
			uint16_t phnum)
{
	static const uint8_t ident[] = { 0x7f, 'E', 'L', 'F', 1, 1, 1 };

	memset(img, 0, sizeof(*img));
	img->size = size;
	memcpy(img->bytes, ident, sizeof(ident));
	put16(img, EH_TYPE, ET_EXEC);
	put16(img, EH_MACHINE, EM_386);
	put32(img, EH_VERSION, 1);
	put32(img, EH_ENTRY, ENTRY);
	put32(img, EH_PHOFF, phoff);
	put16(img, EH_EHSIZE, EHDR_SIZE);
	put16(img, EH_PHENTSIZE, PHDR_SIZE);
	put16(img, EH_PHNUM, phnum);
}

static uint32_t ph_at(int index, uint32_t field)
{
	return EHDR_SIZE + (uint32_t)index * PHDR_SIZE + field;
}

/* Fill program header `index` (headers follow the ELF header). */
static void set_phdr(struct image *img, int index, uint32_t type,
		     uint32_t offset, uint32_t vaddr, uint32_t filesz,
		     uint32_t memsz, uint32_t flags)
{
	put32(img, ph_at(index, PH_TYPE), type);
	put32(img, ph_at(index, PH_OFFSET), offset);
	put32(img, ph_at(index, PH_VADDR), vaddr);
	put32(img, ph_at(index, PH_PADDR), vaddr);
	put32(img, ph_at(index, PH_FILESZ), filesz);
	put32(img, ph_at(index, PH_MEMSZ), memsz);
	put32(img, ph_at(index, PH_FLAGS), flags);
	put32(img, ph_at(index, PH_ALIGN), 0x1000);
}

/* Text RX at TEXT_VADDR, data RW at DATA_VADDR with bss after its bytes. */
static void make_valid(struct image *img)
{
	make_header(img, DATA_OFFSET + DATA_FILESZ, EHDR_SIZE, 2);
	set_phdr(img, 0, PT_LOAD, TEXT_OFFSET, TEXT_VADDR, TEXT_SIZE, TEXT_SIZE,
		 PF_R | PF_X);
	set_phdr(img, 1, PT_LOAD, DATA_OFFSET, DATA_VADDR, DATA_FILESZ,
		 DATA_MEMSZ, PF_R | PF_W);
}

/* Parse img over [lo, hi), expecting success; out receives the result. */
static bool expect_parsed(const char *what, const struct image *img,
			  uint32_t lo, uint32_t hi, struct elf_image *out)
{
	const char *why = NULL;
	int r = elf_parse(img->bytes, img->size, lo, hi, out, &why);

	return expect_eq_int(unit_fmt("%s: elf_parse result (why: %s)", what,
				      why ? why : "none"),
			     0, r);
}

/* Parse img over [lo, hi), expecting -1 with exactly the reason given. */
static void expect_refused_in(const char *what, const struct image *img,
			      uint32_t lo, uint32_t hi, const char *reason)
{
	struct elf_image out;
	const char *why = NULL;

	expect_eq_int(unit_fmt("%s: elf_parse result", what), -1,
		      elf_parse(img->bytes, img->size, lo, hi, &out, &why));
	expect_str_eq(unit_fmt("%s: why", what), reason, why);
}

static void expect_refused(const char *what, const struct image *img,
			   const char *reason)
{
	expect_refused_in(what, img, LO, HI, reason);
}

static void expect_segment(int index, const struct elf_segment *s,
			   uint32_t vaddr, uint32_t memsz, uint32_t offset,
			   uint32_t filesz, uint32_t flags)
{
	expect_eq_u32(unit_fmt("seg[%d].vaddr", index), vaddr, s->vaddr);
	expect_eq_u32(unit_fmt("seg[%d].memsz", index), memsz, s->memsz);
	expect_eq_u32(unit_fmt("seg[%d].offset", index), offset, s->offset);
	expect_eq_u32(unit_fmt("seg[%d].filesz", index), filesz, s->filesz);
	expect_eq_u32(unit_fmt("seg[%d].flags", index), flags, s->flags);
}

static void elf_parse_accepts_text_and_data_image(void)
{
	struct image img;
	struct elf_image out;

	make_valid(&img);
	memset(&out, 0xa5, sizeof(out));
	if (!expect_parsed("valid image", &img, LO, HI, &out))
		return;
	expect_eq_u32("entry", ENTRY, out.entry);
	expect_eq_int("nr_segments", 2, out.nr_segments);
	expect_segment(0, &out.seg[0], TEXT_VADDR, TEXT_SIZE, TEXT_OFFSET,
		       TEXT_SIZE, ELF_SEG_EXEC);
	expect_segment(1, &out.seg[1], DATA_VADDR, DATA_MEMSZ, DATA_OFFSET,
		       DATA_FILESZ, ELF_SEG_WRITE);
}

static void elf_parse_maps_write_and_exec_flags_independently(void)
{
	static const struct {
		uint32_t pf;
		uint32_t seg;
	} cases[] = {
		{ 0, 0 },
		{ PF_R, 0 },
		{ PF_X, ELF_SEG_EXEC },
		{ PF_W, ELF_SEG_WRITE },
		{ PF_R | PF_W | PF_X, ELF_SEG_WRITE | ELF_SEG_EXEC },
	};
	struct image img;
	struct elf_image out;

	for (size_t i = 0; i < UNIT_COUNT(cases); i++) {
		make_valid(&img);
		put32(&img, ph_at(0, PH_FLAGS), cases[i].pf);
		if (expect_parsed(unit_fmt("p_flags %u", cases[i].pf), &img, LO,
				  HI, &out))
			expect_eq_u32(unit_fmt("flags for p_flags %u",
					       cases[i].pf),
				      cases[i].seg, out.seg[0].flags);
	}
}

/*
 * Between and around the two real segments: an empty PT_LOAD whose other
 * fields would all be refused, a PT_NOTE, a PT_GNU_STACK and a PT_NULL,
 * none of which may be checked or listed.
 */
static void elf_parse_skips_empty_load_and_non_load_headers(void)
{
	struct image img;
	struct elf_image out;

	make_header(&img, DATA_OFFSET + DATA_FILESZ, EHDR_SIZE, 6);
	set_phdr(&img, 0, PT_NOTE, 0xfffffff0, 0x1000, 0x100, 0x10, PF_R);
	set_phdr(&img, 1, PT_LOAD, TEXT_OFFSET, TEXT_VADDR, TEXT_SIZE,
		 TEXT_SIZE, PF_R | PF_X);
	set_phdr(&img, 2, PT_LOAD, 0xfffffff0, 0x1000, 0x100, 0, PF_R | PF_W);
	set_phdr(&img, 3, PT_GNU_STACK, 0, 0, 0, 0, PF_R | PF_W);
	set_phdr(&img, 4, PT_LOAD, DATA_OFFSET, DATA_VADDR, DATA_FILESZ,
		 DATA_MEMSZ, PF_R | PF_W);
	set_phdr(&img, 5, PT_NULL, 0xffffffff, 0xffffffff, 0xffffffff, 1, 0);
	if (!expect_parsed("image with skipped headers", &img, LO, HI, &out))
		return;
	expect_eq_int("nr_segments", 2, out.nr_segments);
	expect_segment(0, &out.seg[0], TEXT_VADDR, TEXT_SIZE, TEXT_OFFSET,
		       TEXT_SIZE, ELF_SEG_EXEC);
	expect_segment(1, &out.seg[1], DATA_VADDR, DATA_MEMSZ, DATA_OFFSET,
		       DATA_FILESZ, ELF_SEG_WRITE);
}

/*
 * The inclusive edges: a segment ending at hi, a segment and the entry at
 * lo, program headers ending at the image's end.
 */
static void elf_parse_accepts_everything_ending_exactly_at_its_limit(void)
{
	struct image img;
	struct elf_image out;
	uint32_t phoff = 0x2100;

	make_valid(&img);
	put32(&img, ph_at(1, PH_MEMSZ), HI - DATA_VADDR);
	if (expect_parsed("data ending at hi", &img, LO, HI, &out))
		expect_eq_u32("seg[1].memsz", HI - DATA_VADDR,
			      out.seg[1].memsz);

	make_valid(&img);
	put32(&img, ph_at(0, PH_VADDR), LO);
	put32(&img, EH_ENTRY, LO);
	if (expect_parsed("text and entry at lo", &img, LO, HI, &out))
		expect_eq_u32("entry", LO, out.entry);

	/* Headers moved to the very end of the image. */
	make_valid(&img);
	memcpy(img.bytes + phoff, img.bytes + EHDR_SIZE, 2 * PHDR_SIZE);
	put32(&img, EH_PHOFF, phoff);
	img.size = phoff + 2 * PHDR_SIZE;
	expect_parsed("headers ending at the image end", &img, LO, HI, &out);
}

static void elf_parse_rejects_image_too_small_for_header(void)
{
	struct image img;

	make_valid(&img);
	img.size = EHDR_SIZE - 1;
	expect_refused("51 bytes", &img, WHY_TOO_SMALL);
	img.size = 0;
	expect_refused("0 bytes", &img, WHY_TOO_SMALL);
}

static void elf_parse_rejects_bad_magic(void)
{
	struct image img;

	for (int i = 0; i < 4; i++) {
		make_valid(&img);
		img.bytes[i] ^= 0x20;
		expect_refused(unit_fmt("magic byte %d changed", i), &img,
			       WHY_MAGIC);
	}
}

static void elf_parse_rejects_64_bit_class(void)
{
	struct image img;

	make_valid(&img);
	img.bytes[EH_CLASS] = 2;
	expect_refused("ELFCLASS64", &img, WHY_CLASS);
	img.bytes[EH_CLASS] = 0;
	expect_refused("ELFCLASSNONE", &img, WHY_CLASS);
}

static void elf_parse_rejects_big_endian(void)
{
	struct image img;

	make_valid(&img);
	img.bytes[EH_DATA] = 2;
	expect_refused("ELFDATA2MSB", &img, WHY_CLASS);
}

static void elf_parse_rejects_shared_object(void)
{
	struct image img;

	make_valid(&img);
	put16(&img, EH_TYPE, ET_DYN);
	expect_refused("ET_DYN", &img, WHY_TYPE);
}

static void elf_parse_rejects_wrong_machine(void)
{
	static const uint16_t machines[] = { 0, EM_ARM, EM_X86_64 };
	struct image img;

	for (size_t i = 0; i < UNIT_COUNT(machines); i++) {
		make_valid(&img);
		put16(&img, EH_MACHINE, machines[i]);
		expect_refused(unit_fmt("e_machine %u", machines[i]), &img,
			       WHY_TYPE);
	}
}

static void elf_parse_rejects_wrong_program_header_size(void)
{
	static const uint16_t sizes[] = { 0, PHDR_SIZE - 1, PHDR_SIZE + 1, 56 };
	struct image img;

	for (size_t i = 0; i < UNIT_COUNT(sizes); i++) {
		make_valid(&img);
		put16(&img, EH_PHENTSIZE, sizes[i]);
		expect_refused(unit_fmt("e_phentsize %u", sizes[i]), &img,
			       WHY_PHDR_SHAPE);
	}
}

static void elf_parse_rejects_zero_program_headers(void)
{
	struct image img;

	make_valid(&img);
	put16(&img, EH_PHNUM, 0);
	expect_refused("e_phnum 0", &img, WHY_PHDR_SHAPE);
}

/*
 * Headers one byte past the end, starting past the end, at offsets near
 * 4 GiB whose end would wrap in 32 bits, and a count larger than fits.
 */
static void elf_parse_rejects_program_headers_past_the_end(void)
{
	static const uint32_t phoffs[] = {
		DATA_OFFSET + DATA_FILESZ - 2 * PHDR_SIZE + 1,
		DATA_OFFSET + DATA_FILESZ,
		DATA_OFFSET + DATA_FILESZ + 1,
		0xffffffe0u,
		0xfffffff0u,
		0xffffffffu,
	};
	struct image img;

	for (size_t i = 0; i < UNIT_COUNT(phoffs); i++) {
		make_valid(&img);
		put32(&img, EH_PHOFF, phoffs[i]);
		expect_refused(unit_fmt("e_phoff 0x%x", phoffs[i]), &img,
			       WHY_PHDR_PLACE);
	}
	make_valid(&img);
	put16(&img, EH_PHNUM, 0xffff);
	expect_refused("e_phnum 0xffff", &img, WHY_PHDR_PLACE);
}

static void elf_parse_rejects_file_size_above_memory_size(void)
{
	struct image img;

	make_valid(&img);
	put32(&img, ph_at(0, PH_MEMSZ), TEXT_SIZE - 1);
	expect_refused("text filesz = memsz + 1", &img, WHY_FILESZ);
}

/*
 * Data one byte too long, starting past the end, and offset + filesz
 * wrapping in 32 bits to a small number.
 */
static void elf_parse_rejects_segment_data_past_the_end(void)
{
	static const struct {
		uint32_t offset, filesz;
	} cases[] = {
		{ DATA_OFFSET, DATA_FILESZ + 1 },
		{ DATA_OFFSET + DATA_FILESZ + 1, 0 },
		{ 0xfffffff0u, 0x20 },
		{ 0xffffffffu, 1 },
	};
	struct image img;

	for (size_t i = 0; i < UNIT_COUNT(cases); i++) {
		make_valid(&img);
		put32(&img, ph_at(1, PH_OFFSET), cases[i].offset);
		put32(&img, ph_at(1, PH_FILESZ), cases[i].filesz);
		expect_refused(unit_fmt("offset 0x%x filesz 0x%x",
					cases[i].offset, cases[i].filesz),
			       &img, WHY_DATA);
	}
}

static void elf_parse_rejects_segment_below_lo(void)
{
	static const uint32_t vaddrs[] = { 0, 0x1000, LO - 0x1000, LO - 1 };
	struct image img;

	for (size_t i = 0; i < UNIT_COUNT(vaddrs); i++) {
		make_valid(&img);
		put32(&img, ph_at(1, PH_VADDR), vaddrs[i]);
		expect_refused(unit_fmt("vaddr 0x%x", vaddrs[i]), &img,
			       WHY_RANGE);
	}
}

/*
 * One byte past hi, starting past hi, and, with hi near 4 GiB, a segment
 * below hi whose vaddr + memsz wraps to a small number.
 */
static void elf_parse_rejects_segment_ending_above_hi(void)
{
	struct image img;

	make_valid(&img);
	put32(&img, ph_at(1, PH_MEMSZ), HI - DATA_VADDR + 1);
	expect_refused("data ending at hi + 1", &img, WHY_RANGE);

	make_valid(&img);
	put32(&img, ph_at(1, PH_VADDR), HI + 0x1000);
	expect_refused("data starting above hi", &img, WHY_RANGE);

	make_valid(&img);
	put32(&img, ph_at(1, PH_VADDR), 0xfffe0000u);
	put32(&img, ph_at(1, PH_MEMSZ), 0x00030000u);
	expect_refused_in("vaddr 0xfffe0000 + memsz 0x30000 wraps", &img, LO,
			  0xffff0000u, WHY_RANGE);
}

static void elf_parse_rejects_more_than_max_segments(void)
{
	struct image img;
	struct elf_image out;
	const int n = ELF_MAX_SEGMENTS + 1;

	make_header(&img, DATA_OFFSET + DATA_FILESZ, EHDR_SIZE, (uint16_t)n);
	for (int i = 0; i < n; i++)
		set_phdr(&img, i, PT_LOAD, DATA_OFFSET,
			 DATA_VADDR + (uint32_t)i * 0x2000u, DATA_FILESZ,
			 DATA_MEMSZ, PF_R | PF_W);
	expect_refused(unit_fmt("%d segments", n), &img, WHY_TOO_MANY);

	put16(&img, EH_PHNUM, ELF_MAX_SEGMENTS);
	if (expect_parsed(unit_fmt("%d segments", ELF_MAX_SEGMENTS), &img, LO,
			  HI, &out))
		expect_eq_int("nr_segments", ELF_MAX_SEGMENTS, out.nr_segments);
}

static void elf_parse_rejects_image_without_loadable_segment(void)
{
	struct image img;

	make_header(&img, DATA_OFFSET + DATA_FILESZ, EHDR_SIZE, 3);
	set_phdr(&img, 0, PT_NOTE, TEXT_OFFSET, TEXT_VADDR, 0x10, 0x10, PF_R);
	set_phdr(&img, 1, PT_LOAD, TEXT_OFFSET, TEXT_VADDR, 0, 0, PF_R | PF_X);
	set_phdr(&img, 2, PT_GNU_STACK, 0, 0, 0, 0, PF_R | PF_W);
	expect_refused("only a note, an empty load and a stack", &img,
		       WHY_NO_LOAD);
}

static void elf_parse_rejects_entry_outside_range(void)
{
	static const uint32_t entries[] = { 0, LO - 1, HI, HI + 1,
					    0xffffffffu };
	struct image img;

	for (size_t i = 0; i < UNIT_COUNT(entries); i++) {
		make_valid(&img);
		put32(&img, EH_ENTRY, entries[i]);
		expect_refused(unit_fmt("entry 0x%x", entries[i]), &img,
			       WHY_ENTRY);
	}
}

static const struct unit_test tests[] = {
	UNIT_TEST(elf_parse_accepts_text_and_data_image),
	UNIT_TEST(elf_parse_maps_write_and_exec_flags_independently),
	UNIT_TEST(elf_parse_skips_empty_load_and_non_load_headers),
	UNIT_TEST(elf_parse_accepts_everything_ending_exactly_at_its_limit),
	UNIT_TEST(elf_parse_rejects_image_too_small_for_header),
	UNIT_TEST(elf_parse_rejects_bad_magic),
	UNIT_TEST(elf_parse_rejects_64_bit_class),
	UNIT_TEST(elf_parse_rejects_big_endian),
	UNIT_TEST(elf_parse_rejects_shared_object),
	UNIT_TEST(elf_parse_rejects_wrong_machine),
	UNIT_TEST(elf_parse_rejects_wrong_program_header_size),
	UNIT_TEST(elf_parse_rejects_zero_program_headers),
	UNIT_TEST(elf_parse_rejects_program_headers_past_the_end),
	UNIT_TEST(elf_parse_rejects_file_size_above_memory_size),
	UNIT_TEST(elf_parse_rejects_segment_data_past_the_end),
	UNIT_TEST(elf_parse_rejects_segment_below_lo),
	UNIT_TEST(elf_parse_rejects_segment_ending_above_hi),
	UNIT_TEST(elf_parse_rejects_more_than_max_segments),
	UNIT_TEST(elf_parse_rejects_image_without_loadable_segment),
	UNIT_TEST(elf_parse_rejects_entry_outside_range),
};

int main(void)
{
	return unit_run(tests, UNIT_COUNT(tests));
}
