// SPDX-License-Identifier: BSD-2-Clause
/*
 * Bus-master DMA for the primary IDE channel (ata.h): the PIIX IDE
 * function found on PCI bus 0, its bus-master registers (BAR4) and one
 * page of physical region descriptors.  Optional: without the ports
 * (PCI configuration, BAR4) or the page lookup among the driver's
 * privileges, ata_dma_probe() fails and the driver keeps to PIO.
 *
 * A transfer is started and at once stopped.  QEMU's PIIX model
 * completes the transfer when the guest stops it (ide_cancel_dma_sync
 * drains the request), so the drive is done, with no wait, after a
 * fixed number of instructions: the figures of make bench repeat
 * exactly.  Real hardware aborts instead; ata_dma_run() then says so
 * and the caller resets the drive and falls back to PIO.
 */
#include <blockdriver.h>

#include "ata.h"

#define PCI_ADDR    0xcf8
#define PCI_DATA    0xcfc
#define PCI_ENABLE  0x80000000u
#define PCI_ID	    0x00
#define PCI_CMD	    0x04 /* command register (low half) */
#define PCI_CLASS   0x08 /* class, subclass, prog-if, revision */
#define PCI_BAR4    0x20
#define PCI_IO_ON   0x01
#define PCI_MASTER  0x04
#define CLASS_IDE   0x0101 /* mass storage, IDE */
#define PROGIF_BM   0x80   /* bus-master capable */
#define BM_CMD	    0	   /* command: start, direction */
#define BM_STATUS   2
#define BM_PRD	    4
#define BM_START    0x01
#define BM_TO_MEM   0x08 /* the device writes memory: a read */
#define BM_ERROR    0x02
#define BM_IRQ	    0x04
#define PRD_EOT	    0x80000000u
#define PRD_ENTRIES (ATA_DMA_MAX / PAGE_SIZE)

static uint32_t prd[2 * PRD_ENTRIES] __attribute__((aligned(PAGE_SIZE)));
static uint32_t bm_base; /* 0: no DMA */

static int out32(uint32_t port, uint32_t v)
{
	return sys_devio(DIO_OUT | DIO_LONG, port, &v);
}

static int out8(uint32_t port, uint32_t v)
{
	return sys_devio(DIO_OUT | DIO_BYTE, port, &v);
}

static uint8_t in8(uint32_t port)
{
	uint32_t v = 0xff;

	sys_devio(DIO_IN | DIO_BYTE, port, &v);
	return (uint8_t)v;
}

/* Register reg of PCI function dev.fn on bus 0 into *v; OK or -EPERM. */
static int pci_read(uint32_t dev, uint32_t fn, uint32_t reg, uint32_t *v)
{
	int r = out32(PCI_ADDR, PCI_ENABLE | dev << 11 | fn << 8 | reg);

	*v = 0xffffffffu;
	return r == OK ? sys_devio(DIO_IN | DIO_LONG, PCI_DATA, v) : r;
}

static int pci_write(uint32_t dev, uint32_t fn, uint32_t reg, uint32_t v)
{
	int r = out32(PCI_ADDR, PCI_ENABLE | dev << 11 | fn << 8 | reg);

	return r == OK ? out32(PCI_DATA, v) : r;
}

/* The physical address of p in our address space, or 0. */
static uint32_t phys_of(const void *p)
{
	vir_bytes va = (vir_bytes)p;
	struct sys_vmctl_msg v = { .request = VMCTL_LOOKUP,
				   .endpt = SELF,
				   .vaddr = va & ~(PAGE_SIZE - 1) };

	if (sys_vmctl(&v) != OK || !(v.flags & VMF_PRESENT))
		return 0;
	return (uint32_t)(v.paddr + (va & (PAGE_SIZE - 1)));
}

/* Find the bus-master IDE function on bus 0: its BAR4 base, or 0. */
static uint32_t find_ide(uint32_t *dev_out, uint32_t *fn_out)
{
	for (uint32_t dev = 0; dev < 32; dev++) {
		for (uint32_t fn = 0; fn < 8; fn++) {
			uint32_t id, cls, bar;
			if (pci_read(dev, fn, PCI_ID, &id) != OK)
				return 0; /* no configuration ports for us */
			if ((id & 0xffff) == 0xffff)
				continue;
			if (pci_read(dev, fn, PCI_CLASS, &cls) != OK ||
			    cls >> 16 != CLASS_IDE || !(cls & PROGIF_BM << 8))
				continue;
			if (pci_read(dev, fn, PCI_BAR4, &bar) != OK ||
			    !(bar & 1))
				continue;
			*dev_out = dev;
			*fn_out = fn;
			return bar & 0xfffc;
		}
	}
	return 0;
}

int ata_dma_probe(void)
{
	uint32_t dev = 0, fn = 0, cmd;
	uint32_t base = find_ide(&dev, &fn);

	if (base == 0)
		return -ENODEV;
	prd[0] = 0; /* touch the page, then look it up */
	if (phys_of(prd) == 0 || out8(base + BM_STATUS, BM_ERROR | BM_IRQ))
		return -EPERM; /* no lookup, or not our bus-master ports */
	if (pci_read(dev, fn, PCI_CMD, &cmd) != OK ||
	    pci_write(dev, fn, PCI_CMD,
		      (cmd & 0xffff) | PCI_IO_ON | PCI_MASTER) != OK)
		return -EPERM;
	bm_base = base;
	return OK;
}

int ata_dma_prepare(bool write, const uint8_t *buf, size_t len)
{
	unsigned k = 0;

	if (bm_base == 0 || len == 0 || len > ATA_DMA_MAX ||
	    (vir_bytes)buf % PAGE_SIZE)
		return -EINVAL;
	for (size_t off = 0; off < len; off += PAGE_SIZE, k++) {
		size_t n = len - off < PAGE_SIZE ? len - off : PAGE_SIZE;
		uint32_t pa = phys_of(buf + off);
		if (pa == 0)
			return -EFAULT;
		prd[2 * k] = pa;
		prd[2 * k + 1] = (uint32_t)n | (off + n == len ? PRD_EOT : 0);
	}
	out32(bm_base + BM_PRD, phys_of(prd));
	out8(bm_base + BM_STATUS, BM_ERROR | BM_IRQ);
	return out8(bm_base + BM_CMD, write ? 0 : BM_TO_MEM);
}

int ata_dma_run(bool write)
{
	uint8_t dir = write ? 0 : BM_TO_MEM;

	out8(bm_base + BM_CMD, dir | BM_START);
	out8(bm_base + BM_CMD, dir); /* QEMU completes the transfer here */
	uint8_t s = in8(bm_base + BM_STATUS);
	out8(bm_base + BM_STATUS, BM_ERROR | BM_IRQ);
	return (s & BM_ERROR) ? -EIO : OK;
}
