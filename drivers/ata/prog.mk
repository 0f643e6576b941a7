PROG := ata
SRCS := ata.c ata_hw.c
LIBS := blockdriver sys
