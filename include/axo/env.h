/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Boot parameters: the kernel command line is a list of words separated
 * by spaces, each "key=value" or a bare "flag".  env_find() is the pure
 * parser (lib/libsys/env_parse.c, also used by the host tests); libsys's
 * env_get_param() applies it to the running kernel's command line.
 */
#ifndef AXO_ENV_H
#define AXO_ENV_H

#include <stddef.h>
#include <stdint.h>

/*
 * Find key in cmdline.  "key=value" copies value; a bare "key" copies "".
 * Returns 0, -ESRCH when absent, -E2BIG when value does not fit in len.
 */
int env_find(const char *cmdline, const char *key, char *value, size_t len);

/* Parse a decimal or 0x-hexadecimal number; 0 or -EINVAL. */
int env_parse_u32(const char *text, uint32_t *value);

#endif
