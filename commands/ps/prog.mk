PROG := ps
SRCS := ps.c procs_axo.c
HOST_SRCS := ps.c procs_host.c
LIBC := newlib
