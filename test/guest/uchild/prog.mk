PROG := uchild
SRCS := uchild.c
LIBC := newlib
