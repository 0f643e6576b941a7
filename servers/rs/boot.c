// SPDX-License-Identifier: BSD-2-Clause
/*
 * RS's boot protocol.  The kernel starts only RS; every other boot
 * process waits (RTS_NO_PRIV).  In boot-list order RS gives each system
 * service the privileges of its boot table, allows it to run, sends it
 * RS_INIT (fresh) and waits for its init reply, which it acknowledges so
 * that the service goes on.  A service that crashes or does not answer
 * within RS_INIT_TICKS is reported and left frozen.  When every service
 * has answered, RS gives the user processes of the image (init) user
 * privileges and lets them run.
 */
#include "rs.h"

struct rproc rproc[NR_RPROCS];

static struct boot_image_entry image[BOOT_IMAGE_MAX];
static int nr_image;

struct rproc *rproc_by_endpoint(endpoint_t e)
{
	for (int i = 0; i < NR_RPROCS; i++)
		if (rproc[i].pub.in_use && rproc[i].pub.endpoint == e)
			return &rproc[i];
	return NULL;
}

static struct rproc *rproc_add(const struct boot_image_entry *b)
{
	for (int i = 0; i < NR_RPROCS; i++) {
		struct rproc *rp = &rproc[i];
		if (rp->pub.in_use)
			continue;
		memset(rp, 0, sizeof(*rp));
		strlcpy(rp->pub.label, b->name, sizeof(rp->pub.label));
		rp->pub.endpoint = b->endpoint;
		rp->pub.in_use = true;
		rp->pub.sys_proc = !(b->flags & BOOT_USER);
		rp->state = RP_INITIALIZING;
		return rp;
	}
	panic("rs: more boot processes than rproc entries (%d)", NR_RPROCS);
}

/*
 * Wait for rp's init reply, handling signals (its crash) meanwhile.
 * Returns its init result, or why there is none.
 */
static int await_init_reply(struct rproc *rp)
{
	message m;
	uint32_t status;

	sys_setalarm(RS_INIT_TICKS, NULL);
	while (rp->state == RP_INITIALIZING) {
		int r = ipc_receive(ANY, &m, &status);
		if (r != OK)
			panic("rs: receive failed during boot: %d", r);
		if (is_ipc_notify(status) && m.m_source == SYSTEM) {
			if (ksig_ismember(m.notify.sigs, SIGKSIG))
				sef_collect_managed_signals();
		} else if (is_ipc_notify(status) && m.m_source == CLOCK) {
			rp->state = RP_INIT_FAILED;
			rp->init_result = -ETIMEDOUT;
		} else if (m.m_source == rp->pub.endpoint &&
			   m.m_type == RS_INIT) {
			rp->init_result = m.rs_init.result;
			rp->state = rp->init_result == OK ? RP_RUNNING :
							    RP_INIT_FAILED;
			m.m_type = OK;
			ipc_send(rp->pub.endpoint, &m);
		} else if (!is_ipc_notify(status)) {
			m.m_type = -EAGAIN; /* not yet: RS is booting */
			ipc_sendnb(m.m_source, &m);
		}
	}
	sys_setalarm(0, NULL);
	return rp->state == RP_DEAD ? -EDEADEPT : rp->init_result;
}

static int start_service(const struct boot_image_entry *b)
{
	const struct boot_priv *bp = boot_priv_find(b->name);
	struct priv_spec spec;
	int r;

	if (bp == NULL)
		panic("rs: boot module '%s' is not in RS's boot table "
		      "(servers/rs/table.c)",
		      b->name);
	struct rproc *rp = rproc_add(b);
	if ((r = boot_priv_spec(bp, image, nr_image, &spec)) != OK ||
	    (r = sys_privctl(b->endpoint, SYS_PRIV_SET_SYS,
			     (vir_bytes)&spec)) != OK ||
	    (r = sys_privctl(b->endpoint, SYS_PRIV_ALLOW, 0)) != OK) {
		rp->state = RP_INIT_FAILED;
		return rp->init_result = r;
	}
	message m = { .m_type = RS_INIT };
	m.rs_init.type = SEF_INIT_FRESH;
	m.rs_init.old_endpoint = NONE;
	if ((r = ipc_send(b->endpoint, &m)) != OK) {
		rp->state = RP_INIT_FAILED;
		return rp->init_result = r;
	}
	return await_init_reply(rp);
}

static void start_user_process(const struct boot_image_entry *b)
{
	struct rproc *rp = rproc_add(b);
	int r = sys_privctl(b->endpoint, SYS_PRIV_SET_USER, 0);

	if (r == OK)
		r = sys_privctl(b->endpoint, SYS_PRIV_ALLOW, 0);
	rp->state = r == OK ? RP_RUNNING : RP_INIT_FAILED;
	rp->init_result = r;
	printf("rs: starting %s (endpoint %d): %d\n", b->name, b->endpoint, r);
}

/* SEF's init callback of the root process: bring the system up. */
int rs_boot(int type, const struct sef_init_info *info)
{
	(void)type;
	(void)info;
	nr_image = sys_boot_image(image);
	if (nr_image < 0)
		panic("rs: no boot image table: %d", nr_image);
	for (int i = 0; i < nr_image; i++) {
		const struct boot_image_entry *b = &image[i];
		if (b->flags & BOOT_ROOT) {
			rproc_add(b)->state = RP_RUNNING;
			continue;
		}
		if (b->flags & (BOOT_FILE | BOOT_USER))
			continue;
		int r = start_service(b);
		printf("rs: init of %s (endpoint %d): %d%s%s\n", b->name,
		       b->endpoint, r, r == OK ? "" : " ",
		       r == OK ? "" : sys_strerror(r));
	}
	for (int i = 0; i < nr_image; i++)
		if (image[i].flags & BOOT_USER)
			start_user_process(&image[i]);
	return OK;
}
