PROG := cp
SRCS := cp.c
LIBC := newlib
