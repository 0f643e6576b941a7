PROG := rs
SRCS := main.c boot.c table.c signal.c rproc.c manager.c period.c privs.c image.c request.c replica.c update.c
LIBS := sys
