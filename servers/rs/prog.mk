PROG := rs
SRCS := main.c boot.c table.c signal.c
LIBS := sys
