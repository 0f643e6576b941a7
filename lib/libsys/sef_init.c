// SPDX-License-Identifier: BSD-2-Clause
/*
 * SEF init: run the init callback that matches RS's request and report
 * the result with a sendrec, so the service stays blocked until RS has
 * taken note (the synchronous init handshake).  Before the callback runs,
 * grant 0 is made: a read grant of all our memory to our own endpoint,
 * which after a live update only the successor holds.  Debug flags in the
 * request replace the callback: crash, fail (ENOSYS), never answer.
 */
#include "sef_priv.h"

static int run_callback(const struct sef_init_info *info)
{
	/* Grant 0: our memory, for the successor that will hold our endpoint. */
	if (cpf_grant_state_transfer(sef_self.endpoint) == GRANT_INVALID)
		panic("sef: cannot create the state-transfer grant");
	if (info->flags & SEF_INIT_CRASH)
		panic("sef: init crash requested");
	if (info->flags & SEF_INIT_FAIL)
		return -ENOSYS;
	if (info->flags & SEF_INIT_TIMEOUT) {
		message m;
		for (;;)
			ipc_receive(IDLE, &m, NULL); /* IDLE never sends */
	}
	bool defaults = (info->flags & SEF_INIT_DEFCB) != 0;
	switch (info->type) {
	case SEF_INIT_FRESH:
		return (defaults ? sef_cb_init_null :
				   sef_cbs.init_fresh)(info->type, info);
	case SEF_INIT_RESTART:
		return (defaults ? sef_cb_init_reset :
				   sef_cbs.init_restart)(info->type, info);
	case SEF_INIT_LU:
		return (defaults ? sef_cb_init_lu_identity :
				   sef_cbs.init_lu)(info->type, info);
	default:
		return -EINVAL;
	}
}

int sef_init_request(message *m)
{
	struct sef_init_info info = {
		.type = m->rs_init.type,
		.flags = m->rs_init.flags,
		.old_endpoint = m->rs_init.old_endpoint,
		.restarts = m->rs_init.restarts,
	};
	int r = run_callback(&info);

	memset(m, 0, sizeof(*m));
	m->m_type = RS_INIT;
	m->rs_init.result = r;
	if (sef_cbs.init_restart == sef_cb_init_reset)
		m->rs_init.reply_flags |= SEF_INIT_REPLY_RESET;
	ipc_sendrec(sef_self.rs, m);
	return r;
}

/*
 * The root process (RS) gets no request: its flags say what it is.  Its
 * init cannot fail quietly: nobody would notice.  A new RS that panics
 * here is replaced by its backup signal manager (its predecessor or its
 * replica), which carries on.
 */
int sef_init_root(void)
{
	struct sef_init_info info = { .type = SEF_INIT_FRESH,
				      .old_endpoint = NONE };

	if (sef_self.priv_flags & LU_SYS_PROC)
		info.type = SEF_INIT_LU;
	else if (sef_self.priv_flags & RST_SYS_PROC)
		info.type = SEF_INIT_RESTART;
	int r = run_callback(&info);
	if (r != OK)
		panic("sef: init of the root process failed: %d", r);
	return r;
}

int sef_cb_init_null(int type, const struct sef_init_info *info)
{
	(void)type;
	(void)info;
	return OK;
}

int sef_cb_init_fail(int type, const struct sef_init_info *info)
{
	(void)type;
	(void)info;
	return -ENOSYS;
}

/* "Start me afresh with a new endpoint": the default after a crash. */
int sef_cb_init_reset(int type, const struct sef_init_info *info)
{
	(void)type;
	(void)info;
	return -ERESTART;
}

int sef_cb_init_crash(int type, const struct sef_init_info *info)
{
	(void)type;
	(void)info;
	panic("sef: init callback crashes on purpose");
}
