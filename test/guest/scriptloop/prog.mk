PROG := scriptloop
SRCS := scriptloop.c
LIBC := newlib
