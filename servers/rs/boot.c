// SPDX-License-Identifier: BSD-2-Clause
/*
 * RS's boot protocol.  The kernel starts only RS; every other boot
 * process waits (RTS_NO_PRIV).  In boot-list order RS gives each system
 * service the privileges of its boot table, allows it to run, sends it
 * RS_INIT (fresh) and waits for its init reply, which it acknowledges so
 * that the service goes on.  A service that crashes or does not answer
 * within RS_INIT_TICKS is reported and left frozen: nothing can be
 * recovered before the system is up.  When every service has answered,
 * RS gives the user processes of the image (init) user privileges and
 * lets them run.
 */
#include "rs.h"

static struct boot_image_entry image[BOOT_IMAGE_MAX];
static int nr_image;
static struct rproc *booting; /* the service whose init RS waits for */

/* During boot, a crash only ends the wait for the crashed service. */
bool rs_boot_crash(struct rproc *rp)
{
	if (booting == NULL)
		return false;
	if (rp == booting)
		booting = NULL;
	return true;
}

static struct rproc *add_service(const struct boot_image_entry *b,
				 const struct boot_priv *bp)
{
	struct rproc *rp = rproc_alloc();

	if (rp == NULL)
		panic("rs: more boot services than rproc entries (%d)",
		      NR_RPROCS);
	strlcpy(rp->label, b->name, sizeof(rp->label));
	strlcpy(rp->progname, b->name, sizeof(rp->progname));
	rp->endpoint = b->endpoint;
	rp->flags = RS_IN_USE | RS_ACTIVE;
	if (bp != NULL) {
		rp->sys_flags = bp->sys_flags;
		rp->period = bp->period;
		rp->major = bp->major;
	}
	return rp;
}

/*
 * Wait for rp's init reply, handling signals (its crash) meanwhile.
 * Returns its init result, or why there is none.
 */
static int await_init_reply(struct rproc *rp)
{
	message m;
	uint32_t status;
	int result = -ETIMEDOUT;

	booting = rp;
	sys_setalarm(RS_INIT_TICKS, NULL);
	while (booting == rp) {
		int r = ipc_receive(ANY, &m, &status);
		if (r != OK)
			panic("rs: receive failed during boot: %d", r);
		if (is_ipc_notify(status) && m.m_source == SYSTEM) {
			if (ksig_ismember(m.notify.sigs, SIGKSIG))
				sef_collect_managed_signals();
		} else if (is_ipc_notify(status) && m.m_source == CLOCK) {
			booting = NULL;
		} else if (m.m_source == rp->endpoint && m.m_type == RS_INIT) {
			result = m.rs_init.result;
			if (m.rs_init.reply_flags & SEF_INIT_REPLY_RESET)
				rp->policy = RS_POLICY_RESET;
			booting = NULL;
			m.m_type = OK;
			ipc_send(rp->endpoint, &m);
		} else if (!is_ipc_notify(status)) {
			m.m_type = -EAGAIN; /* not yet: RS is booting */
			ipc_sendnb(m.m_source, &m);
		}
	}
	sys_setalarm(0, NULL);
	if (rp->flags & RS_TERMINATED)
		return -EDEADEPT;
	rp->flags &= ~RS_INITIALIZING;
	rp->alive_tm = rs_now();
	return result;
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
	struct rproc *rp = add_service(b, bp);
	if ((r = boot_priv_spec(bp, image, nr_image, &spec)) != OK ||
	    (r = sys_privctl(b->endpoint, SYS_PRIV_SET_SYS,
			     (vir_bytes)&spec)) != OK ||
	    (r = sys_privctl(b->endpoint, SYS_PRIV_ALLOW, 0)) != OK)
		return r;
	message m = { .m_type = RS_INIT };
	m.rs_init.type = SEF_INIT_FRESH;
	m.rs_init.old_endpoint = NONE;
	rp->flags |= RS_INITIALIZING;
	if ((r = ipc_send(b->endpoint, &m)) != OK)
		return r;
	return await_init_reply(rp);
}

static void start_user_process(const struct boot_image_entry *b)
{
	int r = sys_privctl(b->endpoint, SYS_PRIV_SET_USER, 0);

	if (r == OK)
		r = sys_privctl(b->endpoint, SYS_PRIV_ALLOW, 0);
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
			struct rproc *rp = add_service(b, NULL);
			rp->sys_flags = SF_CORE_SRV | SF_NEED_REPL |
					SF_USE_REPL;
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
	sys_setalarm(RS_DELTA_T, NULL);
	return OK;
}
