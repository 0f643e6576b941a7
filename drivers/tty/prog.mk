PROG := tty
SRCS := tty.c line.c uart.c
LIBS := chardriver sys
