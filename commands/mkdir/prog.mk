PROG := mkdir
SRCS := mkdir.c
LIBC := newlib
