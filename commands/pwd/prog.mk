PROG := pwd
SRCS := pwd.c
LIBC := newlib
