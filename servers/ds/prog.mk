PROG := ds
SRCS := main.c store.c match.c pool.c
LIBS := sys
