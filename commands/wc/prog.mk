PROG := wc
SRCS := wc.c
LIBC := newlib
