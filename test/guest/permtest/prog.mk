PROG := permtest
SRCS := permtest.c cells.c
LIBC := newlib
