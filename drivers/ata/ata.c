// SPDX-License-Identifier: BSD-2-Clause
/*
 * ata: the block driver of the master drive on the primary IDE channel
 * (QEMU's i440FX PIIX IDE).  Minor 0 is the whole disk; requests name
 * sector-aligned byte offsets and counts, and data moves through the
 * requester's grant in chunks of CHUNK_SECS sectors, by DMA if the
 * driver may program the controller, else by PIO.  A write is complete
 * when the reply goes out: a drive with a write cache is flushed after
 * the last chunk.  The drive is identified at init: no drive means init
 * fails with -ENODEV.
 */
#include <blockdriver.h>
#include <sef.h>

#include "ata.h"

#define CHUNK_SECS 64
#define MAX_COUNT  0x7ffffe00u /* the largest count a reply can report */

static struct ata_disk disk;
static uint8_t chunk[CHUNK_SECS * ATA_SECTOR] __attribute__((aligned(4096)));
_Static_assert(sizeof(chunk) <= ATA_DMA_MAX, "a chunk is one DMA transfer");

static int ata_open(int minor, uint32_t access)
{
	(void)access;
	if (minor != 0)
		return -ENXIO;
	return disk.sectors != 0 ? OK : -ENODEV;
}

/*
 * Move n sectors at lba between the disk and the caller's grant at
 * offset off.  A write copies in first, so a bad grant leaves the disk
 * untouched.
 */
static int move_chunk(bool write, uint32_t lba, unsigned n, endpoint_t caller,
		      cp_grant_id_t grant, size_t off)
{
	size_t bytes = (size_t)n * ATA_SECTOR;
	int r;

	if (write) {
		r = sys_safecopyfrom(caller, grant, off, chunk, bytes);
		return r == OK ? ata_rw(&disk, true, lba, n, chunk) : r;
	}
	r = ata_rw(&disk, false, lba, n, chunk);
	return r == OK ? sys_safecopyto(caller, grant, off, chunk, bytes) : r;
}

/* The transfer operation of blockdriver.h. */
static int ata_transfer(int minor, bool write, uint64_t pos, endpoint_t caller,
			cp_grant_id_t grant, size_t count)
{
	uint64_t size = (uint64_t)disk.sectors * ATA_SECTOR;

	if (minor != 0)
		return -ENXIO;
	if (disk.sectors == 0)
		return -ENODEV; /* init found no drive */
	if (pos % ATA_SECTOR || count % ATA_SECTOR || count > MAX_COUNT)
		return -EINVAL;
	if (pos >= size)
		return 0;
	if (count > size - pos)
		count = (size_t)(size - pos);
	uint32_t lba = (uint32_t)(pos / ATA_SECTOR);
	unsigned left = (unsigned)(count / ATA_SECTOR);
	size_t done = 0;
	while (left > 0) {
		unsigned n = left < CHUNK_SECS ? left : CHUNK_SECS;
		int r = move_chunk(write, lba, n, caller, grant, done);
		if (r != OK)
			return r;
		lba += n;
		left -= n;
		done += (size_t)n * ATA_SECTOR;
	}
	if (write && disk.wcache) {
		int r = ata_flush();
		if (r != OK)
			return r;
	}
	return (int)done;
}

static void ata_intr(uint32_t irq_set)
{
	(void)irq_set;
	ata_ack(); /* an interrupt nobody waits for */
}

static const struct blockdriver ata_tab = {
	.open = ata_open,
	.transfer = ata_transfer,
	.intr = ata_intr,
};

/* Fresh start and restart alike: the hardware state is set up again. */
static int init(int type, const struct sef_init_info *info)
{
	(void)info;
	int r = ata_reset(); /* a predecessor may have crashed mid-command */
	if (r == OK)
		r = ata_identify(&disk);
	if (r != OK) {
		printf("ata: no usable drive on the primary master (%d)\n", r);
		return r;
	}
	disk.dma = ata_dma_probe() == OK;
	printf("ata: primary master \"%s\", %u sectors (%u KiB), %s\n",
	       disk.model, disk.sectors, disk.sectors / 2,
	       disk.dma ? "DMA" : "PIO");
	if ((r = ata_irq_hook()) != OK) {
		printf("ata: cannot hook IRQ %d (%d)\n", ATA_IRQ, r);
		return r;
	}
	return blockdriver_announce(type);
}

int main(void);
int main(void)
{
	sef_setcb_init_fresh(init);
	sef_setcb_init_restart(init);
	sef_startup();
	blockdriver_task(&ata_tab);
}
