PROG := fsbench
SRCS := fsbench.c
LIBC := newlib
