// SPDX-License-Identifier: BSD-2-Clause
/*
 * VM_EXEC and VM_EXEC_FILE: replace a process's memory with a program,
 * from a boot file (PM) or from a file VFS has read into its own memory.
 *
 * Order: validate the request and the ELF image, check that enough frames
 * are free, copy the argument frame out of the old image; only then (the
 * point of no return, marked below) free the old image and build the new
 * one.  Read-only segments whose bytes sit page-congruent in a boot file
 * are mapped straight from the file's frames, shared and counted, with no
 * copy; everything else gets fresh frames, filled by a copy from wherever
 * the program's bytes are.
 */
#include "vm.h"

/* Where a program's bytes are: a boot file, or VFS's memory. */
struct exec_src {
	const char *name;
	endpoint_t ep;	/* whose memory holds the bytes (SELF: boot file) */
	vir_bytes addr; /* where, in ep */
	const struct boot_file *bf; /* NULL: nothing to share */
};

#define EXEC_HDR_MAX 4096 /* ELF and program headers must lie in these */

/* May s be mapped from a boot file's own frames? */
static bool can_share(const struct exec_seg *s, const struct exec_src *src)
{
	return src->bf != NULL && !s->write && s->filesz == s->memsz &&
	       (src->bf->base + s->offset) % PAGE_SIZE == s->vaddr % PAGE_SIZE;
}

static vir_bytes seg_pages(const struct exec_seg *s)
{
	return (page_up(s->vaddr + s->memsz) - page_down(s->vaddr)) / PAGE_SIZE;
}

/* Frames exec needs: unshared segments and the stack. */
static vir_bytes frames_needed(const struct exec_image *img,
			       const struct exec_src *f, vir_bytes stack)
{
	vir_bytes n = stack / PAGE_SIZE;

	for (int i = 0; i < img->nr; i++)
		if (!can_share(&img->seg[i], f))
			n += seg_pages(&img->seg[i]);
	return n;
}

/*
 * Map s from the file's frames.  The first and last page may show file
 * bytes beyond the segment: harmless, the file is readable anyway.
 */
static int map_shared(endpoint_t e, const struct exec_seg *s,
		      const struct exec_src *f)
{
	phys_bytes pa = page_down(f->bf->base + s->offset);

	for (vir_bytes va = page_down(s->vaddr); va < s->vaddr + s->memsz;
	     va += PAGE_SIZE, pa += PAGE_SIZE) {
		int r = frame_ref(pa);
		if (r == OK && (r = pt_map(e, va, pa, PAGE_SIZE, false)) != OK)
			frame_unref(pa);
		if (r != OK)
			return r;
	}
	return OK;
}

/* Does page va hold bytes of s that are not file bytes (bss, or outside)? */
static bool page_needs_zero(const struct exec_seg *s, vir_bytes va)
{
	return va < s->vaddr || va + PAGE_SIZE > s->vaddr + s->filesz;
}

/* Fresh frames for s, filled from the file and zeroed elsewhere. */
static int map_copied(endpoint_t e, const struct exec_seg *s,
		      const struct exec_src *f)
{
	vir_bytes lo = page_down(s->vaddr), hi = page_up(s->vaddr + s->memsz);
	int r = OK;

	for (vir_bytes va = lo; r == OK && va < hi; va += PAGE_SIZE)
		r = page_new(e, va, page_needs_zero(s, va));
	if (r == OK && s->filesz > 0)
		r = sys_vircopy(f->ep, f->addr + s->offset, e, s->vaddr,
				s->filesz);
	for (vir_bytes va = lo; r == OK && !s->write && va < hi;
	     va += PAGE_SIZE)
		r = page_protect(e, va);
	return r;
}

/* Regions and memory of the new image in vp (empty on entry). */
static int build_image(struct vmproc *vp, const struct exec_image *img,
		       const struct exec_src *f, vir_bytes stack)
{
	endpoint_t e = vp->endpt;
	int r = OK;

	for (int i = 0; r == OK && i < img->nr; i++) {
		const struct exec_seg *s = &img->seg[i];
		region_add(vp, page_down(s->vaddr),
			   page_up(s->vaddr + s->memsz), RK_IMAGE,
			   s->write ? RF_WRITE : 0);
		r = can_share(s, f) ? map_shared(e, s, f) : map_copied(e, s, f);
	}
	region_add(vp, img->top, img->top, RK_HEAP, RF_WRITE);
	region_add(vp, USER_STACK_TOP - stack, USER_STACK_TOP, RK_STACK,
		   RF_WRITE);
	vp->brk = img->top;
	if (r == OK)
		r = range_zero(e, USER_STACK_TOP - stack, USER_STACK_TOP, true);
	return r;
}

