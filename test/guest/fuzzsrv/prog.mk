PROG := fuzzsrv
SRCS := fuzzsrv.c
LIBS := sys
