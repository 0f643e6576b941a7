/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * <termios.h> (newlib's includes this file): the terminal interface of
 * <axo/tty.h> under its POSIX names.  The calls are in lib/libc/termios.c.
 */
#ifndef _SYS_TERMIOS_H
#define _SYS_TERMIOS_H

#include <sys/types.h>
#include <axo/tty.h>

typedef uint32_t tcflag_t;
typedef uint8_t cc_t;
typedef uint32_t speed_t;

#define NCCS TTY_NCCS

struct termios {
	tcflag_t c_iflag;
	tcflag_t c_oflag;
	tcflag_t c_cflag;
	tcflag_t c_lflag;
	cc_t c_cc[NCCS];
	speed_t c_ispeed;
	speed_t c_ospeed;
};

#define ISIG   TTY_ISIG
#define ICANON TTY_ICANON
#define ECHO   TTY_ECHO
#define ECHOE  TTY_ECHOE
#define ECHOK  TTY_ECHOK
#define ECHONL TTY_ECHONL
#define NOFLSH TTY_NOFLSH
#define IEXTEN TTY_IEXTEN
#define ICRNL  TTY_ICRNL
#define INLCR  TTY_INLCR
#define IGNCR  TTY_IGNCR
#define OPOST  TTY_OPOST
#define ONLCR  TTY_ONLCR

#define VEOF   TTY_VEOF
#define VEOL   TTY_VEOL
#define VERASE TTY_VERASE
#define VINTR  TTY_VINTR
#define VKILL  TTY_VKILL
#define VMIN   TTY_VMIN
#define VQUIT  TTY_VQUIT
#define VTIME  TTY_VTIME
#define VSUSP  TTY_VSUSP
#define VSTART TTY_VSTART
#define VSTOP  TTY_VSTOP

#define TCSANOW	  0
#define TCSADRAIN 1
#define TCSAFLUSH 2

_Static_assert(sizeof(struct termios) == sizeof(struct tty_termios),
	       "termios travels as tty_termios");

int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int when, const struct termios *t);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);

#endif
