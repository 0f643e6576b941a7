/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A pipe's ring buffer (ring.c): bytes in VFS memory, filled and drained
 * through contiguous spans so the caller can copy straight from or to a
 * user's memory.  Pure, host-tested.
 */
#ifndef VFS_RING_H
#define VFS_RING_H

#include <stddef.h>
#include <stdint.h>

#define RING_SIZE 4096 /* PIPE_BUF */

struct ring {
	uint8_t buf[RING_SIZE];
	uint32_t head; /* index of the oldest byte */
	uint32_t len;  /* bytes held */
};

void ring_init(struct ring *r);
/* The contiguous free space after the data: *at = its start. */
size_t ring_write_span(const struct ring *r, uint8_t **at);
/* n bytes were written into the span (n <= its size). */
void ring_commit_write(struct ring *r, size_t n);
/* The contiguous data at the head: *at = its start. */
size_t ring_read_span(const struct ring *r, uint8_t **at);
/* n bytes of the span were consumed. */
void ring_commit_read(struct ring *r, size_t n);

#endif