/* Checks that change nothing: the process and the frame. */
static int exec_check(const struct vm_exec_msg *x)
{
	if (vmproc_get(x->endpt) == NULL)
		return -ESRCH;
	if (x->endpt == vm_self)
		return -EPERM;
	if (x->frame_len > VM_EXEC_FRAME_MAX || x->frame_len % 16 != 0)
		return -EINVAL;
	return OK;
}

/*
 * Build x->endpt's new image from src, parsed as img.  On any error
 * before the point of no return the old image is intact; after it, a
 * failure (the kernel out of page tables) leaves the process known to VM
 * with no memory at all, and PM must end it.  Reply: entry and sp.
 */
static int exec_build(struct vm_exec_msg *x, const struct exec_image *img,
		      const struct exec_src *src)
{
	static uint8_t frame_buf[VM_EXEC_FRAME_MAX];
	int r;

	vir_bytes stack = VM_STACK_INIT + page_up(x->frame_len);
	if (frames_needed(img, src, stack) > frames_free())
		return -ENOMEM;
	if (x->frame_len > 0 &&
	    (r = sys_vircopy(x->endpt, x->frame, SELF, (vir_bytes)frame_buf,
			     x->frame_len)) != OK)
		return r;

	/* ---- Point of no return: the old image goes. ---- */
	struct vmproc *vp = vmproc_get(x->endpt);
	vmproc_free_all(vp);
	vmproc_reset(vp, x->endpt);
	r = build_image(vp, img, src, stack);
	if (r == OK && x->frame_len > 0)
		r = sys_vircopy(SELF, (vir_bytes)frame_buf, x->endpt,
				USER_STACK_TOP - x->frame_len, x->frame_len);
	if (r != OK) {
		printf("vm: exec of %s in %d failed after the point of no "
		       "return: %d\n",
		       src->name, x->endpt, r);
		vmproc_free_all(vp);
		vmproc_reset(vp, x->endpt);
		return r;
	}
	x->entry = img->entry;
	x->sp = USER_STACK_TOP - x->frame_len;
	return OK;
}

/* VM_EXEC (PM, or RS for a service): the program is boot file x->name. */
int do_exec(endpoint_t caller, message *m)
{
	static struct exec_image img;
	struct vm_exec_msg *x = &m->vm_exec;
	int r;

	if (caller != PM_PROC_NR && caller != RS_PROC_NR)
		return -EPERM;
	if ((r = exec_check(x)) != OK)
		return r;
	const struct boot_file *f = boot_file_by_name(x->name);
	if (f == NULL)
		return -ENOENT;
	if ((r = exec_parse((const void *)f->vaddr, f->size, USER_BASE,
			    VM_MMAP_TOP, &img)) != OK)
		return r;
	struct exec_src src = { f->name, SELF, f->vaddr, f };
	return exec_build(x, &img, &src);
}

/*
 * VM_EXEC_FILE (VFS, or RS for a service): the program is the file the
 * caller holds at [x->image, x->image + x->image_len) in its own memory.
 */
int do_exec_file(endpoint_t caller, message *m)
{
	static uint8_t hdr[EXEC_HDR_MAX];
	static struct exec_image img;
	struct vm_exec_msg *x = &m->vm_exec;
	int r;

	if (caller != VFS_PROC_NR && caller != RS_PROC_NR)
		return -EPERM;
	if ((r = exec_check(x)) != OK)
		return r;
	size_t hdr_len = x->image_len < sizeof(hdr) ? x->image_len :
						      sizeof(hdr);
	if (sys_vircopy(caller, x->image, SELF, (vir_bytes)hdr, hdr_len) != OK)
		return -EFAULT;
	if ((r = exec_parse_headers(hdr, hdr_len, x->image_len, USER_BASE,
				    VM_MMAP_TOP, &img)) != OK)
		return r;
	x->name[sizeof(x->name) - 1] = '\0';
	struct exec_src src = { x->name, caller, x->image, NULL };
	return exec_build(x, &img, &src);
}
