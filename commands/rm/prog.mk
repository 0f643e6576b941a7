PROG := rm
SRCS := rm.c
LIBC := newlib
