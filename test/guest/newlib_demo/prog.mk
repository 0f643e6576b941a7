PROG := newlib_demo
SRCS := main.c
LIBC := newlib
