// SPDX-License-Identifier: BSD-2-Clause
#include "ktest.h"

const struct test_case update_tests[] = {
	{ NULL, NULL },
};
