// SPDX-License-Identifier: BSD-2-Clause
/*
 * Helpers of the driver tests (t_chardev.c, t_memdev.c, t_blockdev.c):
 * ktest plays VFS, finding a driver by its label in DS and sending CDEV
 * requests with its own grants.
 */
#include <ds.h>

#include "ktest.h"

endpoint_t driver_ep(const char *label)
{
	endpoint_t e = NONE;

	ds_retrieve_label_endpt(label, &e);
	return e;
}

int32_t cdev_request(const char *label, int type, struct cdev_rq rq,
		     int *reply_type)
{
	static uint32_t next_id = 100;
	endpoint_t e = driver_ep(label);
	message m = { .m_type = type, .cdev_rq = rq };
	uint32_t status;

	m.cdev_rq.id = ++next_id;
	m.cdev_rq.user = ktest_ep;
	int r = ipc_send(e, &m);
	if (r == OK)
		r = ktest_receive(e, &m, &status, WAIT_TICKS);
	if (r != OK)
		return r;
	if (reply_type != NULL)
		*reply_type = m.m_type;
	else if (m.m_type != CDEV_REPLY)
		return -EGENERIC; /* not an answer */
	if (m.cdev_reply.id != next_id)
		return -EGENERIC; /* the answer to another request */
	return m.cdev_reply.status;
}

int32_t cdev_io(const char *label, int type, int minor, uint32_t pos, void *buf,
		uint32_t count)
{
	int access = type == CDEV_READ ? CPF_WRITE : CPF_READ;
	cp_grant_id_t g = cpf_grant_direct(driver_ep(label), (vir_bytes)buf,
					   count, access);
	struct cdev_rq rq = {
		.minor = minor, .grant = g, .count = count, .pos_lo = pos
	};

	int32_t r = cdev_request(label, type, rq, NULL);
	cpf_revoke(g);
	return r;
}
