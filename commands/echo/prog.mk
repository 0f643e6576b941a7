PROG := echo
SRCS := echo.c
LIBC := newlib
