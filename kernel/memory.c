// SPDX-License-Identifier: BSD-2-Clause
/*
 * Address spaces and copies between them.
 *
 * The kernel owns [0, USER_BASE) of every address space, identity-mapping
 * physical memory with supervisor-only pages (page 0 left out to catch
 * NULL).  User space is [USER_BASE, 4 GiB), mapped with 4 KiB pages whose
 * tables the kernel allocates from its own pool.  Which user pages exist is
 * decided by whoever holds VMCTL (VM); the kernel only performs mappings.
 *
 * All access to user memory goes through umem_*(), which translate by
 * walking the page tables in software and copy through the identity map.
 * A bad pointer therefore yields -EFAULT and can never fault the kernel.
 *
 * Physical memory: [free_start, pool_end) is the kernel's pool (page
 * tables and directories); boot images come next; the rest is reported
 * free in kinfo for VM.
 */
#include "kernel.h"

#define PG_P	       0x001
#define PG_W	       0x002
#define PG_U	       0x004
#define PG_PS	       0x080
#define PG_FRAME       0xfffff000u
#define PDE_IDX(va)    ((va) >> 22)
#define PTE_IDX(va)    (((va) >> 12) & 0x3ff)
#define USER_PDE_FIRST PDE_IDX(USER_BASE)
#define POOL_MIN       (2u * 1024 * 1024)
#define POOL_MAX       (16u * 1024 * 1024)

phys_bytes kernel_phys_top;
static uint32_t kernel_pdes[USER_PDE_FIRST];
static uint32_t low_pt[1024] __attribute__((aligned(4096)));
static phys_bytes pool_start, pool_next, pool_end;
static phys_bytes free_list; /* freed pool pages, linked through themselves */
static unsigned nr_free_listed;

/*
 * Build the kernel half of every address space and the page pool.
 * ram_top: end of RAM; free_start: first byte not used by kernel or modules.
 */
void mem_init(phys_bytes ram_top, phys_bytes free_start)
{
	kernel_phys_top = ram_top < USER_BASE ? ram_top : USER_BASE;
	for (unsigned i = 1; i < 1024; i++)
		low_pt[i] = (i << 12) | PG_P | PG_W;
	kernel_pdes[0] = (uint32_t)low_pt | PG_P | PG_W;
	for (unsigned i = 1; i < USER_PDE_FIRST && (i << 22) < kernel_phys_top;
	     i++)
		kernel_pdes[i] = (i << 22) | PG_P | PG_W | PG_PS;

	phys_bytes pool = kernel_phys_top / 8; /* page tables: 2..16 MiB */
	if (pool < POOL_MIN)
		pool = POOL_MIN;
	if (pool > POOL_MAX)
		pool = POOL_MAX;
	pool_start = pool_next = (free_start + PAGE_SIZE - 1) & PG_FRAME;
	pool_end = pool_start + pool;
	if (pool_end > kernel_phys_top)
		panic("mem_init: %u KiB of RAM is too little",
		      (unsigned)(ram_top / 1024));
	kinfo.mem_total = ram_top;
	kinfo.nr_free_mem = 1;
	kinfo.free_mem[0].base = pool_end;
	kinfo.free_mem[0].size = kernel_phys_top - pool_end;
}

/* A zeroed page from the kernel pool, or 0 when the pool is exhausted. */
phys_bytes page_alloc(void)
{
	phys_bytes pa;

	if (free_list != 0) {
		pa = free_list;
		free_list = *(phys_bytes *)pa;
		nr_free_listed--;
	} else if (pool_next < pool_end) {
		pa = pool_next;
		pool_next += PAGE_SIZE;
	} else {
		return 0;
	}
	memset((void *)pa, 0, PAGE_SIZE);
	return pa;
}

void page_free(phys_bytes pa)
{
	*(phys_bytes *)pa = free_list;
	free_list = pa;
	nr_free_listed++;
}

unsigned pages_free_count(void)
{
	return nr_free_listed + (unsigned)((pool_end - pool_next) / PAGE_SIZE);
}

/* Give p a fresh address space holding only the kernel mappings. */
int as_create(struct proc *p)
{
	phys_bytes pd = page_alloc();

	if (pd == 0)
		return -ENOMEM;
	memcpy((void *)pd, kernel_pdes, sizeof(kernel_pdes));
	p->pgdir = (uint32_t *)pd;
	return OK;
}

/*
 * p's mappings changed or its IPC state was reset: forget every cached
 * translation of its message buffers.
 */
void as_forget(struct proc *p)
{
	p->recv_phys = 0;
	p->msg_pa = 0;
}

