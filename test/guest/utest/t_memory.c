// SPDX-License-Identifier: BSD-2-Clause
/*
 * Memory tests: the heap (malloc, sbrk up and down, a request larger
 * than the machine), copy semantics of fork, stack growth and its limit,
 * anonymous mmap/munmap, initial data and bss, read-only code, and the
 * memory of an exited child coming back.
 */
#include "utest.h"

#include <axo/libc.h>

#if __has_include(<sys/mman.h>)
#include <sys/mman.h>
#else
/* newlib has no <sys/mman.h> for i686-elf; libc implements these. */
#define PROT_READ     0x1
#define PROT_WRITE    0x2
#define MAP_PRIVATE   0x02
#define MAP_ANONYMOUS 0x20
#define MAP_FAILED    ((void *)-1)
void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int munmap(void *addr, size_t len);
#endif

#define PAGE	    4096u
#define BIG_BYTES   (4u * 1024 * 1024)
#define STACK_BYTES (1024u * 1024)
#define STACK_FRAME 1024u
#define MMAP_PAGES  16u
#define KERNEL_ADDR 0x00100000u /* the kernel's image, below USER_BASE */
#define PATTERN(i)  ((unsigned char)((i)*7 + 3))

static int data_word = 0x5a17c0de;
static const char data_string[] = "axolotl";
static int bss_words[1024];
static volatile int shared_value = 1; /* "shared" until a fork */

/* ---- helpers ---- */

/* Total memory in bytes, from VM. */
static size_t machine_bytes(void)
{
	struct vm_info_msg info;

	expect_eq(0, axo_vm_info(&info));
	return (size_t)info.total_pages * PAGE;
}

static void *map_anon(size_t len)
{
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	expect_true(p != MAP_FAILED);
	return p;
}

/* Uses about `depth` KiB of stack; returns a checksum of what it wrote. */
static unsigned recurse(unsigned depth)
{
	volatile unsigned char frame[STACK_FRAME];

	for (unsigned i = 0; i < STACK_FRAME; i++)
		frame[i] = (unsigned char)(depth + i);
	if (depth == 0)
		return frame[0];
	return recurse(depth - 1) + frame[STACK_FRAME - 1];
}

/* ---- child bodies ---- */

static int write_shared_value(void)
{
	shared_value = 2;
	return shared_value == 2 ? 0 : 1;
}

static int recurse_forever(void)
{
	return (int)recurse(~0u);
}

static int touch_after_munmap(void)
{
	volatile int *p = map_anon(PAGE);
	*p = 1;
	if (munmap((void *)p, PAGE) != 0)
		return 2;
	return *p;
}

static int write_to_code(void)
{
	*(volatile char *)data_string = 'X';
	return 0;
}

static int read_kernel_memory(void)
{
	return *(volatile int *)KERNEL_ADDR;
}

static int use_a_megabyte(void)
{
	unsigned char *p = malloc(STACK_BYTES);
	if (p == NULL)
		return 2;
	memset(p, 1, STACK_BYTES);
	return 0;
}

/* ---- heap ---- */

static void malloc_4mib_every_page_holds_its_value(void)
{
	unsigned char *p = malloc(BIG_BYTES);

	expect_true(p != NULL);
	for (size_t i = 0; i < BIG_BYTES; i += PAGE)
		p[i] = PATTERN(i / PAGE);
	for (size_t i = 0; i < BIG_BYTES; i += PAGE)
		expect_eq(PATTERN(i / PAGE), p[i]);
	free(p);
}

static void sbrk_grows_heap_and_new_memory_is_zeroed(void)
{
	char *old = sbrk(0);
	char *got = sbrk(16 * PAGE);

	expect_eq((long)old, (long)got);
	expect_eq((long)(old + 16 * PAGE), (long)sbrk(0));
	for (size_t i = 0; i < 16 * PAGE; i += 512)
		expect_eq(0, old[i]);
	memset(old, 0xab, 16 * PAGE);
	expect_eq(0xab, (unsigned char)old[16 * PAGE - 1]);
}

