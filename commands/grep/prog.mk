PROG := grep
SRCS := grep.c
LIBC := newlib
