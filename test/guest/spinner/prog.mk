PROG := spinner
SRCS := spinner.c
LIBS := sys