/* p's mappings changed: reload its TLB, forget its cached translations. */
static void flush_if_current(struct proc *p)
{
	as_forget(p);
	if (current == p)
		write_cr3((uint32_t)p->pgdir);
}

/* Drop every user mapping of p and free its page tables (not the pages). */
void as_clear_user(struct proc *p)
{
	if (p->pgdir == NULL)
		return;
	for (unsigned i = USER_PDE_FIRST; i < 1024; i++) {
		if (p->pgdir[i] & PG_P)
			page_free(p->pgdir[i] & PG_FRAME);
		p->pgdir[i] = 0;
	}
	flush_if_current(p);
}

void as_destroy(struct proc *p)
{
	if (p->pgdir == NULL)
		return;
	as_clear_user(p);
	if (current == p) /* never free the directory we run on */
		write_cr3((uint32_t)proc_addr(IDLE)->pgdir);
	page_free((phys_bytes)p->pgdir);
	p->pgdir = NULL;
}

static bool is_kernel_frame(phys_bytes pa)
{
	extern char _kernel_end[];

	return (pa >= 0x100000 && pa < (phys_bytes)_kernel_end) ||
	       (pa >= pool_start && pa < pool_end);
}

/* May user space be given the frame at pa?  Never the kernel's own. */
bool as_frame_mappable(phys_bytes pa)
{
	return pa >= PAGE_SIZE && !is_kernel_frame(pa);
}

static bool user_page_ok(vir_bytes va)
{
	return va >= USER_BASE && (va & (PAGE_SIZE - 1)) == 0;
}

/* Map the page at pa at va in p; flags VMF_WRITE.  Never maps kernel frames. */
int as_map(struct proc *p, vir_bytes va, phys_bytes pa, uint32_t flags)
{
	if (!user_page_ok(va) || (pa & (PAGE_SIZE - 1)) != 0)
		return -EINVAL;
	if (!as_frame_mappable(pa))
		return -EPERM;
	uint32_t *pde = &p->pgdir[PDE_IDX(va)];
	if (!(*pde & PG_P)) {
		phys_bytes pt = page_alloc();
		if (pt == 0)
			return -ENOMEM;
		*pde = pt | PG_P | PG_W | PG_U;
	}
	uint32_t *pt = (uint32_t *)(*pde & PG_FRAME);
	pt[PTE_IDX(va)] = pa | PG_P | PG_U | ((flags & VMF_WRITE) ? PG_W : 0);
	flush_if_current(p);
	return OK;
}

/*
 * A zeroed page for a boot image, taken from the low end of the memory
 * reported free to VM; the boot process owns it from then on.
 */
phys_bytes boot_page_alloc(void)
{
	struct mem_range *m = &kinfo.free_mem[0];

	if (m->size < PAGE_SIZE)
		panic("boot_page_alloc: out of memory loading boot modules");
	phys_bytes pa = m->base;
	m->base += PAGE_SIZE;
	m->size -= PAGE_SIZE;
	memset((void *)pa, 0, PAGE_SIZE);
	return pa;
}

int as_unmap(struct proc *p, vir_bytes va)
{
	if (!user_page_ok(va))
		return -EINVAL;
	uint32_t pde = p->pgdir[PDE_IDX(va)];
	if (!(pde & PG_P))
		return -EFAULT;
	uint32_t *pte = &((uint32_t *)(pde & PG_FRAME))[PTE_IDX(va)];
	if (!(*pte & PG_P))
		return -EFAULT;
	*pte = 0;
	flush_if_current(p);
	return OK;
}

/* Physical address and VMF_* flags of the page holding va in p. */
int as_lookup(struct proc *p, vir_bytes va, phys_bytes *pa, uint32_t *flags)
{
	if (va < USER_BASE)
		return -EFAULT;
	uint32_t pde = p->pgdir[PDE_IDX(va)];
	if (!(pde & PG_P))
		return -EFAULT;
	uint32_t pte = ((uint32_t *)(pde & PG_FRAME))[PTE_IDX(va)];
	if (!(pte & PG_P))
		return -EFAULT;
	*pa = (pte & PG_FRAME) | (va & (PAGE_SIZE - 1));
	*flags = VMF_PRESENT | ((pte & PG_W) ? VMF_WRITE : 0);
	return OK;
}

/* Turn paging on with a kernel-only address space (IDLE's). */
void paging_enable(void)
{
	struct proc *idle = proc_addr(IDLE);

	if (as_create(idle) != OK)
		panic("paging_enable: no page for the kernel page directory");
	write_cr3((uint32_t)idle->pgdir);
	uint32_t cr0;
	__asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
	__asm__ volatile("mov %0, %%cr0" : : "r"(cr0 | 0x80000000u));
}

