// SPDX-License-Identifier: BSD-2-Clause
/*
 * File descriptors before VFS exists (DESIGN §5, VFS issue): this whole
 * file is a stand-in and goes away when VFS serves these calls.
 *
 *   fd 0      reads end of file at once;
 *   fd 1, 2   write to the kernel log through PM (PM_KLOG, at most
 *             PM_KLOG_MAX bytes per call);
 *   fd 0..2   are terminals (isatty 1; fstat says character device, so
 *             newlib line-buffers stdout), cannot seek, and can be
 *             closed, after which they are bad descriptors;
 *   other fds are bad descriptors (EBADF);
 *   paths     (open, stat, link, unlink, mkdir) fail with ENOSYS: there
 *             is no file system yet, and "not implemented" says so more
 *             truthfully than "no such file".
 */
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libc_priv.h"

#define CONSOLE_FDS 3

/* Bit fd set: the console descriptor fd was closed. */
static unsigned closed_fds;

static int console_fd(int fd)
{
	return fd >= 0 && fd < CONSOLE_FDS && !(closed_fds & (1u << fd));
}

/* One PM_KLOG of n <= PM_KLOG_MAX bytes; OK or -E*. */
static int klog(const char *buf, size_t n)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.pm_klog.buf = (vir_bytes)buf;
	m.pm_klog.len = n;
	return libc_call(PM_PROC_NR, PM_KLOG, &m);
}

/* Writes fds 1 and 2 in PM_KLOG_MAX chunks; a short count on failure. */
ssize_t write(int fd, const void *buf, size_t n)
{
	const char *p = buf;
	size_t done = 0;

	if (!console_fd(fd) || fd == 0)
		return libc_result(-EBADF);
	while (done < n) {
		size_t chunk = n - done < PM_KLOG_MAX ? n - done : PM_KLOG_MAX;
		int r = klog(p + done, chunk);

		if (r < 0)
			return done > 0 ? (ssize_t)done : libc_result(r);
		done += chunk;
	}
	return (ssize_t)done;
}

ssize_t read(int fd, void *buf, size_t n)
{
	(void)buf;
	(void)n;
	if (!console_fd(fd) || fd != 0)
		return libc_result(-EBADF);
	return 0;
}

int close(int fd)
{
	if (!console_fd(fd))
		return libc_result(-EBADF);
	closed_fds |= 1u << fd;
	return 0;
}

/* 1 for a console descriptor; 0 (errno EBADF) otherwise, as POSIX says. */
int isatty(int fd)
{
	if (!console_fd(fd)) {
		errno = EBADF;
		return 0;
	}
	return 1;
}

int fstat(int fd, struct stat *st)
{
	if (!console_fd(fd))
		return libc_result(-EBADF);
	memset(st, 0, sizeof(*st));
	st->st_mode = S_IFCHR | 0620;
	st->st_blksize = 1024;
	return 0;
}

off_t lseek(int fd, off_t off, int whence)
{
	(void)off;
	(void)whence;
	return libc_result(console_fd(fd) ? -ESPIPE : -EBADF);
}

/* F_GETFL reports the console's access mode; F_[GS]ETFD do nothing. */
int fcntl(int fd, int cmd, ...)
{
	if (!console_fd(fd))
		return libc_result(-EBADF);
	switch (cmd) {
	case F_GETFL:
		return fd == 0 ? O_RDONLY : O_WRONLY;
	case F_GETFD:
	case F_SETFD:
		return 0;
	default:
		return libc_result(-EINVAL);
	}
}

int open(const char *path, int flags, ...)
{
	(void)path;
	(void)flags;
	return libc_result(-ENOSYS);
}

int stat(const char *restrict path, struct stat *restrict st)
{
	(void)path;
	(void)st;
	return libc_result(-ENOSYS);
}

int link(const char *old, const char *new)
{
	(void)old;
	(void)new;
	return libc_result(-ENOSYS);
}

int unlink(const char *path)
{
	(void)path;
	return libc_result(-ENOSYS);
}

int mkdir(const char *path, mode_t mode)
{
	(void)path;
	(void)mode;
	return libc_result(-ENOSYS);
}
