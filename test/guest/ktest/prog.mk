PROG := ktest
SRCS := main.c
LIBS := sys
