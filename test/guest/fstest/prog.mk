PROG := fstest
SRCS := runner.c casefork.c workload.c t_errors.c t_pipes.c t_calls.c
LIBC := newlib
