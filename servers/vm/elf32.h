/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * VM's ELF32 reader for exec: validates an i386 executable and lists its
 * loadable segments.  Pure code, host-tested.
 */
#ifndef VM_ELF32_H
#define VM_ELF32_H

#include <axo/types.h>

#define EXEC_MAX_SEGS 8

struct exec_seg {
	vir_bytes vaddr;
	vir_bytes memsz;
	uint32_t offset; /* of the file bytes in the image */
	uint32_t filesz;
	bool write;
};

struct exec_image {
	vir_bytes entry;
	vir_bytes top; /* end of the highest segment, page aligned */
	int nr;
	struct exec_seg seg[EXEC_MAX_SEGS];
};

/* Validate image[0, size), all of it in memory (see exec_parse_headers). */
int exec_parse(const void *image, size_t size, vir_bytes lo, vir_bytes hi,
	       struct exec_image *out);
int exec_parse_headers(const void *hdr, size_t hdr_len, size_t file_size,
		       vir_bytes lo, vir_bytes hi, struct exec_image *out);

#endif
