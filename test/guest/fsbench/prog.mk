PROG := fsbench
SRCS := fsbench.c recovery.c
LIBC := newlib
