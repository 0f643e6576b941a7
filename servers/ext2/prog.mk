PROG := ext2
SRCS := main.c bdev.c bdev_retry.c ops_mount.c refs.c ops_name.c ops_io.c proto.c \
        super.c cache.c alloc.c inode.c bmap.c dir.c namei.c rename.c file.c
LIBS := sys
