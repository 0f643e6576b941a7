// SPDX-License-Identifier: BSD-2-Clause
/*
 * What VM finds at boot.  Every boot process already runs in memory the
 * kernel gave it: VM records its regions (the image, split where the
 * write permission changes, and the boot stack) and claims its frames,
 * so they are freed like any other when it exits.  Every module stays
 * where the loader put it: VM maps it read-only into its own window at
 * VM_FILES_BASE, claims its frames for good (they are never freed) and
 * serves exec and VM_BOOT_FILE from there.  The modules of boot
 * processes (VM_BF_PROC) are kept too: RS restarts a crashed boot
 * service from them, without needing a disk or VFS.
 */
#include "vm.h"

static struct boot_file files[BOOT_IMAGE_MAX];
static int nr_files;
static vir_bytes files_next = VM_FILES_BASE;

/*
 * Claim the frames of [start, end) in e and record them as regions of
 * vp, a new one wherever a page is missing or its permission changes.
 */
static int record_pages(struct vmproc *vp, vir_bytes start, vir_bytes end,
			int kind)
{
	struct region *cur = NULL;

	for (vir_bytes va = start; va < end; va += PAGE_SIZE) {
		phys_bytes pa;
		bool w;
		if (pt_lookup(vp->endpt, va, &pa, &w) != OK) {
			cur = NULL;
			continue;
		}
		int r = frame_claim(pa);
		if (r != OK)
			return r;
		int flags = w ? RF_WRITE : 0;
		if (cur != NULL && cur->end == va && cur->flags == flags) {
			cur->end = va + PAGE_SIZE;
			continue;
		}
		cur = region_add(vp, va, va + PAGE_SIZE, kind, flags);
		if (cur == NULL)
			return -ENOMEM;
	}
	return OK;
}

static int record_process(const struct boot_image_entry *b)
{
	struct vmproc *vp = vmproc_of_slot(b->endpoint);
	int r;

	if (vp == NULL || b->image_hi < b->image_lo ||
	    b->image_hi > USER_STACK_TOP - BOOT_STACK_SIZE)
		return -EINVAL;
	vmproc_reset(vp, b->endpoint);
	vir_bytes heap = page_up(b->image_hi);
	if ((r = record_pages(vp, page_down(b->image_lo), heap, RK_IMAGE)) !=
		    OK ||
	    (r = record_pages(vp, USER_STACK_TOP - BOOT_STACK_SIZE,
			      USER_STACK_TOP, RK_STACK)) != OK)
		return r;
	if (region_add(vp, heap, heap, RK_HEAP, RF_WRITE) == NULL)
		return -ENOMEM;
	vp->brk = heap;
	return OK;
}

/* Map module b into VM's window and claim its frames for good. */
static int record_file(struct vmproc *self, const struct boot_image_entry *b)
{
	phys_bytes lo = page_down(b->base);
	phys_bytes hi = page_up(b->base + b->size);
	int r;

	if (nr_files == BOOT_IMAGE_MAX || b->size == 0 ||
	    b->base + b->size < b->base || hi - lo > VM_FILES_END - files_next)
		return -EINVAL;
	if ((r = pt_map(vm_self, files_next, lo, hi - lo, false)) != OK)
		return r;
	for (phys_bytes pa = lo; pa < hi; pa += PAGE_SIZE)
		if ((r = frame_claim(pa)) != OK)
			return r;
	if (region_add(self, files_next, files_next + (hi - lo), RK_FILES, 0) ==
	    NULL)
		return -ENOMEM;
	struct boot_file *f = &files[nr_files++];
	memcpy(f->name, b->name, sizeof(f->name));
	f->name[sizeof(f->name) - 1] = '\0';
	f->flags = (b->flags & BOOT_RUN) ? VM_BF_RUN : 0;
	if (!(b->flags & BOOT_FILE))
		f->flags |= VM_BF_PROC;
	f->base = b->base;
	f->size = b->size;
	f->vaddr = files_next + (b->base - lo);
	files_next += hi - lo;
	return OK;
}

/*
 * Learn memory and the boot image: frames, boot processes, boot files.
 * Boot processes come first, so that VM's own record exists for the
 * window.  OK or -E* (VM cannot run without this).
 */
int boot_init(void)
{
	static struct boot_image_entry image[BOOT_IMAGE_MAX];
	struct kinfo ki;
	int n, r;

	if ((r = sys_getinfo(GET_KINFO, &ki, sizeof(ki), NONE)) != OK)
		return r;
	if ((n = sys_boot_image(image)) < 0)
		return n;
	frames_init(ki.mem_total, ki.free_mem,
		    ki.nr_free_mem < KINFO_MAX_MEM ? (int)ki.nr_free_mem :
						     KINFO_MAX_MEM);
	vmprocs_init();
	for (int i = 0; i < n; i++)
		if (image[i].proc_nr >= 0 && !(image[i].flags & BOOT_FILE) &&
		    (r = record_process(&image[i])) != OK)
			return r;
	struct vmproc *self = vmproc_get(vm_self);
	if (self == NULL)
		return -ESRCH;
	for (int i = 0; i < n; i++)
		if ((r = record_file(self, &image[i])) != OK)
			return r;
	return OK;
}

/* The boot file called name, or NULL.  name need not be terminated. */
const struct boot_file *boot_file_by_name(const char *name)
{
	for (int i = 0; i < nr_files; i++)
		if (strncmp(files[i].name, name, PROC_NAME_LEN) == 0)
			return &files[i];
	return NULL;
}

/* VM_BOOT_FILE: name, flags and size of boot file `index`; -ENOENT past the end. */
int do_boot_file(endpoint_t caller, message *m)
{
	struct vm_boot_file_msg *b = &m->vm_boot_file;

	(void)caller;
	if (b->index < 0 || b->index >= nr_files)
		return -ENOENT;
	const struct boot_file *f = &files[b->index];
	memset(b->name, 0, sizeof(b->name));
	strlcpy(b->name, f->name, sizeof(b->name));
	b->flags = f->flags;
	b->size = f->size;
	return OK;
}
