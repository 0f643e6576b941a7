/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The terminal interface as it travels in VFS_IOCTL (and CDEV_IOCTL to
 * the tty driver): request numbers and struct tty_termios, the termios
 * subset of issue 4 (canonical and raw input, echo, signals from ^C and
 * ^\, erase and kill characters, end of file).  libc's <termios.h> uses
 * the same layout, so nothing is translated.
 */
#ifndef AXO_TTY_H
#define AXO_TTY_H

#include <axo/types.h>

#define TTY_TCGETS     0x5401 /* arg: struct tty_termios out */
#define TTY_TCSETS     0x5402 /* arg: struct tty_termios in, now */
#define TTY_TCSETSW    0x5403 /* ... after output drained */
#define TTY_TCSETSF    0x5404 /* ... after output drained, input flushed */
#define TTY_TIOCGPGRP  0x540F /* arg: int32_t out, foreground group */
#define TTY_TIOCSPGRP  0x5410 /* arg: int32_t in */
#define TTY_TIOCGWINSZ 0x5413 /* arg: struct tty_winsize out */

#define TTY_NCCS 12

/* c_lflag */
#define TTY_ISIG   0x0001
#define TTY_ICANON 0x0002
#define TTY_ECHO   0x0008
#define TTY_ECHOE  0x0010
#define TTY_ECHOK  0x0020
#define TTY_ECHONL 0x0040
#define TTY_NOFLSH 0x0080
#define TTY_IEXTEN 0x8000

/* c_iflag */
#define TTY_ICRNL 0x0100
#define TTY_INLCR 0x0040
#define TTY_IGNCR 0x0080

/* c_oflag */
#define TTY_OPOST 0x0001
#define TTY_ONLCR 0x0004

/* c_cc indices */
#define TTY_VEOF   0
#define TTY_VEOL   1
#define TTY_VERASE 2
#define TTY_VINTR  3
#define TTY_VKILL  4
#define TTY_VMIN   5
#define TTY_VQUIT  6
#define TTY_VTIME  7
#define TTY_VSUSP  8
#define TTY_VSTART 9
#define TTY_VSTOP  10

struct tty_termios {
	uint32_t c_iflag;
	uint32_t c_oflag;
	uint32_t c_cflag;
	uint32_t c_lflag;
	uint8_t c_cc[TTY_NCCS];
	uint32_t c_ispeed;
	uint32_t c_ospeed;
};

struct tty_winsize {
	uint16_t ws_row, ws_col, ws_xpixel, ws_ypixel;
};

#endif
