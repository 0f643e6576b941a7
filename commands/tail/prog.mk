PROG := tail
SRCS := tail.c
LIBC := newlib
