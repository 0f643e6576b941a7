/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * DS's value pool: string and memory values live in one static arena,
 * cut into POOL_CHUNK-byte chunks that a bitmap marks in use.  A value
 * takes a contiguous run of chunks (first fit).  Pure code: the host
 * tests it (test/unit/test_ds_pool.c).
 */
#ifndef DS_POOL_H
#define DS_POOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define POOL_CHUNK  64
#define POOL_SIZE   (256 * 1024)
#define POOL_CHUNKS (POOL_SIZE / POOL_CHUNK)
#define POOL_NONE   (-1)

/* Allocate n > 0 bytes; the offset into the arena, or POOL_NONE. */
int32_t pool_alloc(size_t n);

/* Free what pool_alloc(n) returned at off (POOL_NONE: nothing). */
void pool_free(int32_t off, size_t n);

/* The bytes at off. */
uint8_t *pool_at(int32_t off);

/* Bytes not in use (for tests and statistics). */
size_t pool_free_bytes(void);

#endif
