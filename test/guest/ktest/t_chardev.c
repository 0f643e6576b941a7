// SPDX-License-Identifier: BSD-2-Clause
/*
 * The character driver protocol, against the hello driver (a boot module
 * of the ktest image): ktest plays VFS, sending CDEV requests with its
 * own grants and collecting the asynchronous CDEV_REPLYs.
 */
#include <ds.h>

#include "ktest.h"

static int32_t cdev_call(int type, struct cdev_rq rq, int *reply_type)
{
	return cdev_request("hello", type, rq, reply_type);
}

static int32_t hello_read(uint32_t pos, char *buf, uint32_t count)
{
	return cdev_io("hello", CDEV_READ, 0, pos, buf, count);
}

static void chardev_hello_announced_itself_in_ds(void)
{
	uint32_t v = 0;

	expect_eq(OK, ds_retrieve_u32("drv.chr.hello", &v));
	expect_eq(DRIVER_UP, v);
}

static void chardev_open_is_answered_with_the_request_id(void)
{
	int type = 0;
	struct cdev_rq rq = { .minor = 0, .access = CDEV_R_BIT };

	expect_eq(OK, cdev_call(CDEV_OPEN, rq, &type));
	expect_eq(CDEV_REPLY, type);
	expect_eq(OK, cdev_call(CDEV_CLOSE, rq, NULL));
}

static void chardev_hello_read_is_offset_aware_with_eof(void)
{
	char buf[64];

	memset(buf, 0, sizeof(buf));
	expect_eq(14, hello_read(0, buf, sizeof(buf)));
	expect_eq(0, memcmp(buf, "Hello, World!\n", 14));
	memset(buf, 0, sizeof(buf));
	expect_eq(3, hello_read(7, buf, 3));
	expect_eq(0, memcmp(buf, "Wor", 3));
	expect_eq(0, hello_read(14, buf, sizeof(buf)));
	expect_eq(0, hello_read(1000, buf, sizeof(buf)));
}

static void chardev_bad_requests_get_clear_errors(void)
{
	struct cdev_rq rq = { .minor = 1 };

	expect_eq(-ENXIO, cdev_call(CDEV_OPEN, rq, NULL));
	rq.minor = 0;
	expect_eq(-ENOSYS, cdev_call(CDEV_WRITE, rq, NULL));
	expect_eq(-ENOTTY, cdev_call(CDEV_IOCTL, rq, NULL));
	expect_eq(-EBADREQUEST, cdev_call(CDEV_RQ_BASE + 0x30, rq, NULL));
}

static void chardev_read_through_a_bad_grant_fails_and_driver_survives(void)
{
	char buf[16];
	struct cdev_rq rq = { .grant = 12345, .count = 8 };

	expect_true(cdev_call(CDEV_READ, rq, NULL) < 0);
	expect_eq(14, hello_read(0, buf, sizeof(buf)));
}

const struct test_case chardev_tests[] = {
	{ "chardev_hello_announced_itself_in_ds",
	  chardev_hello_announced_itself_in_ds },
	{ "chardev_open_is_answered_with_the_request_id",
	  chardev_open_is_answered_with_the_request_id },
	{ "chardev_hello_read_is_offset_aware_with_eof",
	  chardev_hello_read_is_offset_aware_with_eof },
	{ "chardev_bad_requests_get_clear_errors",
	  chardev_bad_requests_get_clear_errors },
	{ "chardev_read_through_a_bad_grant_fails_and_driver_survives",
	  chardev_read_through_a_bad_grant_fails_and_driver_survives },
	{ NULL, NULL },
};
