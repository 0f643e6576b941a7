// SPDX-License-Identifier: BSD-2-Clause
/*
 * sys_getinfo: copy kernel information out to the caller: kernel info,
 * boot image, process and privilege tables (as the stable ABI views in
 * <axo/kinfo.h>), one process, one privilege structure, whoami, and the
 * kernel command line.  The buffer must be large enough (-EINVAL).
 */
#include "../kernel.h"

static void fill_proc_info(const struct proc *p, struct proc_info *pi)
{
	memset(pi, 0, sizeof(*pi));
	pi->nr = p->nr;
	pi->endpoint = p->endpoint;
	pi->rts_flags = p->rts_flags;
	pi->misc_flags = p->misc_flags;
	pi->priv_id = p->priv ? p->priv->id : -1;
	pi->priv_flags = p->priv ? p->priv->flags : 0;
	pi->getfrom = p->getfrom;
	pi->sendto = p->sendto;
	pi->priority = p->priority;
	pi->user_ticks = p->user_ticks;
	pi->sys_ticks = p->sys_ticks;
	memcpy(pi->name, p->name, sizeof(pi->name));
}

static int copy_out(struct proc *caller, vir_bytes buf, vir_bytes size,
		    const void *data, size_t len)
{
	if (size < len)
		return -EINVAL;
	return umem_write(caller, buf, data, len);
}

static int get_proctab(struct proc *caller, vir_bytes buf, vir_bytes size)
{
	const size_t n = NR_TASKS + NR_PROCS;
	struct proc_info pi;
	int r;

	if (size < n * sizeof(pi))
		return -EINVAL;
	for (size_t i = 0; i < n; i++) {
		fill_proc_info(&proc_table[i], &pi);
		if ((r = umem_write(caller, buf + i * sizeof(pi), &pi,
				    sizeof(pi))) != OK)
			return r;
	}
	return OK;
}

static int get_privtab(struct proc *caller, vir_bytes buf, vir_bytes size)
{
	struct priv_info pi;
	int r;

	if (size < NR_SYS_PROCS * sizeof(pi))
		return -EINVAL;
	for (int i = 0; i < NR_SYS_PROCS; i++) {
		const struct priv *pr = &priv_table[i];
		pi = (struct priv_info){ pr->id, pr->proc_nr, pr->flags,
					 pr->sig_mgr, pr->bak_sig_mgr };
		if ((r = umem_write(caller, buf + i * sizeof(pi), &pi,
				    sizeof(pi))) != OK)
			return r;
	}
	return OK;
}

static int get_one(struct proc *caller, struct sys_getinfo_msg *g)
{
	struct proc *p;
	int r;

	if ((r = endpoint_lookup_self(caller, g->endpt, &p)) != OK)
		return r;
	if (g->request == GET_PROC) {
		struct proc_info pi;
		fill_proc_info(p, &pi);
		return copy_out(caller, g->buf, g->size, &pi, sizeof(pi));
	}
	struct priv_spec spec;
	priv_fill_spec(p->priv, &spec);
	return copy_out(caller, g->buf, g->size, &spec, sizeof(spec));
}

int do_getinfo(struct proc *caller, message *m)
{
	struct sys_getinfo_msg *g = &m->sys_getinfo;
	struct whoami w;

	switch (g->request) {
	case GET_KINFO:
		kinfo.kernel_pages_free = pages_free_count();
		return copy_out(caller, g->buf, g->size, &kinfo, sizeof(kinfo));
	case GET_IMAGE:
		return copy_out(caller, g->buf, g->size, boot_image,
				boot_image_count * sizeof(boot_image[0]));
	case GET_PROCTAB:
		return get_proctab(caller, g->buf, g->size);
	case GET_PRIVTAB:
		return get_privtab(caller, g->buf, g->size);
	case GET_PROC:
	case GET_PRIV:
		return get_one(caller, g);
	case GET_WHOAMI:
		w = (struct whoami){ caller->endpoint, caller->priv->flags,
				     caller->priv->init_flags, "" };
		memcpy(w.name, caller->name, sizeof(w.name));
		return copy_out(caller, g->buf, g->size, &w, sizeof(w));
	case GET_CMDLINE:
		return copy_out(caller, g->buf, g->size, kernel_cmdline,
				strlen(kernel_cmdline) + 1);
	default:
		return -EINVAL;
	}
}
