// SPDX-License-Identifier: BSD-2-Clause
/*
 * ELF32 validation.  Everything read from the image is bounds-checked
 * against its size before use; a malformed module is refused with a
 * reason, never followed.
 */
#include "elf.h"

#define EI_NIDENT 16
#define ET_EXEC	  2
#define EM_386	  3
#define PT_LOAD	  1
#define PF_X	  1
#define PF_W	  2

struct elf32_ehdr {
	uint8_t ident[EI_NIDENT];
	uint16_t type, machine;
	uint32_t version, entry, phoff, shoff, flags;
	uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct elf32_phdr {
	uint32_t type, offset, vaddr, paddr, filesz, memsz, flags, align;
};

static int fail(const char **why, const char *reason)
{
	*why = reason;
	return -1;
}

static int check_header(const struct elf32_ehdr *eh, size_t size,
			const char **why)
{
	if (size < sizeof(*eh))
		return fail(why, "too small for an ELF header");
	if (eh->ident[0] != 0x7f || eh->ident[1] != 'E' ||
	    eh->ident[2] != 'L' || eh->ident[3] != 'F')
		return fail(why, "bad ELF magic");
	if (eh->ident[4] != 1 || eh->ident[5] != 1)
		return fail(why, "not 32-bit little-endian");
	if (eh->type != ET_EXEC || eh->machine != EM_386)
		return fail(why, "not an i386 executable");
	if (eh->phentsize != sizeof(struct elf32_phdr) || eh->phnum == 0)
		return fail(why, "bad program header size or count");
	if (eh->phoff > size ||
	    (size - eh->phoff) / sizeof(struct elf32_phdr) < eh->phnum)
		return fail(why, "program headers outside the image");
	return 0;
}

static int check_segment(const struct elf32_phdr *ph, size_t size, uint32_t lo,
			 uint32_t hi, const char **why)
{
	if (ph->filesz > ph->memsz)
		return fail(why, "segment file size exceeds memory size");
	if (ph->offset > size || size - ph->offset < ph->filesz)
		return fail(why, "segment data outside the image");
	if (ph->vaddr < lo || ph->vaddr > hi || hi - ph->vaddr < ph->memsz)
		return fail(why, "segment outside the user address range");
	return 0;
}

int elf_parse(const void *image, size_t size, uint32_t lo, uint32_t hi,
	      struct elf_image *out, const char **why)
{
	const struct elf32_ehdr *eh = image;

	if (check_header(eh, size, why) != 0)
		return -1;
	const struct elf32_phdr *ph =
		(const struct elf32_phdr *)((const uint8_t *)image + eh->phoff);
	out->nr_segments = 0;
	for (unsigned i = 0; i < eh->phnum; i++, ph++) {
		if (ph->type != PT_LOAD || ph->memsz == 0)
			continue;
		if (check_segment(ph, size, lo, hi, why) != 0)
			return -1;
		if (out->nr_segments == ELF_MAX_SEGMENTS)
			return fail(why, "too many loadable segments");
		out->seg[out->nr_segments++] = (struct elf_segment){
			.vaddr = ph->vaddr,
			.memsz = ph->memsz,
			.offset = ph->offset,
			.filesz = ph->filesz,
			.flags = ((ph->flags & PF_W) ? ELF_SEG_WRITE : 0) |
				 ((ph->flags & PF_X) ? ELF_SEG_EXEC : 0),
		};
	}
	if (out->nr_segments == 0)
		return fail(why, "no loadable segment");
	if (eh->entry < lo || eh->entry >= hi)
		return fail(why, "entry point outside the user address range");
	out->entry = eh->entry;
	return 0;
}
