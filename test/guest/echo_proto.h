/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The private protocol between the kernel test suite (ktest) and its echo
 * servers (the kecho boot module and ktest's own forked servers).
 */
#ifndef TEST_ECHO_PROTO_H
#define TEST_ECHO_PROTO_H

#include <axo/ipc.h>

#define ECHO_REQ     (TEST_RQ_BASE + 1) /* reply: m_type = tag, word[0] + 1 */
#define ECHO_PREPARE (TEST_RQ_BASE + 2) /* sendrec ECHO_READY to the sender */
#define ECHO_READY   (TEST_RQ_BASE + 3)
#define ECHO_COUNT   (TEST_RQ_BASE + 5) /* reply: word[0] = requests served */

#endif
