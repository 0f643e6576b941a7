// SPDX-License-Identifier: BSD-2-Clause
/*
 * RS's copies of service binaries.  A service started with `service up`
 * is restarted from RS's own copy, so its recovery needs neither VFS nor
 * the disk (which may be what crashed).  Copies live in RS's heap, grown
 * with vm_brk; an entry keeps its buffer when it is freed, and the next
 * service in that entry reuses it if the binary fits.
 */
#include "rs.h"

static size_t round_page(size_t n)
{
	return (n + PAGE_SIZE - 1) & ~(size_t)(PAGE_SIZE - 1);
}

/* A buffer of at least len bytes for rp, from the top of RS's heap. */
static int reserve(struct rproc *rp, size_t len)
{
	vir_bytes top, now;
	int r;

	if (rp->image_cap >= len)
		return OK;
	if ((r = vm_brk(0, &top)) != OK)
		return r;
	top = round_page(top);
	if ((r = vm_brk(top + round_page(len), &now)) != OK)
		return r;
	if (now < top + len)
		return -ENOMEM;
	rp->image = top;
	rp->image_cap = round_page(len);
	return OK;
}

/*
 * Copy the binary at [addr, addr + len) in `from` into rp's buffer.
 * -EINVAL for an empty or too large binary, -ENOMEM, -EFAULT.
 */
int rs_image_load(struct rproc *rp, endpoint_t from, vir_bytes addr, size_t len)
{
	int r;

	if (len == 0 || len > RS_EXEC_MAX)
		return -EINVAL;
	if ((r = reserve(rp, len)) != OK)
		return r;
	if (sys_vircopy(from, addr, SELF, rp->image, len) != OK)
		return -EFAULT;
	rp->image_len = len;
	return OK;
}
