PROG := vfs
SRCS := main.c fproc.c filp.c vnode.c path.c mount.c open.c read.c \
        link.c stat.c dmap.c dmap_tab.c device.c pipe.c select.c exec.c \
        pathname.c bits.c ring.c
LIBS := sys
