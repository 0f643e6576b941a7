PROG := helloread
SRCS := helloread.c
LIBC := newlib
