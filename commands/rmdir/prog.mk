PROG := rmdir
SRCS := rmdir.c
LIBC := newlib
