// SPDX-License-Identifier: BSD-2-Clause
/*
 * The RS boot protocol, played by ktest until RS exists: every boot
 * module other than the root speaks SEF and waits for an init request
 * from the root process.  In boot-list order, send each one RS_INIT
 * (fresh), collect its init reply, log the result and release it.
 */
#include "ktest.h"

#define MAX_BOOT 16

static struct boot_image_entry image[MAX_BOOT];
static int results[MAX_BOOT];
static unsigned nr_image;

static int init_one(const struct boot_image_entry *b)
{
	message m = { .m_type = RS_INIT };
	uint32_t status;

	m.rs_init.type = SEF_INIT_FRESH;
	m.rs_init.old_endpoint = NONE;
	int r = ipc_send(b->endpoint, &m);
	if (r == OK)
		r = ipc_receive(b->endpoint, &m, &status);
	if (r != OK)
		return r;
	if (m.m_type != RS_INIT)
		return -EBADREQUEST;
	int result = m.rs_init.result;
	m.m_type = OK;
	ipc_send(b->endpoint, &m);
	return result;
}

void boot_services_init(void)
{
	struct kinfo ki;

	if (sys_getinfo(GET_KINFO, &ki, sizeof(ki), NONE) != OK ||
	    ki.nr_boot_procs > MAX_BOOT ||
	    sys_getinfo(GET_IMAGE, image, sizeof(image), NONE) != OK)
		panic("boot_services_init: no boot image");
	nr_image = ki.nr_boot_procs;
	for (unsigned i = 0; i < nr_image; i++) {
		if (image[i].flags & BOOT_ROOT)
			continue;
		results[i] = init_one(&image[i]);
		printf("ktest: init of boot service %s (endpoint %d): %d\n",
		       image[i].name, image[i].endpoint, results[i]);
	}
}

static void every_boot_service_completed_its_init_handshake(void)
{
	expect_true(nr_image >= 2);
	for (unsigned i = 0; i < nr_image; i++)
		if (!(image[i].flags & BOOT_ROOT))
			expect_eq(OK, results[i]);
}

const struct test_case boot_tests[] = {
	{ "every_boot_service_completed_its_init_handshake",
	  every_boot_service_completed_its_init_handshake },
	{ NULL, NULL },
};
