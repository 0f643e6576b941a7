PROG := hello
SRCS := hello.c
LIBS := chardriver sys
