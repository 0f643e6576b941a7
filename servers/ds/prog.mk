PROG := ds
SRCS := main.c store.c match.c
LIBS := sys
