/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ELF32 program loading, pure code with no kernel dependencies so that the
 * host unit tests can exercise it.  elf_parse() validates an image and
 * lists the loadable segments; the caller maps and copies them.
 */
#ifndef KERNEL_ELF_H
#define KERNEL_ELF_H

#include <stdint.h>
#include <stddef.h>

#define ELF_MAX_SEGMENTS 8
#define ELF_SEG_WRITE	 0x2
#define ELF_SEG_EXEC	 0x1

struct elf_segment {
	uint32_t vaddr;
	uint32_t memsz;
	uint32_t offset; /* of the file bytes in the image */
	uint32_t filesz;
	uint32_t flags; /* ELF_SEG_* */
};

struct elf_image {
	uint32_t entry;
	int nr_segments;
	struct elf_segment seg[ELF_MAX_SEGMENTS];
};

/*
 * Validate image[0..size) as an i386 executable whose segments all lie in
 * [lo, hi).  Returns 0 and fills *out, or -1 with *why set to a reason.
 */
int elf_parse(const void *image, size_t size, uint32_t lo, uint32_t hi,
	      struct elf_image *out, const char **why);

#endif
