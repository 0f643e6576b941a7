PROG := ktest
SRCS := main.c spawn.c child.S echo.c t_ipc.c t_kcall.c t_signal.c t_memory.c \
        t_update.c t_fuzz.c bench.c
LIBS := sys
