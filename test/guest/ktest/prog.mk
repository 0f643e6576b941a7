PROG := ktest
SRCS := main.c spawn.c child.S bodies.c boot_init.c t_ipc.c t_kcall.c t_kdev.c t_signal.c t_memory.c \
        t_update.c t_hardening.c t_grants.c t_sef.c t_ds.c drivers.c t_chardev.c t_blockdev.c t_ext2.c t_memdev.c t_timers.c t_fuzz.c bench.c
LIBS := sys
