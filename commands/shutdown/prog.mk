PROG := shutdown
SRCS := shutdown.c power.c power_axo.c
HOST_SRCS := shutdown.c power.c power_host.c
LIBC := newlib
