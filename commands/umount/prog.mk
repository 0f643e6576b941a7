PROG := umount
SRCS := umount.c mtab.c sysmount_axo.c
HOST_SRCS := umount.c mtab.c sysmount_host.c
LIBC := newlib
