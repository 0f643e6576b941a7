// SPDX-License-Identifier: BSD-2-Clause
/* Terminal calls: each one VFS_IOCTL with a request of <axo/tty.h>. */
#include <termios.h>
#include <unistd.h>

#include "libc_priv.h"

static int tty_ioctl(int fd, uint32_t request, void *arg)
{
	message m = { 0 };

	m.vfs_ioctl.fd = fd;
	m.vfs_ioctl.request = request;
	m.vfs_ioctl.arg = (vir_bytes)arg;
	return libc_result(libc_call(VFS_PROC_NR, VFS_IOCTL, &m));
}

int tcgetattr(int fd, struct termios *t)
{
	return tty_ioctl(fd, TTY_TCGETS, t);
}

int tcsetattr(int fd, int when, const struct termios *t)
{
	static const uint32_t request[] = { TTY_TCSETS, TTY_TCSETSW,
					    TTY_TCSETSF };

	if (when < TCSANOW || when > TCSAFLUSH)
		return libc_result(-EINVAL);
	return tty_ioctl(fd, request[when], (void *)t);
}

pid_t tcgetpgrp(int fd)
{
	int32_t pgrp;

	if (tty_ioctl(fd, TTY_TIOCGPGRP, &pgrp) < 0)
		return -1;
	return (pid_t)pgrp;
}

int tcsetpgrp(int fd, pid_t pgrp)
{
	int32_t g = (int32_t)pgrp;

	return tty_ioctl(fd, TTY_TIOCSPGRP, &g);
}
