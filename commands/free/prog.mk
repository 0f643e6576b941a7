PROG := free
SRCS := free.c meminfo_axo.c
HOST_SRCS := free.c meminfo_host.c
LIBC := newlib
