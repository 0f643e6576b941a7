/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What uchild and utest agree on: the exit statuses of uchild's checks.
 * A check that passed exits UCHILD_OK, never 0, so that a uchild that
 * lost its arguments (and exits 0 at once) cannot pass a test.
 */
#ifndef UCHILD_H
#define UCHILD_H

#define UCHILD_OK    100 /* the named check held */
#define UCHILD_BAD   101 /* the named check failed */
#define UCHILD_USAGE 102 /* unknown check or malformed arguments */

#define UCHILD_ENV_NAME	 "UTEST_VAR"
#define UCHILD_ENV_VALUE "axolotl"
#define UCHILD_ENV_COUNT 2 /* utest passes exactly two variables */

#endif
