/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The ATA driver's hardware layer (ata_hw.c): the primary IDE channel of
 * a PC (task file at 0x1f0, control at 0x3f6, IRQ 14), its master drive,
 * PIO transfers in LBA28 through sys_devio.  Every wait is bounded; waits
 * poll first and take the interrupt only when the drive is slow.
 */
#ifndef DRIVERS_ATA_ATA_H
#define DRIVERS_ATA_ATA_H

#include <syslib.h>

#define ATA_SECTOR   512
#define ATA_IRQ	     14
#define ATA_MAX_LBA  (1u << 28) /* LBA28 addresses */
#define ATA_MAX_SECS 256	/* sectors in one command */
#define ATA_DMA_MAX  32768	/* bytes in one DMA transfer (ata_dma.c) */

struct ata_disk {
	uint32_t sectors; /* capacity (LBA28) */
	char model[41];	  /* from IDENTIFY, trailing blanks dropped */
	unsigned mult;	  /* sectors per DRQ block (READ/WRITE MULTIPLE) */
	bool wcache;	  /* a volatile write cache: writes need a flush */
	bool dma;	  /* transfers by bus-master DMA, not PIO */
};

/*
 * Software-reset the channel (SRST), interrupts masked, if the drive is
 * in a command: ends whatever an instance that crashed left half done (a
 * restarted driver would otherwise find the drive still waiting for
 * data).  OK, or -ETIMEDOUT if the drive stays busy.
 */
int ata_reset(void);

/*
 * Select the master and IDENTIFY it by polling, before interrupts are
 * hooked, and set READ/WRITE MULTIPLE up if it has them.  OK and *d
 * filled, or -ENODEV (no drive, not ATA) or -EIO.
 */
int ata_identify(struct ata_disk *d);

/*
 * Hook IRQ 14 (notify bit ATA_HOOK_BIT).  The drive's interrupt stays
 * masked (nIEN) except while a slow wait needs it.
 */
int ata_irq_hook(void);

/*
 * Read or write n (1..ATA_MAX_SECS) sectors at lba, buf holding n *
 * ATA_SECTOR bytes (page-aligned, at most ATA_DMA_MAX of them for DMA);
 * a write is not flushed (ata_flush).  By DMA if d->dma, which a DMA
 * transfer that does not complete clears (the drive is reset and the
 * request done by PIO).  OK, -EIO (device error) or -ETIMEDOUT.
 */
int ata_rw(struct ata_disk *d, bool write, uint32_t lba, unsigned n,
	   uint8_t *buf);

/*
 * ata_dma.c.  ata_dma_probe: find the channel's bus-master registers
 * and check that we may use them and look pages up; OK, -ENODEV or
 * -EPERM (then there is no DMA).  ata_dma_prepare: describe buf's len
 * bytes (page-aligned, at most ATA_DMA_MAX) to the controller for a
 * read or write; OK, -EINVAL or -EFAULT.  ata_dma_run: start the
 * transfer of the command just issued and stop it; OK or -EIO (the
 * controller reports an error).
 */
int ata_dma_probe(void);
int ata_dma_prepare(bool write, const uint8_t *buf, size_t len);
int ata_dma_run(bool write);

/* Flush the drive's write cache: OK, -EIO or -ETIMEDOUT. */
int ata_flush(void);

/* An interrupt outside a transfer: acknowledge it on the drive. */
void ata_ack(void);

#endif
