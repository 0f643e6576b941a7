PROG := sleep
SRCS := sleep.c
LIBC := newlib
