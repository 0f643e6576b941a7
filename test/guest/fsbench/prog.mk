PROG := fsbench
SRCS := fsbench.c recovery.c update.c
LIBC := newlib