static void sbrk_shrinks_heap(void)
{
	char *start = sbrk(0);

	sbrk(8 * PAGE);
	expect_eq((long)(start + 8 * PAGE), (long)sbrk(-(long)(4 * PAGE)));
	expect_eq((long)(start + 4 * PAGE), (long)sbrk(0));
	start[4 * PAGE - 1] = 1; /* what is left still works */
}

static void sbrk_beyond_memory_fails_enomem(void)
{
	char *before = sbrk(0);

	expect_true(sbrk((intptr_t)machine_bytes()) == (void *)-1);
	expect_eq(ENOMEM, errno);
	expect_eq((long)before, (long)sbrk(0));
}

static void malloc_beyond_memory_fails_and_system_recovers(void)
{
	void *huge = malloc(machine_bytes() + BIG_BYTES);

	expect_true(huge == NULL);
	char *small = malloc(64 * 1024);
	expect_true(small != NULL);
	memset(small, 1, 64 * 1024);
	free(small);
	expect_exited(0, run_child(use_a_megabyte));
}

/* ---- fork copies ---- */

static void child_writes_are_invisible_to_parent(void)
{
	shared_value = 1;
	expect_exited(0, run_child(write_shared_value));
	expect_eq(1, shared_value);
}

static volatile sig_atomic_t parent_wrote;

static void note_parent_wrote(int sig)
{
	(void)sig;
	parent_wrote = 1;
}

/* Waits until the parent wrote its copy, then checks its own. */
static int check_value_after_parent_write(void)
{
	sigset_t none;

	sigemptyset(&none);
	while (!parent_wrote)
		sigsuspend(&none);
	return shared_value == 1 ? 0 : 1;
}

static void parent_writes_are_invisible_to_child(void)
{
	struct sigaction sa = { .sa_handler = note_parent_wrote };
	sigset_t usr1;

	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigprocmask(SIG_BLOCK, &usr1, NULL);
	expect_eq(0, sigaction(SIGUSR1, &sa, NULL));
	shared_value = 1;
	pid_t pid = fork_child(check_value_after_parent_write);
	shared_value = 3;
	expect_eq(0, kill(pid, SIGUSR1));
	expect_exited(0, wait_for(pid));
}

static unsigned char *heap_block;

static int check_heap_copy(void)
{
	for (size_t i = 0; i < 64 * PAGE; i += PAGE)
		if (heap_block[i] != PATTERN(i / PAGE))
			return 1;
	return 0;
}

static void child_sees_parent_heap_contents(void)
{
	heap_block = malloc(64 * PAGE);
	expect_true(heap_block != NULL);
	for (size_t i = 0; i < 64 * PAGE; i += PAGE)
		heap_block[i] = PATTERN(i / PAGE);
	expect_exited(0, run_child(check_heap_copy));
}

/* ---- stack ---- */

static void stack_grows_to_one_mib(void)
{
	unsigned depth = STACK_BYTES / STACK_FRAME;
	unsigned expect = 0;

	for (unsigned d = 1; d <= depth; d++)
		expect += (unsigned char)(d + STACK_FRAME - 1);
	expect_eq(expect, recurse(depth));
}

static void stack_overflow_kills_with_sigsegv(void)
{
	expect_signaled(SIGSEGV, run_child(recurse_forever));
}

/* ---- mmap ---- */

static void mmap_anonymous_is_zeroed_and_writable(void)
{
	unsigned char *p = map_anon(MMAP_PAGES * PAGE);

	for (size_t i = 0; i < MMAP_PAGES * PAGE; i += 256)
		expect_eq(0, p[i]);
	for (size_t i = 0; i < MMAP_PAGES * PAGE; i += PAGE)
		p[i] = PATTERN(i / PAGE);
	for (size_t i = 0; i < MMAP_PAGES * PAGE; i += PAGE)
		expect_eq(PATTERN(i / PAGE), p[i]);
	expect_eq(0, munmap(p, MMAP_PAGES * PAGE));
}

