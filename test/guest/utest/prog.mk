PROG := utest
SRCS := runner.c casefork.c helpers.c t_proc.c t_signal.c t_memory.c t_misc.c
LIBC := newlib
