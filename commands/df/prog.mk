PROG := df
SRCS := df.c mtab.c
LIBC := newlib
