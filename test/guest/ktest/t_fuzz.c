// SPDX-License-Identifier: BSD-2-Clause
#include "ktest.h"

const struct test_case fuzz_tests[] = {
	{ NULL, NULL },
};
