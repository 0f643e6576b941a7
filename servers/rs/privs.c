// SPDX-License-Identifier: BSD-2-Clause
/*
 * The privileges of a service started with `service up`, from its
 * struct rs_start (that is, from /etc/system.conf): kernel calls, IRQ
 * lines, port ranges, and the processes it may exchange IPC with.  The
 * ipc list names running services by label; ALL means every privilege
 * id, ALL_SYS every one but the users', USER the users', SYSTEM the
 * kernel (its calls need no IPC right).  The kernel makes IPC rights
 * symmetric, so naming a peer also lets the peer reach the new service.
 */
#include "rs.h"

/* The calls every service makes through libsys. */
static const int basic_calls[] = { SYS_GETINFO,	   SYS_SYSCTL,
				   SYS_SETGRANT,   SYS_SAFECOPYFROM,
				   SYS_SAFECOPYTO, SYS_TIMES,
				   SYS_SETALARM,   SYS_STATECTL };

static void allow_id(struct priv_spec *spec, int id)
{
	if (id >= 0 && id < NR_SYS_PROCS)
		priv_mask_set(spec->ipc_to, id);
}

/* Allow IPC with the service labelled name; -ESRCH if none runs. */
static int allow_label(struct priv_spec *spec, const char *name)
{
	struct rproc *rp = rproc_by_label(name);
	struct priv_spec peer;

	if (rp == NULL)
		return -ESRCH;
	int r = sys_getinfo(GET_PRIV, &peer, sizeof(peer), rp->endpoint);
	if (r == OK)
		allow_id(spec, peer.id);
	return r;
}

/* Apply one word of the ipc list. */
static int allow_word(struct priv_spec *spec, const char *w)
{
	if (strcmp(w, "ALL") == 0 || strcmp(w, "ALL_SYS") == 0) {
		for (int id = 0; id < NR_SYS_PROCS; id++)
			if (w[3] == '\0' || id != USER_PRIV_ID)
				allow_id(spec, id);
		return OK;
	}
	if (strcmp(w, "USER") == 0) {
		allow_id(spec, USER_PRIV_ID);
		return OK;
	}
	if (strcmp(w, "SYSTEM") == 0)
		return OK;
	int r = allow_label(spec, w);
	if (r != OK)
		printf("rs: ipc peer '%s' is not running; ignored\n", w);
	return OK;
}

static int ipc_from_list(struct priv_spec *spec, const char *list)
{
	char word[PROC_NAME_LEN];
	size_t n = 0;

	for (const char *p = list;; p++) {
		if (*p != ' ' && *p != '\0') {
			if (n + 1 >= sizeof(word))
				return -EINVAL;
			word[n++] = *p;
			continue;
		}
		if (n > 0) {
			word[n] = '\0';
			int r = allow_word(spec, word);
			if (r != OK)
				return r;
			n = 0;
		}
		if (*p == '\0')
			return OK;
	}
}

static int hardware(const struct rs_start *rs, struct priv_spec *spec)
{
	if (rs->nr_irq < 0 || rs->nr_irq > NR_IRQ_PER_PRIV || rs->nr_io < 0 ||
	    rs->nr_io > NR_IO_RANGE)
		return -EINVAL;
	for (int i = 0; i < rs->nr_irq; i++)
		if (rs->irq[i] < 0 || rs->irq[i] >= NR_IRQ_VECTORS)
			return -EINVAL;
	for (int i = 0; i < rs->nr_io; i++)
		if (rs->io[i].limit < rs->io[i].base ||
		    rs->io[i].limit > 0xffff)
			return -EINVAL;
	spec->nr_irq = rs->nr_irq;
	memcpy(spec->irq, rs->irq, sizeof(spec->irq));
	spec->nr_io = rs->nr_io;
	memcpy(spec->io, rs->io, sizeof(spec->io));
	if (!(rs->flags & RSS_IRQ_ALL))
		spec->flags |= CHECK_IRQ;
	if (!(rs->flags & RSS_IO_ALL))
		spec->flags |= CHECK_IO_PORT;
	return OK;
}

int rs_priv_from_start(const struct rs_start *rs, struct priv_spec *spec)
{
	memset(spec, 0, sizeof(*spec));
	spec->flags = SYS_PROC | PREEMPTIBLE;
	spec->trap_mask = TRAP_MASK_ALL;
	spec->id = PRIV_ID_ANY;
	spec->sig_mgr = RS_PROC_NR;
	spec->bak_sig_mgr = NONE;
	memcpy(spec->k_call_mask, rs->k_calls, sizeof(spec->k_call_mask));
	if (rs->flags & RSS_SYS_BASIC_CALLS)
		for (size_t i = 0; i < sizeof(basic_calls) / sizeof(int); i++)
			priv_mask_set(spec->k_call_mask,
				      basic_calls[i] - KERNEL_CALL);
	int r = hardware(rs, spec);
	if (r != OK)
		return r;
	allow_id(spec, FIRST_BOOT_PRIV_ID + RS_PROC_NR); /* RS itself */
	return ipc_from_list(spec, rs->ipc);
}
