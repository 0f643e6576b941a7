PROG := mount
SRCS := mount.c mtab.c sysmount_axo.c
HOST_SRCS := mount.c mtab.c sysmount_host.c
LIBC := newlib
