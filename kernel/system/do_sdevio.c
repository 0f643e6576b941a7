// SPDX-License-Identifier: BSD-2-Clause
/*
 * sys_sdevio: string port I/O (rep ins/outs) between one port and the
 * caller's memory, so that a disk driver moves a sector with one call
 * rather than one per word.  The port must lie in the caller's I/O
 * ranges and the whole buffer must be mapped (writable for input) before
 * the first port access: a reading from a device cannot be taken back.
 * Data goes through a kernel bounce buffer, a page at a time.
 */
#include "../kernel.h"

static uint8_t bounce[PAGE_SIZE] __attribute__((aligned(4)));

static void port_in(uint16_t port, uint32_t size, void *buf, uint32_t n)
{
	if (size == 4)
		__asm__ volatile("rep insl"
				 : "+D"(buf), "+c"(n)
				 : "d"(port)
				 : "memory");
	else if (size == 2)
		__asm__ volatile("rep insw"
				 : "+D"(buf), "+c"(n)
				 : "d"(port)
				 : "memory");
	else
		__asm__ volatile("rep insb"
				 : "+D"(buf), "+c"(n)
				 : "d"(port)
				 : "memory");
}

static void port_out(uint16_t port, uint32_t size, const void *buf, uint32_t n)
{
	if (size == 4)
		__asm__ volatile("rep outsl" : "+S"(buf), "+c"(n) : "d"(port));
	else if (size == 2)
		__asm__ volatile("rep outsw" : "+S"(buf), "+c"(n) : "d"(port));
	else
		__asm__ volatile("rep outsb" : "+S"(buf), "+c"(n) : "d"(port));
}

int do_sdevio(struct proc *caller, message *m)
{
	const struct sys_sdevio_msg *d = &m->sys_sdevio;
	int width = d->request & (DIO_WORD | DIO_LONG);
	uint32_t size = width == DIO_LONG ? 4 : width == DIO_WORD ? 2 : 1;
	bool out = d->request & DIO_OUT;

	if ((d->request & ~(DIO_OUT | DIO_WORD | DIO_LONG)) != 0 ||
	    width == (DIO_WORD | DIO_LONG) || d->port > 0xffff ||
	    d->count == 0 || d->count > SDEVIO_MAX / size)
		return -EINVAL;
	if (!port_permitted(caller->priv, d->port, size))
		return -EPERM;
	uint32_t total = d->count * size;
	if (umem_check(caller, d->addr, total, !out) != OK)
		return -EFAULT;
	for (uint32_t done = 0; done < total; done += sizeof(bounce)) {
		uint32_t n = total - done < sizeof(bounce) ? total - done :
							     sizeof(bounce);
		if (out) {
			if (umem_read(caller, d->addr + done, bounce, n) != OK)
				return -EFAULT;
			port_out((uint16_t)d->port, size, bounce, n / size);
		} else {
			port_in((uint16_t)d->port, size, bounce, n / size);
			if (umem_write(caller, d->addr + done, bounce, n) != OK)
				return -EFAULT;
		}
	}
	return OK;
}
