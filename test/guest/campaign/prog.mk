PROG := campaign
SRCS := campaign.c workload.c
LIBC := newlib
