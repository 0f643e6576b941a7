PROG := fuzz
SRCS := fuzz.c batch.c
LIBC := newlib
