// SPDX-License-Identifier: BSD-2-Clause
#include "ktest.h"

const struct test_case memory_tests[] = {
	{ NULL, NULL },
};
