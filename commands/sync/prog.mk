PROG := sync
SRCS := sync.c
LIBC := newlib
