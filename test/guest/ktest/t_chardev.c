// SPDX-License-Identifier: BSD-2-Clause
/*
 * The character driver protocol, against the hello driver (a boot module
 * of the ktest image): ktest plays VFS, sending CDEV requests with its
 * own grants and collecting the asynchronous CDEV_REPLYs.
 */
#include <ds.h>

#include "ktest.h"

static endpoint_t hello_ep(void)
{
	endpoint_t e = NONE;

	ds_retrieve_label_endpt("hello", &e);
	return e;
}

/* Send one request and wait for its reply; the reply's status. */
static int32_t cdev_call(int type, struct cdev_rq rq, int *reply_type)
{
	static uint32_t next_id = 100;
	endpoint_t e = hello_ep();
	message m = { .m_type = type, .cdev_rq = rq };
	uint32_t status;

	m.cdev_rq.id = ++next_id;
	m.cdev_rq.user = ktest_ep;
	int r = ipc_send(e, &m);
	if (r == OK)
		r = ipc_receive(e, &m, &status);
	if (r != OK)
		return r;
	if (reply_type != NULL)
		*reply_type = m.m_type;
	if (m.cdev_reply.id != next_id)
		return -EGENERIC; /* the reply of another request */
	return m.cdev_reply.status;
}

/* Read count bytes at pos into buf through a fresh grant. */
static int32_t hello_read(uint32_t pos, char *buf, uint32_t count)
{
	cp_grant_id_t g =
		cpf_grant_direct(hello_ep(), (vir_bytes)buf, count, CPF_WRITE);
	struct cdev_rq rq = { .grant = g, .count = count, .pos_lo = pos };

	int32_t r = cdev_call(CDEV_READ, rq, NULL);
	cpf_revoke(g);
	return r;
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
