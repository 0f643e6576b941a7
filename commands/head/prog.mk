PROG := head
SRCS := head.c
LIBC := newlib
