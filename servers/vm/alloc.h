/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * VM's physical frame allocator: a free bitmap over all RAM pages and a
 * reference count per frame.  Pure code (no kernel calls), so the host
 * unit tests build it as it is.
 *
 * Interface: frames_init() once with the RAM size and the free ranges the
 * kernel reported; frame_claim() for every frame already in use at boot
 * (boot images, boot files) so it can be freed later like any other;
 * frame_alloc() / frame_ref() / frame_unref() afterwards.  A frame is
 * free exactly when its count is zero and it is managed.
 */
#ifndef VM_ALLOC_H
#define VM_ALLOC_H

#include <axo/types.h>
#include <axo/config.h>
#include <axo/kinfo.h>
#include <axo/errno.h>

/*
 * The memory VM manages: the first 256 MiB (the kernel identity-maps at
 * most USER_BASE bytes, 1 GiB).  Each frame costs VM 2.25 bytes of bss,
 * in VM and in its standby replica alike, so 256 MiB keeps VM at about
 * 300 KiB and the whole system within 8 MiB; memory above is not used.
 */
#define VM_MAX_FRAMES ((256u << 20) / PAGE_SIZE)
_Static_assert(VM_MAX_FRAMES <= USER_BASE / PAGE_SIZE, "frames above 1 GiB");

void frames_init(phys_bytes mem_total, const struct mem_range *free, int nr);
int frame_claim(phys_bytes pa);
phys_bytes frame_alloc(void);
int frame_ref(phys_bytes pa);
int frame_unref(phys_bytes pa);
unsigned frame_count(phys_bytes pa);

unsigned frames_total(void); /* managed: free at init + claimed */
unsigned frames_free(void);
unsigned frames_boot(void); /* claimed at boot */

#endif
