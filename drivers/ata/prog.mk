PROG := ata
SRCS := ata.c ata_hw.c ata_dma.c
LIBS := blockdriver sys
