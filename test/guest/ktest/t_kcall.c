// SPDX-License-Identifier: BSD-2-Clause
#include "ktest.h"

const struct test_case kcall_tests[] = {
	{ NULL, NULL },
};
