// SPDX-License-Identifier: BSD-2-Clause
/*
 * Physical frames.  A bit per page says "free"; a 16-bit count per page
 * says how many mappings (or pins) hold it.  Managed frames are the free
 * ranges at init plus every frame claimed afterwards; frames outside both
 * (kernel, page-table pool, reserved RAM) are never handed out, and a
 * reference to one is refused.  Allocation is next-fit over the bitmap,
 * a word at a time.
 */
#include "alloc.h"

#define WORD_BITS 32u
#define NR_WORDS  (VM_MAX_FRAMES / WORD_BITS)
#define REF_MAX	  0xffffu

static uint32_t free_map[NR_WORDS];
static uint32_t managed_map[NR_WORDS];
static uint16_t refs[VM_MAX_FRAMES];
static unsigned nr_frames; /* pages of RAM covered */
static unsigned nr_total, nr_free, nr_boot;
static unsigned next_word; /* next-fit hint */

static bool bit(const uint32_t *map, unsigned f)
{
	return (map[f / WORD_BITS] >> (f % WORD_BITS)) & 1u;
}

static void set_bit(uint32_t *map, unsigned f, bool on)
{
	uint32_t m = 1u << (f % WORD_BITS);

	if (on)
		map[f / WORD_BITS] |= m;
	else
		map[f / WORD_BITS] &= ~m;
}

/* Frame number of pa, or -1 when pa is not page aligned or beyond RAM. */
static long frame_of(phys_bytes pa)
{
	if ((pa & (PAGE_SIZE - 1)) != 0 || pa / PAGE_SIZE >= nr_frames)
		return -1;
	return (long)(pa / PAGE_SIZE);
}

/*
 * Start over with RAM of mem_total bytes, of which the nr ranges in free
 * are free (partial pages at their ends are left out; page 0 never counts).
 */
void frames_init(phys_bytes mem_total, const struct mem_range *free, int nr)
{
	uint64_t pages = mem_total / PAGE_SIZE;

	for (unsigned w = 0; w < NR_WORDS; w++)
		free_map[w] = managed_map[w] = 0;
	for (unsigned f = 0; f < VM_MAX_FRAMES; f++)
		refs[f] = 0;
	nr_frames = pages > VM_MAX_FRAMES ? VM_MAX_FRAMES : (unsigned)pages;
	nr_total = nr_free = nr_boot = next_word = 0;
	for (int i = 0; i < nr; i++) {
		uint64_t lo =
			((uint64_t)free[i].base + PAGE_SIZE - 1) / PAGE_SIZE;
		uint64_t hi =
			((uint64_t)free[i].base + free[i].size) / PAGE_SIZE;
		for (uint64_t f = lo ? lo : 1; f < hi && f < nr_frames; f++) {
			if (bit(managed_map, (unsigned)f))
				continue; /* overlapping ranges */
			set_bit(managed_map, (unsigned)f, true);
			set_bit(free_map, (unsigned)f, true);
			nr_total++;
			nr_free++;
		}
	}
}

/*
 * Take a frame that is in use since boot.  Claiming one that is already
 * held is harmless (boot files may share a page at their ends): OK.
 * -EINVAL for a bad address or a frame that is free.
 */
int frame_claim(phys_bytes pa)
{
	long f = frame_of(pa);

	if (f <= 0 || bit(free_map, (unsigned)f))
		return -EINVAL;
	if (bit(managed_map, (unsigned)f))
		return OK;
	set_bit(managed_map, (unsigned)f, true);
	refs[f] = 1;
	nr_total++;
	nr_boot++;
	return OK;
}

/* A free frame with count 1, or 0 when none is left.  Not zeroed. */
phys_bytes frame_alloc(void)
{
	if (nr_free == 0)
		return 0;
	unsigned words = (nr_frames + WORD_BITS - 1) / WORD_BITS;
	for (unsigned i = 0; i < words; i++) {
		unsigned w = (next_word + i) % words;
		if (free_map[w] == 0)
			continue;
		unsigned f =
			w * WORD_BITS + (unsigned)__builtin_ctz(free_map[w]);
		set_bit(free_map, f, false);
		refs[f] = 1;
		nr_free--;
		next_word = w;
		return (phys_bytes)f * PAGE_SIZE;
	}
	return 0; /* unreachable while nr_free is right */
}

/* One more holder of a frame in use: OK, -EINVAL if it is not in use. */
int frame_ref(phys_bytes pa)
{
	long f = frame_of(pa);

	if (f <= 0 || refs[f] == 0 || !bit(managed_map, (unsigned)f))
		return -EINVAL;
	if (refs[f] == REF_MAX)
		return -ENOMEM;
	refs[f]++;
	return OK;
}

/*
 * One holder less; the frame becomes free at zero.  -EINVAL (and nothing
 * changes) if pa is not a frame in use.
 */
int frame_unref(phys_bytes pa)
{
	long f = frame_of(pa);

	if (f <= 0 || refs[f] == 0 || !bit(managed_map, (unsigned)f))
		return -EINVAL;
	if (--refs[f] == 0) {
		set_bit(free_map, (unsigned)f, true);
		nr_free++;
	}
	return OK;
}

/* How many hold pa (0: free or unmanaged). */
unsigned frame_count(phys_bytes pa)
{
	long f = frame_of(pa);

	return f < 0 ? 0 : refs[f];
}

unsigned frames_total(void)
{
	return nr_total;
}

unsigned frames_free(void)
{
	return nr_free;
}

unsigned frames_boot(void)
{
	return nr_boot;
}
