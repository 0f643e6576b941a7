// SPDX-License-Identifier: BSD-2-Clause
/*
 * Boot: read the multiboot information, build the boot image table from
 * the modules' words ("name flag ...", generated from boot/modules.list by
 * tools/gen_boot.py), and turn every module that is not a file into a
 * process in its own address space.  Processes take slots 0, 1, ... in
 * module order; files stay where the loader put them, for VM.
 */
#include "kernel.h"
#include "elf.h"

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

static const struct {
	const char *word;
	uint32_t flag;
} boot_flags[] = {
	{ "root", BOOT_ROOT }, { "vm", BOOT_VM },     { "usrmgr", BOOT_USRMGR },
	{ "user", BOOT_USER }, { "file", BOOT_FILE }, { "run", BOOT_RUN },
};

phys_bytes mem_top, modules_end;

char kernel_cmdline[256];
unsigned boot_image_count;
struct boot_image_entry boot_image[BOOT_IMAGE_MAX];
endpoint_t vm_endpoint = NONE;

/* Copy the next space-separated word of *s into buf; false at the end. */
static bool next_word(const char **s, char *buf, size_t size)
{
	const char *p = *s;

	while (*p == ' ')
		p++;
	if (*p == '\0')
		return false;
	size_t n = 0;
	for (; *p != '\0' && *p != ' '; p++)
		if (n + 1 < size)
			buf[n++] = *p;
	buf[n] = '\0';
	*s = p;
	return true;
}

static uint32_t flag_of(const char *word, const char *module)
{
	for (size_t i = 0; i < sizeof(boot_flags) / sizeof(boot_flags[0]); i++)
		if (strcmp(word, boot_flags[i].word) == 0)
			return boot_flags[i].flag;
	panic("boot: module %s has unknown flag '%s'", module, word);
}

/*
 * Fill b from a module's string "path-or-name flag ...": the name is the
 * last path component of the first word.
 */
static void parse_module(const char *s, struct boot_image_entry *b)
{
	char word[64];

	if (!next_word(&s, word, sizeof(word)))
		panic("boot: a module has no name");
	const char *base = word;
	for (const char *p = word; *p != '\0'; p++)
		if (*p == '/')
			base = p + 1;
	strlcpy(b->name, base, sizeof(b->name));
	b->flags = 0;
	while (next_word(&s, word, sizeof(word)))
		b->flags |= flag_of(word, b->name);
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

/*
 * Make p ready to enter its program.  Only the root process runs at once:
 * the others wait (RTS_NO_PRIV) until the root has set their privileges
 * and allowed them (RS's boot protocol).
 */
static void start_process(struct proc *p, uint32_t entry, bool root)
{
	p->regs.cs = UCODE_SEL;
	p->regs.ds = p->regs.es = p->regs.fs = p->regs.gs = p->regs.ss =
		UDATA_SEL;
	p->regs.eflags = EFLAGS_IF | 0x2;
	p->regs.eip = entry;
	p->regs.esp = USER_STACK_TOP - 16;
	p->quantum_left = QUANTUM_TICKS;
	p->rts_flags = RTS_PROC_STOP | (root ? 0 : RTS_NO_PRIV);
	rts_unset(p, RTS_PROC_STOP);
}

static void image_extent(const struct elf_image *elf,
			 struct boot_image_entry *b)
{
	b->image_lo = UINT32_MAX;
	b->image_hi = 0;
	for (int i = 0; i < elf->nr_segments; i++) {
		const struct elf_segment *s = &elf->seg[i];
		if (s->vaddr < b->image_lo)
			b->image_lo = s->vaddr & ~(PAGE_SIZE - 1);
		if (s->vaddr + s->memsz > b->image_hi)
			b->image_hi = s->vaddr + s->memsz;
	}
}

static void load_module(struct boot_image_entry *b)
{
	struct proc *p = proc_addr(b->proc_nr);
	const char *name = b->name;
	struct elf_image elf;
	const char *why;

	if (elf_parse((const void *)b->base, b->size, USER_BASE,
		      USER_STACK_TOP - BOOT_STACK_SIZE, &elf, &why) != 0)
		panic("boot: module %s: %s", name, why);

	memcpy(p->name, b->name, sizeof(p->name));
	if (as_create(p) != OK)
		panic("boot: no memory for %s's page directory", name);
	set_boot_privileges(p, b, b->proc_nr);
	load_image(p, (const uint8_t *)b->base, &elf);
	for (vir_bytes va = USER_STACK_TOP - BOOT_STACK_SIZE;
	     va < USER_STACK_TOP; va += PAGE_SIZE)
		map_boot_page(p, va);
	b->endpoint = p->endpoint;
	image_extent(&elf, b);
	start_process(p, elf.entry, (b->flags & BOOT_ROOT) != 0);
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
	unsigned n = (mb->flags & MB_INFO_MODS) ? mb->mods_count : 0;
	if (n == 0 || n > BOOT_IMAGE_MAX)
		panic("boot: %u boot modules; 1 to %d expected", n,
		      BOOT_IMAGE_MAX);
	const struct mb_module *mod = (const struct mb_module *)mb->mods_addr;
	int next_slot = FIRST_BOOT_SLOT;
	for (unsigned i = 0; i < n; i++) {
		struct boot_image_entry *b = &boot_image[i];
		parse_module((const char *)mod[i].string, b);
		b->base = mod[i].start;
		b->size = mod[i].end - mod[i].start;
		b->proc_nr = (b->flags & BOOT_FILE) ? -1 : next_slot++;
		b->endpoint = NONE;
		if (mod[i].end > modules_end)
			modules_end = mod[i].end;
	}
	boot_image_count = n;
	unsigned roots = 0;
	for (unsigned i = 0; i < n; i++)
		roots += (boot_image[i].flags & BOOT_ROOT) != 0;
	if (roots != 1)
		panic("boot: %u modules are 'root'; exactly one must be",
		      roots);
}

void boot_load_modules(void)
{
	for (unsigned i = 0; i < boot_image_count; i++)
		if (!(boot_image[i].flags & BOOT_FILE))
			load_module(&boot_image[i]);
	kinfo.nr_boot_procs = boot_image_count;
}
