// SPDX-License-Identifier: BSD-2-Clause
/*
 * The pipe ring buffer: see ring.h.  Spans never wrap; a transfer that
 * crosses the end of the buffer takes two spans.
 */
#include "ring.h"

void ring_init(struct ring *r)
{
	r->head = 0;
	r->len = 0;
}

size_t ring_write_span(const struct ring *r, uint8_t **at)
{
	uint32_t tail = (r->head + r->len) % RING_SIZE;
	uint32_t room = RING_SIZE - r->len;

	*at = (uint8_t *)r->buf + tail;
	return tail + room > RING_SIZE ? RING_SIZE - tail : room;
}

void ring_commit_write(struct ring *r, size_t n)
{
	r->len += (uint32_t)n;
}

size_t ring_read_span(const struct ring *r, uint8_t **at)
{
	*at = (uint8_t *)r->buf + r->head;
	return r->head + r->len > RING_SIZE ? RING_SIZE - r->head : r->len;
}

void ring_commit_read(struct ring *r, size_t n)
{
	r->head = (r->head + (uint32_t)n) % RING_SIZE;
	r->len -= (uint32_t)n;
	if (r->len == 0)
		r->head = 0;
}
