PROG := mv
SRCS := mv.c
LIBC := newlib
