PROG := ubench
SRCS := ubench.c
LIBC := newlib
