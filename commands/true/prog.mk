PROG := true
SRCS := true.c
LIBC := newlib
