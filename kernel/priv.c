// SPDX-License-Identifier: BSD-2-Clause
/*
 * Privilege structures.  Ids 0..NR_TASKS-1 belong to the kernel tasks,
 * USER_PRIV_ID is shared by every user process, boot modules get static
 * ids from FIRST_BOOT_PRIV_ID, and RS-created services get dynamic ids
 * above the boot range.  Send masks are kept symmetric: allowing A to send
 * to B also allows B to send to A, except that tasks never send.
 */
#include "kernel.h"

#define FIRST_DYN_PRIV_ID (FIRST_BOOT_PRIV_ID + BOOT_IMAGE_MAX)

struct priv priv_table[NR_SYS_PROCS];
struct priv *user_priv = &priv_table[USER_PRIV_ID];
endpoint_t root_sys_endpoint = NONE;

void priv_init(void)
{
	for (int i = 0; i < NR_SYS_PROCS; i++) {
		memset(&priv_table[i], 0, sizeof(priv_table[i]));
		priv_table[i].id = i;
		priv_table[i].proc_nr = NO_SLOT;
	}
	for (int n = -NR_TASKS; n < 0; n++) {
		struct priv *pr = &priv_table[n + NR_TASKS];
		pr->proc_nr = n;
		pr->flags = SYS_PROC;
		pr->sig_mgr = pr->bak_sig_mgr = NONE;
		proc_addr(n)->priv = pr;
	}
	user_priv->flags = BILLABLE | PREEMPTIBLE;
	user_priv->trap_mask = TRAP_MASK_USER;
	user_priv->sig_mgr = user_priv->bak_sig_mgr = NONE;
}

/*
 * Allocate a privilege structure: the static id want_id, or the first free
 * dynamic one for PRIV_ID_ANY.  Returns NULL with *err set to -EBUSY (id
 * taken or out of range) or -ENOSPC (no dynamic id left).
 */
struct priv *priv_alloc_id(int want_id, int *err)
{
	if (want_id == PRIV_ID_ANY) {
		for (int i = FIRST_DYN_PRIV_ID; i < NR_SYS_PROCS; i++)
			if (priv_table[i].proc_nr == NO_SLOT)
				return &priv_table[i];
		*err = -ENOSPC;
		return NULL;
	}
	if (want_id < FIRST_BOOT_PRIV_ID || want_id >= NR_SYS_PROCS ||
	    priv_table[want_id].proc_nr != NO_SLOT) {
		*err = -EBUSY;
		return NULL;
	}
	return &priv_table[want_id];
}

void priv_free(struct priv *pr)
{
	if (pr == NULL || pr == user_priv || pr->id < NR_TASKS)
		return;
	for (int i = 0; i < NR_SYS_PROCS; i++)
		priv_unset_sendto(pr, &priv_table[i]);
	int id = pr->id;
	for (struct proc *p = BEG_USER_PROC; p < END_PROC; p++) {
		priv_mask_clear(p->notify_pending, id);
		priv_mask_clear(p->asyn_pending, id);
	}
	memset(pr, 0, sizeof(*pr));
	pr->id = id;
	pr->proc_nr = NO_SLOT;
}

static bool receive_only(const struct priv *pr)
{
	return pr->id < NR_TASKS;
}

void priv_set_sendto(struct priv *from, struct priv *to)
{
	if (from == to)
		return;
	priv_mask_set(from->ipc_to, to->id);
	if (!receive_only(to))
		priv_mask_set(to->ipc_to, from->id);
}

void priv_unset_sendto(struct priv *from, struct priv *to)
{
	priv_mask_clear(from->ipc_to, to->id);
	priv_mask_clear(to->ipc_to, from->id);
}

static void fill_sendto_mask(struct priv *pr, const uint32_t *mask)
{
	for (int i = 0; i < NR_SYS_PROCS; i++) {
		if (priv_mask_test(mask, i))
			priv_set_sendto(pr, &priv_table[i]);
		else
			priv_unset_sendto(pr, &priv_table[i]);
	}
}

/* The defaults of a dynamic system service, before RS narrows them. */
void priv_set_defaults_sys(struct priv *pr)
{
	uint32_t all[PRIV_MASK_WORDS];

	pr->flags = SYS_PROC | PREEMPTIBLE | DYN_PRIV_ID;
	pr->init_flags = 0;
	pr->trap_mask = TRAP_MASK_ALL;
	memset(pr->k_call_mask, 0xff, sizeof(pr->k_call_mask));
	pr->sig_mgr = root_sys_endpoint;
	pr->bak_sig_mgr = NONE;
	pr->nr_irq = pr->nr_io = 0;
	pr->grant_table = 0;
	pr->grant_entries = 0;
	pr->grant_endpoint = NONE;
	pr->asyn_table = 0;
	pr->asyn_size = 0;
	pr->asyn_endpoint = NONE;
	memset(all, 0xff, sizeof(all));
	fill_sendto_mask(pr, all);
}

/* Check a caller-supplied spec; OK or -EINVAL. Changes nothing. */
int priv_check_spec(const struct priv_spec *spec)
{
	if ((spec->trap_mask & ~TRAP_MASK_ALL) != 0)
		return -EINVAL;
	if (spec->nr_irq < 0 || spec->nr_irq > NR_IRQ_PER_PRIV ||
	    spec->nr_io < 0 || spec->nr_io > NR_IO_RANGE)
		return -EINVAL;
	for (int i = 0; i < spec->nr_irq; i++)
		if (spec->irq[i] < 0 || spec->irq[i] >= NR_IRQ_VECTORS)
			return -EINVAL;
	for (int i = 0; i < spec->nr_io; i++)
		if (spec->io[i].base > spec->io[i].limit ||
		    spec->io[i].limit > 0xffff)
			return -EINVAL;
	return OK;
}

/* Overwrite pr from a spec that passed priv_check_spec(); cannot fail. */
void priv_apply_spec(struct priv *pr, const struct priv_spec *spec)
{
	pr->flags = spec->flags | SYS_PROC;
	pr->init_flags = spec->init_flags;
	pr->trap_mask = spec->trap_mask;
	memcpy(pr->k_call_mask, spec->k_call_mask, sizeof(pr->k_call_mask));
	pr->sig_mgr = spec->sig_mgr;
	pr->bak_sig_mgr = spec->bak_sig_mgr;
	pr->nr_irq = spec->nr_irq;
	memcpy(pr->irq, spec->irq, sizeof(pr->irq));
	pr->nr_io = spec->nr_io;
	memcpy(pr->io, spec->io, sizeof(pr->io));
	fill_sendto_mask(pr, spec->ipc_to);
}

/* The user-visible view of pr. */
void priv_fill_spec(const struct priv *pr, struct priv_spec *spec)
{
	memset(spec, 0, sizeof(*spec));
	spec->flags = pr->flags;
	spec->init_flags = pr->init_flags;
	spec->trap_mask = pr->trap_mask;
	spec->id = pr->id;
	spec->sig_mgr = pr->sig_mgr;
	spec->bak_sig_mgr = pr->bak_sig_mgr;
	memcpy(spec->ipc_to, pr->ipc_to, sizeof(spec->ipc_to));
	memcpy(spec->k_call_mask, pr->k_call_mask, sizeof(spec->k_call_mask));
	spec->nr_irq = pr->nr_irq;
	memcpy(spec->irq, pr->irq, sizeof(spec->irq));
	spec->nr_io = pr->nr_io;
	memcpy(spec->io, pr->io, sizeof(spec->io));
}
