PROG := ttyprobe
SRCS := main.c
LIBS := sys
