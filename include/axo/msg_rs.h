/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The protocol between RS and the services it manages, as SEF speaks it:
 * the init handshake, live-update prepare, forwarded signals and fault
 * injection.  One named payload per message, listed in MSG_RS_MEMBERS
 * for the union in <axo/ipc.h>.
 */
#ifndef AXO_MSG_RS_H
#define AXO_MSG_RS_H

#include <axo/types.h>
#include <axo/msgtype.h>
#include <axo/config.h>

/*
 * Requests to RS (the service command, <axo/rs.h>).  Only root may change
 * services (-EPERM); LOOKUP and STATUS are open to everyone.  The reply's
 * m_type is OK or -E*; UP, DOWN and REFRESH answer when the change is done.
 */
#define RS_UP	      (RS_RQ_BASE + 0x00) /* rs_req.addr: struct rs_start */
#define RS_DOWN	      (RS_RQ_BASE + 0x01) /* rs_req.label */
#define RS_REFRESH    (RS_RQ_BASE + 0x02) /* rs_req.label: stop, start again */
#define RS_RESTART    (RS_RQ_BASE + 0x03) /* rs_req.label: from a script */
#define RS_SHUTDOWN   (RS_RQ_BASE + 0x04) /* restart nothing from now on */
#define RS_UPDATE     (RS_RQ_BASE + 0x05) /* rs_req.addr: struct rs_start */
#define RS_CLONE      (RS_RQ_BASE + 0x06) /* rs_req.label: keep a replica */
#define RS_UNCLONE    (RS_RQ_BASE + 0x07) /* rs_req.label: drop it */
#define RS_EDIT	      (RS_RQ_BASE + 0x08) /* rs_req.addr: struct rs_start */
#define RS_LOOKUP     (RS_RQ_BASE + 0x09) /* rs_req.label -> rs_req.endpoint */
#define RS_FI	      (RS_RQ_BASE + 0x0a) /* rs_req.label, subtype: RS_FI_* */
#define RS_STATUS     (RS_RQ_BASE + 0x0b) /* rs_req.addr, len -> count */
#define RS_SYSCTL     (RS_RQ_BASE + 0x0c) /* rs_req.subtype: RS_SYSCTL_* */
#define RS_NR_CALLS   0x0d
#define RS_INIT	      (RS_RQ_BASE + 0x14) /* RS -> service, and its reply */
#define RS_LU_PREPARE (RS_RQ_BASE + 0x15) /* RS -> service, and its reply */
#define SIGS_SIGNAL_RECEIVED \
	(COMMON_RQ_BASE + 0x00) /* a signal forwarded by RS/PM */
#define COMMON_REQ_FI_CTL (COMMON_RQ_BASE + 0x02) /* fault injection */

/* Init types. */
#define SEF_INIT_FRESH	 0
#define SEF_INIT_LU	 1
#define SEF_INIT_RESTART 2

/* Init flags (debug behaviours first); live-update flags share the word. */
#define SEF_INIT_CRASH		0x0001 /* panic instead of initialising */
#define SEF_INIT_FAIL		0x0002 /* report ENOSYS */
#define SEF_INIT_TIMEOUT	0x0004 /* never answer */
#define SEF_INIT_DEFCB		0x0008 /* use the default callbacks */
#define SEF_INIT_SCRIPT_RESTART 0x0010
#define SEF_INIT_ST		0x0020
#define SEF_LU_SELF		0x0100
#define SEF_LU_NOMMAP		0x4000

/* Flags of an init reply. */
#define SEF_INIT_REPLY_RESET 0x1 /* its restarts give a new endpoint */

/* Live-update prepare states. */
#define SEF_LU_STATE_NULL	   0 /* no update; as a request: cancel */
#define SEF_LU_STATE_WORK_FREE	   1 /* back in the top-level receive */
#define SEF_LU_STATE_REQUEST_FREE  2 /* no request in progress */
#define SEF_LU_STATE_PROTOCOL_FREE 3 /* no multi-message protocol in progress */
#define SEF_LU_STATE_EVAL	   4 /* not supported here */
#define SEF_LU_STATE_UNREACHABLE   5 /* never ready (debug) */
#define SEF_LU_STATE_PREPARE_CRASH 6 /* panic while preparing (debug) */
#define SEF_LU_STATE_CUSTOM_BASE   7 /* first service-specific state */
#define SEF_LU_STATE_IS_STANDARD(s) \
	((s) > SEF_LU_STATE_NULL && (s) < SEF_LU_STATE_CUSTOM_BASE)
