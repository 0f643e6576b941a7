PROG := ls
SRCS := ls.c
LIBC := newlib
