// SPDX-License-Identifier: BSD-2-Clause
/*
 * SEF live update, the service's side.  RS asks the service to reach a
 * prepare state (RS_LU_PREPARE); SEF checks the state is one the service
 * supports and enters it without replying.  Before every later receive it
 * asks whether the state has been reached; once it has (or can never be),
 * it saves state and reports with a sendrec to RS.  The old instance stays
 * blocked there: if the update goes ahead it never returns, if RS aborts
 * it the answer releases it and the service carries on.  A prepare request
 * for the NULL state cancels.
 */
#include "sef_priv.h"

static void set_state(int state, uint32_t flags)
{
	int old = sef_self.lu_state;

	sef_self.lu_state = state;
	sef_self.lu_flags = flags;
	if (old != state)
		sef_cbs.lu_state_changed(old, state);
}

static void reply(int state, int result)
{
	message m = { .m_type = RS_LU_PREPARE };

	m.rs_lu_prepare.state = state;
	m.rs_lu_prepare.result = result;
	ipc_sendrec(sef_self.rs, &m);
}

void sef_lu_request(const message *m)
{
	int state = m->rs_lu_prepare.state;
	uint32_t flags = m->rs_lu_prepare.flags;

	if (state == SEF_LU_STATE_NULL) {
		set_state(SEF_LU_STATE_NULL, 0);
		return;
	}
	if (sef_self.lu_state != SEF_LU_STATE_NULL) {
		reply(state, -EBUSY);
		return;
	}
	if (!SEF_LU_STATE_IS_DEBUG(state) &&
	    !sef_cbs.lu_state_isvalid(state, flags)) {
		/* With the default check the service never said it supports
		 * more than WORK_FREE: "no live update" rather than "bad state". */
		bool custom = sef_cbs.lu_state_isvalid !=
			      sef_cb_lu_state_isvalid_workfree;
		reply(state, custom ? -EINVAL : -ENOSYS);
		return;
	}
	set_state(state, flags);
}

/* Report the outcome of preparing; returns when RS releases us. */
static void lu_ready(int result)
{
	int state = sef_self.lu_state;

	if (result == OK)
		result = sef_cbs.lu_state_save(state, sef_self.lu_flags);
	reply(state, result);
	set_state(SEF_LU_STATE_NULL, 0);
}

void sef_lu_before_receive(void)
{
	int r;

	switch (sef_self.lu_state) {
	case SEF_LU_STATE_WORK_FREE:
		r = OK;
		break;
	case SEF_LU_STATE_UNREACHABLE:
		r = sef_cb_lu_prepare_never_ready(sef_self.lu_state);
		break;
	case SEF_LU_STATE_PREPARE_CRASH:
		r = sef_cb_lu_prepare_crash(sef_self.lu_state);
		break;
	default:
		r = sef_cbs.lu_prepare(sef_self.lu_state);
		break;
	}
	if (r != -ENOTREADY)
		lu_ready(r);
}

int sef_cb_lu_prepare_never_ready(int state)
{
	(void)state;
	return -ENOTREADY;
}

int sef_cb_lu_prepare_always_ready(int state)
{
	(void)state;
	return OK;
}

/* Debug state 6.  We are between two requests, so our state is sound. */
int sef_cb_lu_prepare_crash(int state)
{
	sef_self.controlled_crash = true;
	panic("sef: crash while preparing state %d", state);
}

/*
 * A new instance that copied its predecessor's memory also copied the
 * predecessor's "preparing" state: it is not preparing anything.
 */
void sef_lu_forget(void)
{
	sef_self.lu_state = SEF_LU_STATE_NULL;
	sef_self.lu_flags = 0;
}

/* The default: only "back in the top-level receive". */
bool sef_cb_lu_state_isvalid_workfree(int state, uint32_t flags)
{
	(void)flags;
	return state == SEF_LU_STATE_WORK_FREE;
}

bool sef_cb_lu_state_isvalid_standard(int state, uint32_t flags)
{
	(void)flags;
	return SEF_LU_STATE_IS_STANDARD(state) && state != SEF_LU_STATE_EVAL;
}

void sef_cb_lu_state_changed_null(int old_state, int state)
{
	(void)old_state;
	(void)state;
}

int sef_cb_lu_state_save_null(int state, uint32_t flags)
{
	(void)state;
	(void)flags;
	return OK;
}
