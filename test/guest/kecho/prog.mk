PROG := kecho
SRCS := main.c
LIBS := sys
