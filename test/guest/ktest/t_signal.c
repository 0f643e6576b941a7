// SPDX-License-Identifier: BSD-2-Clause
#include "ktest.h"

const struct test_case signal_tests[] = {
	{ NULL, NULL },
};
