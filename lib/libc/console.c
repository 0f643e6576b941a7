// SPDX-License-Identifier: BSD-2-Clause
/*
 * The console descriptors 0, 1 and 2 of a program in an image without
 * VFS (the user test suite, the benchmarks): vfs.c routes them here when
 * VFS does not answer.  Where VFS runs, init opens /dev/console as 0, 1
 * and 2 and every descriptor is VFS's.
 *
 *   fd 0      reads end of file at once;
 *   fd 1, 2   write to the kernel log through PM (PM_KLOG, at most
 *             PM_KLOG_MAX bytes per call);
 *   fd 0..2   are terminals (isatty 1; fstat says character device, so
 *             newlib line-buffers stdout), cannot seek, and can be
 *             closed, after which they are bad descriptors.
 */
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <axo/libc.h>

#include "libc_priv.h"

#define CONSOLE_FDS 3

/* Bit fd set: the console descriptor fd was closed. */
static unsigned closed_fds;

/*
 * Does VFS answer?  Asked once per program: VFS answers a close of
 * descriptor -1 with -EBADF; without VFS the sendrec itself fails.
 */
static bool vfs_answers(void)
{
	static int known = -1;

	if (known < 0) {
		message m;
		memset(&m, 0, sizeof(m));
		m.m_type = VFS_CLOSE;
		m.vfs_fd.fd = -1;
		known = libc_sendrec(VFS_PROC_NR, &m) == OK;
	}
	return known;
}

bool console_fd(int fd)
{
	return fd >= 0 && fd < CONSOLE_FDS && !(closed_fds & (1u << fd)) &&
	       !vfs_answers();
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
ssize_t console_write(int fd, const void *buf, size_t n)
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

ssize_t console_read(int fd, void *buf, size_t n)
{
	(void)buf;
	(void)n;
	if (!console_fd(fd) || fd != 0)
		return libc_result(-EBADF);
	return 0;
}

int console_close(int fd)
{
	if (!console_fd(fd))
		return libc_result(-EBADF);
	closed_fds |= 1u << fd;
	return 0;
}

int console_fstat(int fd, struct stat *st)
{
	if (!console_fd(fd))
		return libc_result(-EBADF);
	memset(st, 0, sizeof(*st));
	st->st_mode = S_IFCHR | 0620;
	st->st_blksize = 1024;
	return 0;
}

off_t console_lseek(int fd, off_t off, int whence)
{
	(void)off;
	(void)whence;
	return libc_result(console_fd(fd) ? -ESPIPE : -EBADF);
}

/* F_GETFL reports the console's access mode; F_[GS]ETFD do nothing. */
int console_fcntl(int fd, int cmd)
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

int axo_klog(const char *text)
{
	size_t n = strlen(text);
	int r = OK;

	for (size_t done = 0; r >= 0 && done < n; done += PM_KLOG_MAX)
		r = klog(text + done,
			 n - done < PM_KLOG_MAX ? n - done : PM_KLOG_MAX);
	return libc_result(r < 0 ? r : 0);
}
