// SPDX-License-Identifier: BSD-2-Clause
#include "ktest.h"
void bench_run(void);
void bench_run(void)
{
}
