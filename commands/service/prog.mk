PROG := service
SRCS := service.c parse.c sysconf.c status.c rsreq_axo.c
HOST_SRCS := service.c parse.c sysconf.c status.c rsreq_host.c
LIBC := newlib
