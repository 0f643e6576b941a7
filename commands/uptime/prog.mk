PROG := uptime
SRCS := uptime.c sysinfo_axo.c
HOST_SRCS := uptime.c sysinfo_host.c
LIBC := newlib
