// SPDX-License-Identifier: BSD-2-Clause
/*
 * ELF32 executables for VM_EXEC.  Everything is read through bounds
 * checks against the image size (and with memcpy, as boot files need not
 * be aligned).  Accepted: ET_EXEC for EM_386, 32-bit little-endian, one or
 * more PT_LOAD segments within [lo, hi), no two of them on a common page,
 * file bytes inside the image, and an entry point inside a segment.
 */
#include <axo/errno.h>
#include <axo/config.h>
#include <axo/fmt.h>
#include "elf32.h"

#define ET_EXEC 2
#define EM_386	3
#define PT_LOAD 1
#define PF_W	2

struct ehdr {
	uint8_t ident[16];
	uint16_t type, machine;
	uint32_t version, entry, phoff, shoff, flags;
	uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct phdr {
	uint32_t type, offset, vaddr, paddr, filesz, memsz, flags, align;
};

static int read_header(const uint8_t *image, size_t size, struct ehdr *eh)
{
	static const uint8_t magic[6] = { 0x7f, 'E', 'L', 'F', 1, 1 };

	if (size < sizeof(*eh))
		return -ENOEXEC;
	memcpy(eh, image, sizeof(*eh));
	if (memcmp(eh->ident, magic, sizeof(magic)) != 0 ||
	    eh->type != ET_EXEC || eh->machine != EM_386 ||
	    eh->phentsize != sizeof(struct phdr) || eh->phnum == 0)
		return -ENOEXEC;
	if (eh->phoff > size ||
	    (size - eh->phoff) / sizeof(struct phdr) < eh->phnum)
		return -ENOEXEC;
	return OK;
}

/* Page-granular [lo, hi) of s. */
static vir_bytes seg_lo(const struct exec_seg *s)
{
	return s->vaddr & ~(vir_bytes)(PAGE_SIZE - 1);
}

static vir_bytes seg_hi(const struct exec_seg *s)
{
	return (s->vaddr + s->memsz + PAGE_SIZE - 1) &
	       ~(vir_bytes)(PAGE_SIZE - 1);
}

static int check_segment(const struct phdr *ph, size_t size, vir_bytes lo,
			 vir_bytes hi)
{
	if (ph->filesz > ph->memsz || ph->offset > size ||
	    size - ph->offset < ph->filesz)
		return -ENOEXEC;
	if (ph->vaddr < lo || ph->vaddr >= hi || hi - ph->vaddr < ph->memsz)
		return -ENOEXEC;
	return OK;
}

static bool pages_meet(const struct exec_seg *a, const struct exec_seg *b)
{
	return seg_lo(a) < seg_hi(b) && seg_lo(b) < seg_hi(a);
}

static int add_segment(struct exec_image *out, const struct phdr *ph)
{
	if (out->nr == EXEC_MAX_SEGS)
		return -ENOEXEC;
	struct exec_seg s = { .vaddr = ph->vaddr,
			      .memsz = ph->memsz,
			      .offset = ph->offset,
			      .filesz = ph->filesz,
			      .write = (ph->flags & PF_W) != 0 };
	for (int i = 0; i < out->nr; i++)
		if (pages_meet(&s, &out->seg[i]))
			return -ENOEXEC;
	out->seg[out->nr++] = s;
	if (seg_hi(&s) > out->top)
		out->top = seg_hi(&s);
	return OK;
}

/*
 * Validate an executable of file_size bytes whose first hdr_len bytes are
 * at hdr (the ELF and program headers must lie within them), with its
 * segments in [lo, hi) (both page aligned).  OK and *out filled, or
 * -ENOEXEC.
 */
int exec_parse_headers(const void *hdr, size_t hdr_len, size_t file_size,
		       vir_bytes lo, vir_bytes hi, struct exec_image *out)
{
	const uint8_t *bytes = hdr;
	struct ehdr eh;
	int r;

	if (hdr_len > file_size)
		return -ENOEXEC;
	if ((r = read_header(bytes, hdr_len, &eh)) != OK)
		return r;
	out->nr = 0;
	out->top = 0;
	for (unsigned i = 0; i < eh.phnum; i++) {
		struct phdr ph;
		memcpy(&ph, bytes + eh.phoff + i * sizeof(ph), sizeof(ph));
		if (ph.type != PT_LOAD || ph.memsz == 0)
			continue;
		if ((r = check_segment(&ph, file_size, lo, hi)) != OK ||
		    (r = add_segment(out, &ph)) != OK)
			return r;
	}
	bool entry_ok = false;
	for (int i = 0; i < out->nr; i++)
		entry_ok |= eh.entry >= out->seg[i].vaddr &&
			    eh.entry - out->seg[i].vaddr < out->seg[i].memsz;
	if (out->nr == 0 || !entry_ok)
		return -ENOEXEC;
	out->entry = eh.entry;
	return OK;
}

int exec_parse(const void *image, size_t size, vir_bytes lo, vir_bytes hi,
	       struct exec_image *out)
{
	return exec_parse_headers(image, size, size, lo, hi, out);
}
