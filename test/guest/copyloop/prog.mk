PROG := copyloop
SRCS := copyloop.c
LIBC := newlib
