/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Basic ABI types shared by the kernel and user space.  Every size here is
 * part of the binary interface: i386, 32-bit addresses.
 */
#ifndef AXO_TYPES_H
#define AXO_TYPES_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>

typedef int32_t endpoint_t;    /* process identity: slot + generation */
typedef uint32_t vir_bytes;    /* user virtual address or length */
typedef uint32_t phys_bytes;   /* physical address or length */
typedef int32_t cp_grant_id_t; /* safecopy grant identifier */
typedef uint64_t ksigset_t;    /* kernel signal set, bit n = signal n */
typedef uint64_t clock_t64;    /* ticks since boot */

#define MSG_PAYLOAD_SIZE 56 /* bytes of a message after source and type */

#endif
