// SPDX-License-Identifier: BSD-2-Clause
/*
 * The RS boot protocol, played by ktest until RS exists: every boot
 * module other than the root waits, not runnable, for the root to allow
 * it; then it speaks SEF and waits for an init request.  In boot-list
 * order, allow each one, send it RS_INIT (fresh), collect its init reply,
 * log the result and release it.  A driver first gets the I/O ports and
 * IRQ lines of its device (what RS would take from its configuration).
 */
#include "ktest.h"

static struct boot_image_entry image[BOOT_IMAGE_MAX];
static int results[BOOT_IMAGE_MAX];
static unsigned nr_image;

/* The devices of the boot drivers: ports (inclusive) and one IRQ line. */
static const struct boot_device {
	const char *name;
	int nr_io;
	struct io_range io[2];
	int irq;
} boot_devices[] = {
	{ "ata", 2, { { 0x1f0, 0x1f7 }, { 0x3f6, 0x3f6 } }, 14 },
	{ "tty", 1, { { 0x3f8, 0x3ff } }, 4 },
};

/* Grant b its device's ports and IRQ, if it drives one. */
static int grant_device(const struct boot_image_entry *b)
{
	for (size_t i = 0; i < sizeof(boot_devices) / sizeof(boot_devices[0]);
	     i++) {
		const struct boot_device *d = &boot_devices[i];
		if (strcmp(d->name, b->name) != 0)
			continue;
		int r = OK;
		for (int j = 0; r == OK && j < d->nr_io; j++)
			r = sys_privctl(b->endpoint, SYS_PRIV_ADD_IO,
					(vir_bytes)&d->io[j]);
		return r == OK ? sys_privctl(b->endpoint, SYS_PRIV_ADD_IRQ,
					     (vir_bytes)d->irq) :
				 r;
	}
	return OK;
}

static int init_one(const struct boot_image_entry *b)
{
	message m = { .m_type = RS_INIT };
	uint32_t status;

	m.rs_init.type = SEF_INIT_FRESH;
	m.rs_init.old_endpoint = NONE;
	int r = grant_device(b);
	if (r == OK)
		r = sys_privctl(b->endpoint, SYS_PRIV_ALLOW, 0);
	if (r == OK)
		r = ipc_send(b->endpoint, &m);
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
	int n = sys_boot_image(image);

	if (n < 0)
		panic("boot_services_init: no boot image (%d)", n);
	nr_image = (unsigned)n;
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
