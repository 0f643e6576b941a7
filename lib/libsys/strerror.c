// SPDX-License-Identifier: BSD-2-Clause
/*
 * Error messages: one per code of <axo/errno.h>, in the same words as the
 * comments there.  Interface: sys_strerror(err).
 *
 * The table is indexed by the positive code.  When you add a code to
 * errno.h, add its message here: the host unit test test/unit/test_errno.c
 * fails until each code has exactly one entry with the comment's wording.
 */
#include <stddef.h>

#include <axo/errno.h>
#include <axo/strerror.h>

static const char *const errstr[] = {
	[OK] = "success",
	[EPERM] = "operation not permitted",
	[ENOENT] = "no such file or directory",
	[ESRCH] = "no such process",
	[EINTR] = "interrupted call",
	[EIO] = "I/O error",
	[ENXIO] = "no such device or address",
	[E2BIG] = "argument list too long",
	[ENOEXEC] = "exec format error",
	[EBADF] = "bad file descriptor",
	[ECHILD] = "no child processes",
	[EAGAIN] = "resource temporarily unavailable",
	[ENOMEM] = "not enough memory",
	[EACCES] = "permission denied",
	[EFAULT] = "bad address",
	[EBUSY] = "resource busy",
	[EEXIST] = "file exists",
	[EXDEV] = "cross-device link",
	[ENODEV] = "no such device",
	[ENOTDIR] = "not a directory",
	[EISDIR] = "is a directory",
	[EINVAL] = "invalid argument",
	[ENFILE] = "too many open files in system",
	[EMFILE] = "too many open files",
	[ENOTTY] = "inappropriate ioctl for device",
	[EFBIG] = "file too large",
	[ENOSPC] = "no space left on device",
	[ESPIPE] = "illegal seek",
	[EROFS] = "read-only file system",
	[EMLINK] = "too many links",
	[EPIPE] = "broken pipe",
	[EDOM] = "argument out of domain",
	[ERANGE] = "result out of range",
	[ENOSYS] = "function not implemented",
	[ENOTEMPTY] = "directory not empty",
	[ELOOP] = "too many levels of indirection",
	[ENAMETOOLONG] = "name too long",
	[ETIMEDOUT] = "timed out",
	[ERESTART] = "service restarted",
	[ENOTREADY] = "source or destination not ready",
	[EDEADSRCDST] = "source or destination is dead",
	[EDONTREPLY] = "handler will not reply",
	[EGENERIC] = "generic failure",
	[ELOCKED] = "send would deadlock",
	[EBADCALL] = "bad system call",
	[ECALLDENIED] = "call not permitted by privileges",
	[ETRAPDENIED] = "IPC trap not permitted",
	[EBADREQUEST] = "unknown request",
	[EDEADEPT] = "dead endpoint",
	[EBADEPT] = "invalid endpoint",
};

#define NR_ERRSTR (sizeof(errstr) / sizeof(errstr[0]))

const char *sys_strerror(int err)
{
	/* Negate in unsigned arithmetic: -INT_MIN would overflow. */
	unsigned int code = err < 0 ? 0u - (unsigned int)err :
				      (unsigned int)err;

	if (code >= NR_ERRSTR || errstr[code] == NULL)
		return "unknown error";
	return errstr[code];
}
