PROG := sh
SRCS := builtin.c exec.c expand.c jobs.c lex.c main.c parse.c util.c vars.c
LIBC := newlib
