PROG := false
SRCS := false.c
LIBC := newlib
