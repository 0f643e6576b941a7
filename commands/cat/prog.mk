PROG := cat
SRCS := cat.c
LIBC := newlib
