// SPDX-License-Identifier: BSD-2-Clause
/*
 * SEF core: startup, the one receive loop that intercepts system events,
 * callback registration and pings.  Init, live update, signals and fault
 * injection have their own files (sef_init.c, sef_lu.c, sef_signal.c,
 * sef_fi.c).
 */
#include "sef_priv.h"

struct sef_callbacks sef_cbs = {
	.init_fresh = sef_cb_init_null,
	.init_restart = sef_cb_init_reset,
	.init_lu = sef_cb_init_lu_identity,
	.ping_reply = sef_cb_ping_reply_pong,
	.signal_handler = sef_cb_signal_handler_null,
	.signal_manager = sef_cb_signal_manager_null,
	.lu_prepare = sef_cb_lu_prepare_never_ready,
	.lu_state_isvalid = sef_cb_lu_state_isvalid_workfree,
	.lu_state_changed = sef_cb_lu_state_changed_null,
	.lu_state_save = sef_cb_lu_state_save_null,
};

struct sef_self sef_self = { .endpoint = NONE, .rs = NONE };

void sef_setcb_init_fresh(sef_cb_init_t cb)
{
	sef_cbs.init_fresh = cb;
}
void sef_setcb_init_restart(sef_cb_init_t cb)
{
	sef_cbs.init_restart = cb;
}
void sef_setcb_init_lu(sef_cb_init_t cb)
{
	sef_cbs.init_lu = cb;
}
void sef_setcb_ping_reply(sef_cb_ping_reply_t cb)
{
	sef_cbs.ping_reply = cb;
}
void sef_setcb_signal_handler(sef_cb_signal_handler_t cb)
{
	sef_cbs.signal_handler = cb;
}
void sef_setcb_signal_manager(sef_cb_signal_manager_t cb)
{
	sef_cbs.signal_manager = cb;
}
void sef_setcb_lu_prepare(sef_cb_lu_prepare_t cb)
{
	sef_cbs.lu_prepare = cb;
}
void sef_setcb_lu_state_isvalid(sef_cb_lu_state_isvalid_t cb)
{
	sef_cbs.lu_state_isvalid = cb;
}
void sef_setcb_lu_state_changed(sef_cb_lu_state_changed_t cb)
{
	sef_cbs.lu_state_changed = cb;
}
void sef_setcb_lu_state_save(sef_cb_lu_state_save_t cb)
{
	sef_cbs.lu_state_save = cb;
}

/* RS is the root system process of the boot image. */
static endpoint_t find_rs(void)
{
	struct boot_image_entry image[BOOT_IMAGE_MAX];
	int n = sys_boot_image(image);

	for (int i = 0; i < n; i++)
		if (image[i].flags & BOOT_ROOT)
			return image[i].endpoint;
	return NONE;
}

int sef_startup(void)
{
	struct whoami w;
	message m;

	if (sys_getinfo(GET_WHOAMI, &w, sizeof(w), SELF) != OK)
		panic("sef_startup: who am I?");
	sef_self = (struct sef_self){ .endpoint = w.endpoint,
				      .rs = find_rs(),
				      .priv_flags = w.priv_flags };
	if (sef_self.rs == NONE)
		panic("sef_startup: no root system process in the boot image");
	if (w.priv_flags & ROOT_SYS_PROC)
		return sef_init_root();
	for (;;) {
		if (ipc_receive(sef_self.rs, &m, NULL) == OK &&
		    m.m_type == RS_INIT)
			return sef_init_request(&m);
	}
}

endpoint_t sef_rs_endpoint(void)
{
	return sef_self.rs;
}

/* Handle m if it is a system event; true if the service must not see it. */
static bool intercept(const message *m, uint32_t status)
{
	endpoint_t src = m->m_source;

	if (is_ipc_notify(status)) {
		if (src == SYSTEM)
			sef_signal_notify(m);
		else if (src == sef_self.rs)
			sef_cbs.ping_reply(src);
		else
			return false;
		return true;
	}
	if (src != sef_self.rs) /* every system request comes from RS */
		return false;
	switch (m->m_type) {
	case RS_INIT:
		return true; /* stale: meant for a predecessor */
	case RS_LU_PREPARE:
		sef_lu_request(m);
		return true;
	case SIGS_SIGNAL_RECEIVED:
		sef_cbs.signal_handler(m->sigs_signal.signo);
		return true;
	case COMMON_REQ_FI_CTL:
		sef_fi_inject(m->common_fi.subtype);
		return true;
	default:
		return false;
	}
}

int sef_receive_status(endpoint_t src, message *m, uint32_t *status)
{
	uint32_t st;

	for (;;) {
		if (sef_self.lu_state != SEF_LU_STATE_NULL)
			sef_lu_before_receive();
		if (sef_self.cancel) {
			sef_self.cancel = false;
			return -EINTR;
		}
		int r = ipc_receive(src, m, &st);
		if (r != OK)
			return r;
		if (!intercept(m, st)) {
			if (status != NULL)
				*status = st;
			return OK;
		}
	}
}

int sef_receive(endpoint_t src, message *m)
{
	return sef_receive_status(src, m, NULL);
}

void sef_cancel(void)
{
	sef_self.cancel = true;
}

_Noreturn void sef_exit(void)
{
	for (;;)
		sys_exit();
}

void sef_cb_ping_reply_pong(endpoint_t rs)
{
	ipc_notify(rs);
}
