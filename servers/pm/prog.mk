PROG := pm
SRCS := main.c proc.c sigact.c exec_path.c forkexit.c exec.c signal.c ids.c misc.c vfs.c procinfo.c service.c
LIBS := sys