static void two_mmaps_do_not_overlap(void)
{
	unsigned char *a = map_anon(4 * PAGE), *b = map_anon(4 * PAGE);

	expect_true(a + 4 * PAGE <= b || b + 4 * PAGE <= a);
	memset(a, 1, 4 * PAGE);
	memset(b, 2, 4 * PAGE);
	expect_eq(1, a[4 * PAGE - 1]);
	expect_eq(2, b[0]);
}

static void access_after_munmap_kills_with_sigsegv(void)
{
	expect_signaled(SIGSEGV, run_child(touch_after_munmap));
}

static void mmap_of_zero_length_fails_einval(void)
{
	errno = 0;
	void *p = mmap(NULL, 0, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	expect_true(p == MAP_FAILED);
	expect_eq(EINVAL, errno);
}

/* ---- image ---- */

static void data_and_bss_start_with_their_initial_values(void)
{
	expect_eq(0x5a17c0de, data_word);
	expect_eq(0, strcmp(data_string, "axolotl"));
	for (size_t i = 0; i < sizeof(bss_words) / sizeof(*bss_words); i++)
		expect_eq(0, bss_words[i]);
}

static void write_to_read_only_data_kills_with_sigsegv(void)
{
	expect_signaled(SIGSEGV, run_child(write_to_code));
}

static void read_of_kernel_memory_kills_with_sigsegv(void)
{
	expect_signaled(SIGSEGV, run_child(read_kernel_memory));
}

static void exited_child_returns_its_memory(void)
{
	struct vm_info_msg before, after;

	expect_eq(0, axo_vm_info(&before));
	expect_exited(0, run_child(use_a_megabyte));
	expect_eq(0, axo_vm_info(&after));
	expect_eq(before.free_pages, after.free_pages);
	expect_eq(before.nr_procs, after.nr_procs);
}

const struct test_case memory_tests[] = {
	{ "malloc_4mib_every_page_holds_its_value",
	  malloc_4mib_every_page_holds_its_value },
	{ "sbrk_grows_heap_and_new_memory_is_zeroed",
	  sbrk_grows_heap_and_new_memory_is_zeroed },
	{ "sbrk_shrinks_heap", sbrk_shrinks_heap },
	{ "sbrk_beyond_memory_fails_enomem", sbrk_beyond_memory_fails_enomem },
	{ "malloc_beyond_memory_fails_and_system_recovers",
	  malloc_beyond_memory_fails_and_system_recovers },
	{ "child_writes_are_invisible_to_parent",
	  child_writes_are_invisible_to_parent },
	{ "parent_writes_are_invisible_to_child",
	  parent_writes_are_invisible_to_child },
	{ "child_sees_parent_heap_contents", child_sees_parent_heap_contents },
	{ "stack_grows_to_one_mib", stack_grows_to_one_mib },
	{ "stack_overflow_kills_with_sigsegv",
	  stack_overflow_kills_with_sigsegv },
	{ "mmap_anonymous_is_zeroed_and_writable",
	  mmap_anonymous_is_zeroed_and_writable },
	{ "two_mmaps_do_not_overlap", two_mmaps_do_not_overlap },
	{ "access_after_munmap_kills_with_sigsegv",
	  access_after_munmap_kills_with_sigsegv },
	{ "mmap_of_zero_length_fails_einval",
	  mmap_of_zero_length_fails_einval },
	{ "data_and_bss_start_with_their_initial_values",
	  data_and_bss_start_with_their_initial_values },
	{ "write_to_read_only_data_kills_with_sigsegv",
	  write_to_read_only_data_kills_with_sigsegv },
	{ "read_of_kernel_memory_kills_with_sigsegv",
	  read_of_kernel_memory_kills_with_sigsegv },
	{ "exited_child_returns_its_memory", exited_child_returns_its_memory },
	{ NULL, NULL },
};
