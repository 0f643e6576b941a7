PROG := reboot
SRCS := reboot.c power.c power_axo.c
HOST_SRCS := reboot.c power.c power_host.c
LIBC := newlib
