/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The Data Store protocol.  Keys (and string and memory values) travel
 * through grants made by the caller; numbers and endpoints travel in the
 * message.  Callers are known to DS by their label, so data survives a
 * restart that keeps the label.
 */
#ifndef AXO_MSG_DS_H
#define AXO_MSG_DS_H

#include <axo/types.h>
#include <axo/msgtype.h>

#define DS_PUBLISH	  (DS_RQ_BASE + 0)
#define DS_RETRIEVE	  (DS_RQ_BASE + 1)
#define DS_SUBSCRIBE	  (DS_RQ_BASE + 2)
#define DS_CHECK	  (DS_RQ_BASE + 3)
#define DS_DELETE	  (DS_RQ_BASE + 4)
#define DS_RETRIEVE_LABEL (DS_RQ_BASE + 6)

/* Entry flags. */
#define DSF_IN_USE	   0x0001
#define DSF_PRIV_RETRIEVE  0x0002 /* only the owner may retrieve */
#define DSF_PRIV_OVERWRITE 0x0004 /* only the owner may overwrite */
#define DSF_PRIV_SUBSCRIBE 0x0008 /* only the owner may subscribe to it */
#define DSF_TYPE_U32	   0x0010
#define DSF_TYPE_STR	   0x0020
#define DSF_TYPE_MEM	   0x0040
#define DSF_TYPE_LABEL	   0x0100
#define DSF_MASK_TYPE \
	(DSF_TYPE_U32 | DSF_TYPE_STR | DSF_TYPE_MEM | DSF_TYPE_LABEL)
#define DSF_MASK_PRIV \
	(DSF_PRIV_RETRIEVE | DSF_PRIV_OVERWRITE | DSF_PRIV_SUBSCRIBE)
#define DSF_OVERWRITE 0x1000 /* publish: replace; subscribe: replace */
#define DSF_INITIAL   0x2000 /* subscribe: report existing entries */

#define DS_MAX_KEYLEN 80    /* including the NUL */
#define DS_MAX_VALUE  65536 /* bytes of a string or memory value */

struct ds_msg {
	cp_grant_id_t key_grant; /* key; CHECK and RETRIEVE_LABEL: out */
	uint32_t key_len;	 /* bytes, including the NUL */
	uint32_t flags;		 /* DSF_*; CHECK: out, the entry's type */
	uint32_t value;		 /* u32 or endpoint; CHECK: owner endpoint */
	cp_grant_id_t val_grant; /* string and memory values */
	uint32_t val_len;	 /* in: buffer size; out: the value's size */
};

#define MSG_DS_MEMBERS struct ds_msg ds;

_Static_assert(sizeof(struct ds_msg) <= MSG_PAYLOAD_SIZE, "ds_msg");

#endif
