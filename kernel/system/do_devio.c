// SPDX-License-Identifier: BSD-2-Clause
/*
 * sys_devio: one port read or write on behalf of a driver (string I/O is
 * do_sdevio.c).  The whole
 * access must fall inside one of the caller's I/O ranges; a process
 * without ranges can do no port I/O at all.
 */
#include "../kernel.h"

bool port_permitted(const struct priv *pr, uint32_t port, uint32_t size)
{
	for (int i = 0; i < pr->nr_io; i++)
		if (port >= pr->io[i].base &&
		    port + size - 1 <= pr->io[i].limit)
			return true;
	return false;
}

int do_devio(struct proc *caller, message *m)
{
	struct sys_devio_msg *d = &m->sys_devio;
	int width = d->request & (DIO_WORD | DIO_LONG);
	uint32_t size = width == DIO_LONG ? 4 : width == DIO_WORD ? 2 : 1;

	if ((d->request & ~(DIO_OUT | DIO_WORD | DIO_LONG)) != 0 ||
	    width == (DIO_WORD | DIO_LONG) || d->port > 0xffff)
		return -EINVAL;
	if (!port_permitted(caller->priv, d->port, size))
		return -EPERM;
	uint16_t port = (uint16_t)d->port;
	if (d->request & DIO_OUT) {
		if (size == 4)
			outl(port, d->value);
		else if (size == 2)
			outw(port, (uint16_t)d->value);
		else
			outb(port, (uint8_t)d->value);
	} else {
		d->value = size == 4 ? inl(port) :
			   size == 2 ? inw(port) :
				       inb(port);
	}
	return OK;
}
