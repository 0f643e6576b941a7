/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The IPC interface.  A message is 64 bytes: source, type and a 56-byte
 * payload that is a union of one named struct per call (see msg_*.h).
 *
 * Trap convention (int IPC_VECTOR): eax = trap number, ebx = endpoint (for
 * SENDA: entry count), ecx = message (SENDA: table) address.  On return eax
 * holds OK or -E*, and ebx the IPC status word of a completed receive.
 */
#ifndef AXO_IPC_H
#define AXO_IPC_H

#include <axo/types.h>
#include <axo/endpoint.h>
#include <axo/kcall.h>
#include <axo/msgtype.h>
#include <axo/msg_sys.h>
#include <axo/msg_rs.h>
#include <axo/msg_ds.h>
#include <axo/msg_vm.h>
#include <axo/msg_pm.h>
#include <axo/msg_vfs.h>
#include <axo/msg_dev.h>
#include <axo/msg_fs.h>

#define IPC_VECTOR	   0x21
#define KERNEL_CALL_VECTOR 0x20

/* IPC traps; bit n of a trap mask allows trap n. */
#define SEND	     1
#define RECEIVE	     2
#define SENDREC	     3
#define NOTIFY	     4
#define SENDNB	     5
#define SENDRECNB    6 /* sendrec, only if dst receives now (ENOTREADY) */
#define SENDA	     16
#define NR_IPC_TRAPS 17

#define TRAP_BIT(t) (1u << (t))
#define TRAP_MASK_ALL \
	(TRAP_BIT(SEND) | TRAP_BIT(RECEIVE) | TRAP_BIT(SENDREC) | \
	 TRAP_BIT(NOTIFY) | TRAP_BIT(SENDNB) | TRAP_BIT(SENDRECNB) | \
	 TRAP_BIT(SENDA))
#define TRAP_MASK_USER TRAP_BIT(SENDREC)

/*
 * IPC status of a receive: the trap the sender used in the low 6 bits,
 * flags above.  A notification has call NOTIFY.
 */
#define IPC_STATUS_CALL(s)	((s)&0x3f)
#define IPC_FLG_MSG_FROM_KERNEL (1u << 16)
#define is_ipc_notify(s)	(IPC_STATUS_CALL(s) == NOTIFY)

/* Notification payload: delivered with its source and a timestamp. */
struct msg_notify {
	clock_t64 timestamp; /* ticks at delivery */
	uint32_t interrupts; /* from HARDWARE: pending IRQ hook bits */
	uint32_t pad;
	ksigset_t sigs; /* from SYSTEM: pending kernel signals */
};

typedef struct {
	endpoint_t m_source; /* set by the kernel, never trusted from user */
	int32_t m_type;
	union {
		uint8_t raw[MSG_PAYLOAD_SIZE];
		uint32_t word[MSG_PAYLOAD_SIZE / 4];
		struct msg_notify notify;
		MSG_SYS_MEMBERS
		MSG_RS_MEMBERS
		MSG_DS_MEMBERS
		MSG_VM_MEMBERS
		MSG_PM_MEMBERS
		MSG_VFS_MEMBERS
		MSG_DEV_MEMBERS
		MSG_FS_MEMBERS
	};
} message;

_Static_assert(sizeof(message) == 64, "message must be 64 bytes");
_Static_assert(sizeof(struct msg_notify) <= MSG_PAYLOAD_SIZE, "notify payload");

/* An entry of a SENDA table, in the sender's memory. */
typedef struct {
	uint32_t flags; /* AMF_* */
	endpoint_t dst;
	int32_t result; /* written by the kernel */
	uint32_t pad;
	message msg;
} asynmsg_t;

#define AMF_EMPTY	 0x00
#define AMF_VALID	 0x01 /* entry holds a message to send */
#define AMF_DONE	 0x02 /* kernel finished with it; result is valid */
#define AMF_NOTIFY	 0x04 /* notify the sender (from ASYNCM) when done */
#define AMF_NOREPLY	 0x08 /* must not satisfy the reply half of a sendrec */
#define AMF_NOTIFY_ERR	 0x10 /* notify only on failure */
#define ASYN_MAX_ENTRIES 1024

#endif