void as_switch(struct proc *p)
{
	uint32_t cr3;

	__asm__ volatile("mov %%cr3, %0" : "=r"(cr3));
	if (cr3 != (uint32_t)p->pgdir)
		write_cr3((uint32_t)p->pgdir);
}

/*
 * Translate a user address for an access of up to the end of its page.
 * p == NULL means va is a kernel address (identity mapped).
 */
/*
 * p's page-table entry for va when the page is present, user-accessible
 * and backed by a frame below kernel_phys_top (frame 0: never mapped);
 * else 0.
 */
static inline uint32_t user_pte(const struct proc *p, vir_bytes va)
{
	if (p->pgdir == NULL)
		return 0;
	uint32_t pde = p->pgdir[PDE_IDX(va)];
	if ((pde & (PG_P | PG_U)) != (PG_P | PG_U))
		return 0;
	uint32_t pte = ((uint32_t *)(pde & PG_FRAME))[PTE_IDX(va)];
	if ((pte & (PG_P | PG_U)) != (PG_P | PG_U) ||
	    (pte & PG_FRAME) >= kernel_phys_top)
		return 0;
	return pte;
}

static bool translate(struct proc *p, vir_bytes va, bool write, phys_bytes *pa)
{
	if (p == NULL) {
		*pa = va;
		return true;
	}
	uint32_t pte = user_pte(p, va);
	if (pte == 0 || (write && !(pte & PG_W)))
		return false;
	*pa = (pte & PG_FRAME) | (va & (PAGE_SIZE - 1));
	return true;
}

static size_t page_left(vir_bytes va)
{
	return PAGE_SIZE - (va & (PAGE_SIZE - 1));
}

/*
 * Copy n bytes from sva in sp to dva in dp (NULL: kernel address).
 * Returns OK, or -EFAULT if any page is missing or not writable; a failed
 * copy may have written a prefix.
 */
int umem_copy(struct proc *sp, vir_bytes sva, struct proc *dp, vir_bytes dva,
	      size_t n)
{
	if ((sp && sva + n < sva) || (dp && dva + n < dva))
		return -EFAULT;
	while (n > 0) {
		phys_bytes spa, dpa;
		size_t chunk = n;
		if (sp && page_left(sva) < chunk)
			chunk = page_left(sva);
		if (dp && page_left(dva) < chunk)
			chunk = page_left(dva);
		if (!translate(sp, sva, false, &spa) ||
		    !translate(dp, dva, true, &dpa))
			return -EFAULT;
		memcpy((void *)dpa, (const void *)spa, chunk);
		sva += chunk;
		dva += chunk;
		n -= chunk;
	}
	return OK;
}

/*
 * umem_msg_phys() without the cache: walk p's tables for the message at
 * va, and remember the buffer if it is writable.
 */
phys_bytes umem_msg_walk(struct proc *p, vir_bytes va, bool write)
{
	if (page_left(va) < sizeof(message))
		return 0;
	uint32_t pte = user_pte(p, va);
	if (pte == 0 || (write && !(pte & PG_W)))
		return 0;
	phys_bytes pa = (pte & PG_FRAME) | (va & (PAGE_SIZE - 1));
	if (pte & PG_W) {
		p->msg_va = va;
		p->msg_pa = pa;
	}
	return pa;
}

int umem_msg_read(struct proc *p, vir_bytes va, message *m)
{
	phys_bytes pa = umem_msg_phys(p, va, false);

	if (pa == 0)
		return umem_read(p, va, m, sizeof(*m));
	msg_copy(m, (const message *)pa);
	return OK;
}

int umem_msg_write(struct proc *p, vir_bytes va, const message *m)
{
	phys_bytes pa = umem_msg_phys(p, va, true);

	if (pa == 0)
		return umem_write(p, va, m, sizeof(*m));
	msg_copy((message *)pa, m);
	return OK;
}

int umem_read(struct proc *p, vir_bytes va, void *dst, size_t n)
{
	return umem_copy(p, va, NULL, (vir_bytes)dst, n);
}

int umem_write(struct proc *p, vir_bytes va, const void *src, size_t n)
{
	return umem_copy(NULL, (vir_bytes)src, p, va, n);
}

/* OK iff [va, va+n) of p is mapped (and writable if write). */
int umem_check(struct proc *p, vir_bytes va, size_t n, bool write)
{
	phys_bytes pa;

	if (va + n < va)
		return -EFAULT;
	for (vir_bytes a = va & PG_FRAME; a < va + n; a += PAGE_SIZE)
		if (!translate(p, a < va ? va : a, write, &pa))
			return -EFAULT;
	return OK;
}
