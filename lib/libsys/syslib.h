/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * libsys: the system library every server, driver and test program links.
 * IPC primitives, one wrapper per kernel call (sys_<call>.c), and a few
 * helpers (kernel-log printf, panic).  All calls return OK or -E*.
 */
#ifndef LIBSYS_SYSLIB_H
#define LIBSYS_SYSLIB_H

#include <stdarg.h>
#include <axo/types.h>
#include <axo/errno.h>
#include <axo/ipc.h>
#include <axo/kcall.h>
#include <axo/priv.h>
#include <axo/kinfo.h>
#include <axo/grant.h>
#include <axo/signal.h>
#include <axo/strerror.h>
#include <axo/fmt.h>
#include <axo/env.h>

/* IPC (ipc.c).  status may be NULL. */
int ipc_send(endpoint_t dst, message *m);
int ipc_sendnb(endpoint_t dst, message *m);
int ipc_receive(endpoint_t src, message *m, uint32_t *status);
int ipc_sendrec(endpoint_t dst, message *m);
int ipc_sendrec_nb(endpoint_t dst, message *m); /* -ENOTREADY: dst busy */
int ipc_notify(endpoint_t dst);
int ipc_senda(asynmsg_t *table, size_t count);

/*
 * Send m to dst without blocking, whether or not dst is receiving: the
 * kernel delivers it when dst next receives.  -ENOMEM if 64 messages are
 * still undelivered; a delivery that fails later is logged.
 */
int asynsend(endpoint_t dst, const message *m);
int asynsend_reload(void);

/*
 * A driver is up: forget stale IPC references of a predecessor
 * (statectl) and publish "<prefix><our label>" = DRIVER_UP in DS, e.g.
 * prefix "drv.chr.".  libchardriver and libblockdriver call this.
 */
int driver_announce(const char *prefix);
int ipc_trap(uint32_t trap, uint32_t ep, uint32_t addr, uint32_t *status);

/* The raw kernel-call trap: m->m_type is the call number. */
int kernel_call(message *m);

/* Kernel-call wrappers, one per file. */
int sys_fork(endpoint_t parent, int slot, endpoint_t *child);
int sys_exec(endpoint_t e, vir_bytes ip, vir_bytes sp, const char *name);
int sys_clear(endpoint_t e);
int sys_privctl(endpoint_t e, int request, vir_bytes arg);
int sys_kill(endpoint_t e, int sig);
int sys_sigsend(endpoint_t e, int signo, vir_bytes handler,
		vir_bytes trampoline, uint32_t mask);
int sys_sigreturn(endpoint_t e, vir_bytes context);
int sys_getksig(endpoint_t *e, ksigset_t *sigs);
int sys_endksig(endpoint_t e);
int sys_vircopy(endpoint_t src, vir_bytes src_addr, endpoint_t dst,
		vir_bytes dst_addr, vir_bytes bytes);
int sys_irqctl(int request, int irq, int policy, int *hook_id);
int sys_devio(int request, uint32_t port, uint32_t *value);
int sys_sdevio(int request, uint32_t port, void *buf, uint32_t count);
int sys_setalarm(uint32_t ticks, clock_t64 *time_left);
int sys_times(endpoint_t e, struct sys_times_msg *out);
int sys_getinfo(int request, void *buf, size_t size, endpoint_t e);
int sys_abort(int how, int status);
int sys_safecopyfrom(endpoint_t granter, cp_grant_id_t g, vir_bytes offset,
		     void *addr, size_t bytes);
int sys_safecopyto(endpoint_t granter, cp_grant_id_t g, vir_bytes offset,
		   const void *addr, size_t bytes);
int sys_setgrant(cp_grant_t *table, int entries);
int sys_vmctl(struct sys_vmctl_msg *v);
int sys_sysctl(int request, const void *buf, size_t size, endpoint_t e);
int sys_update(endpoint_t src, endpoint_t dst, uint32_t flags);
int sys_exit(void);
int sys_statectl(int request, vir_bytes addr, vir_bytes len);

/*
 * Grants (grant.c): ids are >= 0, GRANT_INVALID on failure.  access is
 * CPF_READ and/or CPF_WRITE.  cpf_reload() re-registers the table with
 * the kernel (after a live update).
 */
cp_grant_id_t cpf_grant_direct(endpoint_t who_to, vir_bytes addr, size_t bytes,
			       int access);
cp_grant_id_t cpf_grant_indirect(endpoint_t who_to, endpoint_t who_from,
				 cp_grant_id_t gr);
/*
 * A grant to who_to on [addr, addr + bytes) of who_from's memory: only
 * good when we hold SYS_VIRCOPY (VFS passing on a user's buffer).
 */
cp_grant_id_t cpf_grant_magic(endpoint_t who_to, endpoint_t who_from,
			      vir_bytes addr, size_t bytes, int access);
cp_grant_id_t cpf_grant_state_transfer(endpoint_t self);
int cpf_revoke(cp_grant_id_t g);
int cpf_reload(void);

/* Helpers: self.c, printf.c, panic.c; string and format routines in <axo/fmt.h>. */
endpoint_t sys_self(void);
/*
 * Timers on top of the process's one alarm (timers.c): tmr_set() arms t
 * to call fn(arg) after ticks; call tmr_expire(m.notify.timestamp) for
 * every notification from CLOCK.  The struct belongs to the caller.
 */
struct sys_timer {
	clock_t64 expires;
	void (*fn)(int arg);
	int arg;
	bool armed;
	struct sys_timer *next;
};
void tmr_set(struct sys_timer *t, uint32_t ticks, void (*fn)(int arg), int arg);
void tmr_cancel(struct sys_timer *t);
void tmr_expire(clock_t64 now);

/* A boot parameter (env.c, parsing in <axo/env.h>): OK, -ESRCH, -E2BIG. */
int env_get_param(const char *key, char *value, size_t len);
/* The boot image table (boot_image.c): entry count, or -E*. */
int sys_boot_image(struct boot_image_entry image[BOOT_IMAGE_MAX]);
endpoint_t boot_endpoint(const char *name);
int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void panic(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

#endif
