PROG := touch
SRCS := touch.c
LIBC := newlib
