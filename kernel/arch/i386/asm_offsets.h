/* SPDX-License-Identifier: BSD-2-Clause */
/* Offsets into struct regs for the entry stubs; checked in protect.c. */
#ifndef KERNEL_ASM_OFFSETS_H
#define KERNEL_ASM_OFFSETS_H
#define REGS_CS 60
#endif
