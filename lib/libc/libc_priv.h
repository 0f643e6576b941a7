/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Private interface of our newlib system-call layer: the one IPC trap a
 * user process may use (sendrec), a call helper for PM and VM, and the
 * errno convention.
 *
 * Error numbers: the servers answer -E* with the numbers of
 * <axo/errno.h>, whose POSIX values are newlib's (<sys/errno.h>).  Every
 * file of this library includes both headers through this one, so a value
 * that drifts is a macro redefinition, which -Werror makes a build error;
 * no translation table is needed.  Our system values (200 up) have no
 * newlib name and reach errno unchanged.
 */
#ifndef AXO_LIBC_PRIV_H
#define AXO_LIBC_PRIV_H

#include <errno.h>
#include <stdbool.h>
#include <sys/types.h>
#include <axo/errno.h>
#include <axo/ipc.h>

/* Trap into the kernel: sendrec m to dst.  Returns OK or -E*. */
int libc_sendrec(endpoint_t dst, message *m);

/*
 * Send request `type` with payload m to server dst and wait for the reply.
 * Returns the reply's m_type (the result, >= 0 or -E*), or the trap's
 * -E* if the exchange itself failed.  The reply payload is left in m.
 */
int libc_call(endpoint_t dst, int type, message *m);

/* Map a result: r >= 0 is returned; r < 0 sets errno = -r and gives -1. */
int libc_result(int r);

/* The signal trampoline (sigreturn.S): where a user handler returns. */
void libc_sigtramp(void);

/*
 * Called by the trampoline with the frame's ctx_ptr: asks PM to restore
 * the interrupted context.  Never returns; if PM refuses, the process
 * exits with status 128 + SIGSEGV.
 */
_Noreturn void libc_sigreturn(vir_bytes ctx);

/* vfs.c: directory records for readdir (dirent.c); bytes, 0 at the end. */
int libc_getdents(int fd, void *buf, size_t len);

/*
 * console.c: descriptors 0..2 until VFS serves them.  console_fd(fd) is
 * true for such a descriptor not yet closed; vfs.c routes it here.
 */
struct stat;
bool console_fd(int fd);
ssize_t console_read(int fd, void *buf, size_t n);
ssize_t console_write(int fd, const void *buf, size_t n);
int console_close(int fd);
int console_fstat(int fd, struct stat *st);
off_t console_lseek(int fd, off_t off, int whence);
int console_fcntl(int fd, int cmd);

#endif
