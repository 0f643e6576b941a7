/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * SEF, the System Event Framework: how a system service starts, stays
 * alive and is updated.  A service registers callbacks, calls
 * sef_startup() (the synchronous init handshake with RS), and then loops
 * on sef_receive().  SEF intercepts every system event before the loop
 * sees it: RS's pings, live-update prepare requests, signals, fault
 * injection and stale init requests.  The loop only sees its own requests.
 *
 * Every callback has a default; predefined alternatives are declared
 * below for services and for tests.
 */
#ifndef LIBSYS_SEF_H
#define LIBSYS_SEF_H

#include <axo/ipc.h>

struct sef_init_info {
	int type;		 /* SEF_INIT_FRESH, _LU or _RESTART */
	uint32_t flags;		 /* SEF_INIT_* and SEF_LU_* */
	endpoint_t old_endpoint; /* previous instance, or NONE */
	int restarts;
};

typedef int (*sef_cb_init_t)(int type, const struct sef_init_info *info);
typedef void (*sef_cb_ping_reply_t)(endpoint_t rs);
typedef void (*sef_cb_signal_handler_t)(int signo);
typedef int (*sef_cb_signal_manager_t)(endpoint_t target, int signo);
typedef int (*sef_cb_lu_prepare_t)(int state);
typedef bool (*sef_cb_lu_state_isvalid_t)(int state, uint32_t flags);
typedef void (*sef_cb_lu_state_changed_t)(int old_state, int state);
typedef int (*sef_cb_lu_state_save_t)(int state, uint32_t flags);

void sef_setcb_init_fresh(sef_cb_init_t cb);
void sef_setcb_init_restart(sef_cb_init_t cb);
void sef_setcb_init_lu(sef_cb_init_t cb);
void sef_setcb_ping_reply(sef_cb_ping_reply_t cb);
void sef_setcb_signal_handler(sef_cb_signal_handler_t cb);
void sef_setcb_signal_manager(sef_cb_signal_manager_t cb);
void sef_setcb_lu_prepare(sef_cb_lu_prepare_t cb);
void sef_setcb_lu_state_isvalid(sef_cb_lu_state_isvalid_t cb);
void sef_setcb_lu_state_changed(sef_cb_lu_state_changed_t cb);
void sef_setcb_lu_state_save(sef_cb_lu_state_save_t cb);

/*
 * Start the service: learn who we are, wait for RS's init request, run
 * the init callback and report its result to RS, blocking until RS
 * answers.  Returns the init result.  The root process (RS) does not wait.
 */
int sef_startup(void);

/* Receive the next message for the service itself (see above). */
int sef_receive_status(endpoint_t src, message *m, uint32_t *status);
int sef_receive(endpoint_t src, message *m);

/* Make the pending or next sef_receive() return -EINTR once. */
void sef_cancel(void);

/*
 * For a signal manager that receives on its own (RS while it boots the
 * system): collect every pending signal of the processes it manages with
 * getksig, hand each to the signal-manager callback and release the
 * process with endksig unless the callback returned -EDEADEPT.  SEF does
 * this itself for a SIGKSIG notification that sef_receive() intercepts.
 */
void sef_collect_managed_signals(void);

/* The endpoint of RS, as sef_startup() found it. */
endpoint_t sef_rs_endpoint(void);

/*
 * Identity state transfer (sef_st.c): copy the data, bss and heap of old,
 * a frozen instance of the same program, over our own, through the grant
 * every instance makes at init (id SEF_STATE_TRANSFER_GID).
 */
#define SEF_STATE_TRANSFER_GID 0
int sef_identity_transfer(endpoint_t old);

/*
 * Fault injection (sef_fi.c).  sef_fi_inject() takes fault subtype
 * (RS_FI_*, <axo/msg_rs.h>) now, between two requests: the ending faults
 * mark the crash controlled, so that the successor may trust the state it
 * copies from us; BADREPLY and BADREQ only arm sef_fi_corrupt().  An
 * unknown subtype is reported and ignored.  sef_fi_crash() is CRASH.
 */
void sef_fi_inject(int subtype);
_Noreturn void sef_fi_crash(void);

/*
 * The hook of a reply path (subtype RS_FI_BADREPLY) or of a request path
 * to a driver (RS_FI_BADREQ): if that fault is armed, disarm it, put
 * garbage in *field and return true; otherwise change nothing.
 */
bool sef_fi_corrupt(int subtype, int32_t *field);

/* End the service: its signal manager sees SIGABRT. */
_Noreturn void sef_exit(void);

/* Predefined callbacks. */
int sef_cb_init_null(int type, const struct sef_init_info *info);
int sef_cb_init_fail(int type, const struct sef_init_info *info);
int sef_cb_init_reset(int type, const struct sef_init_info *info);
int sef_cb_init_crash(int type, const struct sef_init_info *info);
int sef_cb_init_lu_identity(int type, const struct sef_init_info *info);
int sef_cb_init_restart_stateful(int type, const struct sef_init_info *info);
void sef_cb_ping_reply_pong(endpoint_t rs);
void sef_cb_signal_handler_null(int signo);
void sef_cb_signal_handler_term(int signo);
int sef_cb_signal_manager_null(endpoint_t target, int signo);
int sef_cb_lu_prepare_never_ready(int state);
int sef_cb_lu_prepare_always_ready(int state);
int sef_cb_lu_prepare_crash(int state);
bool sef_cb_lu_state_isvalid_workfree(int state, uint32_t flags);
bool sef_cb_lu_state_isvalid_standard(int state, uint32_t flags);
void sef_cb_lu_state_changed_null(int old_state, int state);
int sef_cb_lu_state_save_null(int state, uint32_t flags);

#endif
