/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The kernel calls, declared once.  Each entry is (NAME, offset, handler
 * name): the call number is KERNEL_CALL + offset, the handler is
 * kernel/system/do_<handler>.c and the user wrapper lib/libsys/sys_<handler>.c.
 * The kernel's dispatch table and the call-name table are generated from
 * this list with X-macros.
 */
#ifndef AXO_KCALL_H
#define AXO_KCALL_H

#define KERNEL_CALL 0x600 /* first kernel-call number */

/* clang-format off */
#define KCALL_LIST(X) \
	X(FORK,         0,  fork) \
	X(EXEC,         1,  exec) \
	X(CLEAR,        2,  clear) \
	X(PRIVCTL,      4,  privctl) \
	X(KILL,         6,  kill) \
	X(GETKSIG,      7,  getksig) \
	X(ENDKSIG,      8,  endksig) \
	X(SIGSEND,      9,  sigsend) \
	X(SIGRETURN,    10, sigreturn) \
	X(VIRCOPY,      15, vircopy) \
	X(IRQCTL,       19, irqctl) \
	X(DEVIO,        21, devio) \
	X(SDEVIO,       22, sdevio) \
	X(SETALARM,     24, setalarm) \
	X(TIMES,        25, times) \
	X(GETINFO,      26, getinfo) \
	X(ABORT,        27, abort) \
	X(SAFECOPYFROM, 31, safecopyfrom) \
	X(SAFECOPYTO,   32, safecopyto) \
	X(SETGRANT,     34, setgrant) \
	X(VMCTL,        43, vmctl) \
	X(SYSCTL,       44, sysctl) \
	X(UPDATE,       52, update) \
	X(EXIT,         53, exit) \
	X(STATECTL,     55, statectl)
/* clang-format on */

#define NR_SYS_CALLS	 58
#define KCALL_MASK_WORDS ((NR_SYS_CALLS + 31) / 32)

enum kcall_number {
#define KCALL_ENUM(name, off, fn) SYS_##name = KERNEL_CALL + (off),
	KCALL_LIST(KCALL_ENUM)
#undef KCALL_ENUM
};

#endif
