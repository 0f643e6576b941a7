PROG := vm
SRCS := main.c alloc.c region.c elf32.c mem.c boot.c exec.c fork.c fault.c recover.c
LIBS := sys
