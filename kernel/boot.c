// SPDX-License-Identifier: BSD-2-Clause
/*
 * Boot: read the multiboot information, and turn every boot module into a
 * process in its own address space.  The modules must arrive in the order
 * of boot/modules.list, from which the boot image table (boot_image.h) is
 * generated; a mismatch stops the boot with a clear message.
 */
#include "kernel.h"
#include "elf.h"
#include "boot_image.h"

#define MB_INFO_MEM	0x001
#define MB_INFO_CMDLINE 0x004
#define MB_INFO_MODS	0x008

struct mb_info {
	uint32_t flags, mem_lower, mem_upper, boot_device, cmdline;
	uint32_t mods_count, mods_addr;
};

struct mb_module {
	uint32_t start, end, string, reserved;
};

struct boot_module {
	phys_bytes start, end;
	char name[PROC_NAME_LEN];
};

static struct boot_module modules[BOOT_IMAGE_COUNT];
static unsigned nr_modules;
phys_bytes mem_top, modules_end;

char kernel_cmdline[256];
unsigned boot_image_count = BOOT_IMAGE_COUNT;
struct boot_image_entry boot_image[BOOT_IMAGE_COUNT] = BOOT_IMAGE_TABLE;
endpoint_t vm_endpoint = NONE;

/* The module's name: the last path component of its first word. */
static void module_name(const char *s, char *name, size_t size)
{
	const char *start = s, *p;

	for (p = s; *p != '\0' && *p != ' '; p++)
		if (*p == '/')
			start = p + 1;
	size_t n = (size_t)(p - start);
	if (n >= size)
		n = size - 1;
	memcpy(name, start, n);
	name[n] = '\0';
}

/* Map a fresh writable page at va unless one is there already. */
static void map_boot_page(struct proc *p, vir_bytes va)
{
	phys_bytes pa;
	uint32_t flags;

	if (as_lookup(p, va, &pa, &flags) == OK)
		return;
	if (as_map(p, va, boot_page_alloc(), VMF_WRITE) != OK)
		panic("boot: cannot map %s at 0x%x", p->name, va);
}

static bool page_in_writable_segment(const struct elf_image *elf, vir_bytes va)
{
	for (int i = 0; i < elf->nr_segments; i++) {
		const struct elf_segment *s = &elf->seg[i];
		if ((s->flags & ELF_SEG_WRITE) && va + PAGE_SIZE > s->vaddr &&
		    va < s->vaddr + s->memsz)
			return true;
	}
	return false;
}

/* Map and fill every segment, then write-protect the read-only pages. */
static void load_image(struct proc *p, const uint8_t *image,
		       const struct elf_image *elf)
{
	for (int i = 0; i < elf->nr_segments; i++) {
		const struct elf_segment *s = &elf->seg[i];
		for (vir_bytes va = s->vaddr & ~(PAGE_SIZE - 1);
		     va < s->vaddr + s->memsz; va += PAGE_SIZE)
			map_boot_page(p, va);
		if (umem_write(p, s->vaddr, image + s->offset, s->filesz) != OK)
			panic("boot: cannot copy %s", p->name);
	}
	for (int i = 0; i < elf->nr_segments; i++) {
		const struct elf_segment *s = &elf->seg[i];
		for (vir_bytes va = s->vaddr & ~(PAGE_SIZE - 1);
		     va < s->vaddr + s->memsz; va += PAGE_SIZE) {
			phys_bytes pa;
			uint32_t flags;
			if (!page_in_writable_segment(elf, va) &&
			    as_lookup(p, va, &pa, &flags) == OK)
				as_map(p, va, pa & ~(PAGE_SIZE - 1), 0);
		}
	}
}

