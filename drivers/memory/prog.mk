PROG := memory
SRCS := memory.c
LIBS := chardriver sys
