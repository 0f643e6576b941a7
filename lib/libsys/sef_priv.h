/* SPDX-License-Identifier: BSD-2-Clause */
/* SEF's state and callbacks, shared by the sef_*.c files of libsys only. */
#ifndef LIBSYS_SEF_PRIV_H
#define LIBSYS_SEF_PRIV_H

#include "syslib.h"
#include "sef.h"

struct sef_callbacks {
	sef_cb_init_t init_fresh, init_restart, init_lu;
	sef_cb_ping_reply_t ping_reply;
	sef_cb_signal_handler_t signal_handler;
	sef_cb_signal_manager_t signal_manager;
	sef_cb_lu_prepare_t lu_prepare;
	sef_cb_lu_state_isvalid_t lu_state_isvalid;
	sef_cb_lu_state_changed_t lu_state_changed;
	sef_cb_lu_state_save_t lu_state_save;
};

struct sef_self {
	endpoint_t endpoint;
	endpoint_t rs;
	uint32_t priv_flags;
	int lu_state; /* SEF_LU_STATE_NULL unless preparing */
	uint32_t lu_flags;
	bool cancel;
	bool controlled_crash; /* crashing on RS's request (`service fi`) */
};

extern struct sef_callbacks sef_cbs;
extern struct sef_self sef_self;

int sef_init_request(message *m);
int sef_init_root(void);
void sef_lu_request(const message *m);
void sef_lu_before_receive(void);
void sef_lu_forget(void);
void sef_signal_notify(const message *m);

#endif
