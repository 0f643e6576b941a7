PROG := kill
SRCS := kill.c
LIBC := newlib
