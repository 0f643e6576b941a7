PROG := init
SRCS := init.c
LIBC := newlib