static void set_boot_privileges(struct proc *p,
				const struct boot_image_entry *b, int index)
{
	if (b->flags & BOOT_USER) {
		p->priv = user_priv;
		p->priority = USER_Q;
		return;
	}
	int err;
	struct priv *pr = priv_alloc_id(FIRST_BOOT_PRIV_ID + index, &err);
	if (pr == NULL)
		panic("boot: no privilege slot for %s", b->name);
	priv_set_defaults_sys(pr);
	pr->proc_nr = p->nr;
	pr->flags = SYS_PROC | PREEMPTIBLE;
	if (b->flags & BOOT_ROOT) {
		pr->flags |= ROOT_SYS_PROC;
		pr->sig_mgr = SELF;
		root_sys_endpoint = p->endpoint;
	}
	if (b->flags & BOOT_VM) {
		pr->flags |= VM_SYS_PROC;
		vm_endpoint = p->endpoint;
	}
	if (b->flags & BOOT_USRMGR)
		user_priv->sig_mgr = p->endpoint;
	p->priv = pr;
	p->priority = SRV_Q;
}

static void start_process(struct proc *p, uint32_t entry)
{
	p->regs.cs = UCODE_SEL;
	p->regs.ds = p->regs.es = p->regs.fs = p->regs.gs = p->regs.ss =
		UDATA_SEL;
	p->regs.eflags = EFLAGS_IF | 0x2;
	p->regs.eip = entry;
	p->regs.esp = USER_STACK_TOP - 16;
	p->quantum_left = QUANTUM_TICKS;
	p->rts_flags = RTS_PROC_STOP;
	rts_unset(p, RTS_PROC_STOP);
}

static void load_module(int index, const struct boot_module *mod)
{
	const struct boot_image_entry *b = &boot_image[index];
	struct proc *p = proc_addr(b->proc_nr);
	const char *name = mod->name;
	struct elf_image elf;
	const char *why;

	if (memcmp(name, b->name, PROC_NAME_LEN) != 0)
		panic("boot: module %d is '%s' but boot/modules.list says '%s'",
		      index, name, b->name);
	if (elf_parse((const void *)mod->start, mod->end - mod->start,
		      USER_BASE, USER_STACK_TOP - BOOT_STACK_SIZE, &elf,
		      &why) != 0)
		panic("boot: module %s: %s", name, why);

	memcpy(p->name, b->name, sizeof(p->name));
	if (as_create(p) != OK)
		panic("boot: no memory for %s's page directory", name);
	set_boot_privileges(p, b, index);
	load_image(p, (const uint8_t *)mod->start, &elf);
	for (vir_bytes va = USER_STACK_TOP - BOOT_STACK_SIZE;
	     va < USER_STACK_TOP; va += PAGE_SIZE)
		map_boot_page(p, va);
	boot_image[index].endpoint = p->endpoint;
	start_process(p, elf.entry);
}

/*
 * Copy what we need out of the multiboot information before any memory is
 * handed out: the loader may have put it anywhere above the kernel.
 */
void boot_scan(uint32_t mb_info)
{
	const struct mb_info *mb = (const struct mb_info *)mb_info;
	extern char _kernel_end[];

	if (!(mb->flags & MB_INFO_MEM))
		panic("boot: the loader gave no memory size");
	mem_top = 0x100000 + (phys_bytes)mb->mem_upper * 1024;
	if (mb->flags & MB_INFO_CMDLINE)
		strlcpy(kernel_cmdline, (const char *)mb->cmdline,
			sizeof(kernel_cmdline));
	modules_end = (phys_bytes)_kernel_end;
	nr_modules = (mb->flags & MB_INFO_MODS) ? mb->mods_count : 0;
	if (nr_modules != BOOT_IMAGE_COUNT)
		panic("boot: expected %d modules (boot/modules.list), got %u",
		      BOOT_IMAGE_COUNT, nr_modules);
	const struct mb_module *mod = (const struct mb_module *)mb->mods_addr;
	for (unsigned i = 0; i < nr_modules; i++) {
		modules[i].start = mod[i].start;
		modules[i].end = mod[i].end;
		module_name((const char *)mod[i].string, modules[i].name,
			    sizeof(modules[i].name));
		if (mod[i].end > modules_end)
			modules_end = mod[i].end;
	}
}

void boot_load_modules(void)
{
	for (int i = 0; i < BOOT_IMAGE_COUNT; i++)
		load_module(i, &modules[i]);
	kinfo.nr_boot_procs = BOOT_IMAGE_COUNT;
}
