PROG := ln
SRCS := ln.c
LIBC := newlib