#define SEF_LU_STATE_IS_DEBUG(s) \
	((s) == SEF_LU_STATE_UNREACHABLE || (s) == SEF_LU_STATE_PREPARE_CRASH)

/*
 * Fault-injection subtypes (RS_FI's rs_req.subtype, 0 meaning CRASH, and
 * COMMON_REQ_FI_CTL's common_fi.subtype).  SEF takes the fault at the top
 * of the service's receive loop, between two requests (lib/libsys/sef_fi.c).
 */
#define RS_FI_CRASH    1 /* panic: a controlled crash */
#define RS_FI_SEGV     2 /* write to an unmapped address */
#define RS_FI_LOOP     3 /* spin forever: only the heartbeat notices */
#define RS_FI_EXIT     4 /* sys_exit */
#define RS_FI_BADREPLY 5 /* a driver's next reply to a client is garbage */
#define RS_FI_BADREQ   6 /* a client's next request to a driver is garbage */
#define RS_FI_NR       7 /* subtypes are 1 .. RS_FI_NR - 1 */

/*
 * A request to RS.  Addresses are in the caller's memory; RS copies with
 * sys_vircopy and answers -EFAULT for a bad one.  STATUS fills [addr,
 * addr + len) with struct rs_status entries, or only the one named by
 * label if it is not empty; the reply's m_type is the number written.
 */
struct rs_req_msg {
	char label[PROC_NAME_LEN]; /* NUL-terminated service label */
	vir_bytes addr;		   /* UP, UPDATE, EDIT, STATUS */
	uint32_t len;		   /* bytes at addr */
	int32_t subtype;	   /* SYSCTL, FI */
	endpoint_t endpoint;	   /* reply: LOOKUP */
};

/* RS_SYSCTL subtypes. */
#define RS_SYSCTL_SRV_STATUS 1 /* print every instance to the kernel log */
#define RS_SYSCTL_UPD_START  2 /* start the scheduled update batch */
#define RS_SYSCTL_UPD_RUN    3 /* ... and answer when it has ended */
#define RS_SYSCTL_UPD_STOP   4
#define RS_SYSCTL_UPD_STATUS 5

struct rs_init_msg {
	int32_t type;		 /* SEF_INIT_* */
	uint32_t flags;		 /* SEF_INIT_* and SEF_LU_* flags */
	endpoint_t old_endpoint; /* instance to take state from, or NONE */
	int32_t restarts;
	int32_t result;	      /* reply: the init callback's status */
	uint32_t reply_flags; /* reply: SEF_INIT_REPLY_* */
};

struct rs_lu_prepare_msg {
	int32_t state;	/* SEF_LU_STATE_*; NULL cancels */
	uint32_t flags; /* SEF_LU_* */
	int32_t result; /* reply: OK when prepared, or why not */
};

struct sigs_signal_msg {
	int32_t signo;
};

struct common_fi_msg {
	int32_t subtype; /* RS_FI_* */
};

#define MSG_RS_MEMBERS \
	struct rs_req_msg rs_req; \
	struct rs_init_msg rs_init; \
	struct rs_lu_prepare_msg rs_lu_prepare; \
	struct sigs_signal_msg sigs_signal; \
	struct common_fi_msg common_fi;

_Static_assert(sizeof(struct rs_req_msg) <= MSG_PAYLOAD_SIZE, "rs_req");
_Static_assert(sizeof(struct rs_init_msg) <= MSG_PAYLOAD_SIZE, "rs_init");
_Static_assert(sizeof(struct rs_lu_prepare_msg) <= MSG_PAYLOAD_SIZE, "rs_lu");

#endif
