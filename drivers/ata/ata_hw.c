// SPDX-License-Identifier: BSD-2-Clause
/*
 * The ATA driver's hardware layer (ata.h): task-file access, bounded
 * waits for the drive (status polling, or the interrupt with a clock
 * alarm as deadline), IDENTIFY and PIO sector transfers.
 */
#include <blockdriver.h>
#include <sef.h>

#include "ata.h"

/* Task-file registers, offsets from the command block. */
#define ATA_BASE     0x1f0
#define ATA_CTL	     0x3f6 /* alternate status (in), device control (out) */
#define REG_DATA     0
#define REG_ERROR    1
#define REG_COUNT    2
#define REG_LBA_LO   3
#define REG_LBA_MID  4
#define REG_LBA_HI   5
#define REG_DRIVE    6
#define REG_STATUS   7 /* in; reading it acknowledges the interrupt */
#define REG_COMMAND  7 /* out */
#define ST_BSY	     0x80
#define ST_DRDY	     0x40
#define ST_DF	     0x20
#define ST_DRQ	     0x08
#define ST_ERR	     0x01
#define DRIVE_LBA    0xe0 /* master, LBA addressing */
#define CMD_READ     0x20
#define CMD_WRITE    0x30
#define CMD_FLUSH    0xe7
#define CMD_IDENTIFY 0xec
#define CTL_NIEN     0x02
#define CTL_SRST     0x04

#define ATA_HOOK_BIT 0
#define POLL_LIMIT   200000   /* status reads before giving up */
#define IRQ_TIMEOUT  (3 * HZ) /* ticks a command may take */
#define ID_WORDS     256
#define ID_MODEL     27 /* words 27..46: model, two chars a word */
#define ID_MODEL_LEN 40
#define ID_LBA28_LO  60
#define ID_LBA28_HI  61

static uint8_t inb_reg(uint32_t port)
{
	uint32_t v = 0xff; /* what a floating bus reads */

	sys_devio(DIO_IN | DIO_BYTE, port, &v);
	return (uint8_t)v;
}

static void outb_reg(uint32_t port, uint32_t v)
{
	int r = sys_devio(DIO_OUT | DIO_BYTE, port, &v);

	if (r != OK)
		printf("ata: port 0x%x write failed: %d\n", port, r);
}

static uint8_t status(void)
{
	return inb_reg(ATA_BASE + REG_STATUS);
}

/* Poll until BSY clears; then the status, or -ETIMEDOUT. */
static int poll_not_busy(void)
{
	for (int i = 0; i < POLL_LIMIT; i++) {
		uint8_t s = inb_reg(ATA_CTL);
		if (!(s & ST_BSY))
			return s;
	}
	return -ETIMEDOUT;
}

/* Poll until the drive wants data (DRQ); OK, -EIO or -ETIMEDOUT. */
static int poll_drq(void)
{
	for (int i = 0; i < POLL_LIMIT; i++) {
		uint8_t s = inb_reg(ATA_CTL);
		if (s & ST_BSY)
			continue;
		if (s & (ST_ERR | ST_DF))
			return -EIO;
		if (s & ST_DRQ)
			return OK;
	}
	return -ETIMEDOUT;
}

/*
 * Wait for the drive's interrupt, at most IRQ_TIMEOUT ticks (a clock
 * alarm is the deadline; a stale alarm from an earlier wait is told
 * apart by its timestamp).  A block request arriving meanwhile is
 * refused with -EBUSY: one request at a time.  Then the status, read
 * from the status register so that the interrupt is acknowledged.
 */
static int wait_irq(void)
{
	struct sys_times_msg t;
	message m;
	uint32_t st;

	if (sys_times(NONE, &t) != OK || sys_setalarm(IRQ_TIMEOUT, NULL) != OK)
		return -EIO;
	clock_t64 deadline = t.uptime + IRQ_TIMEOUT;
	for (;;) {
		if (sef_receive_status(ANY, &m, &st) != OK)
			continue;
		if (is_ipc_notify(st) && m.m_source == HARDWARE &&
		    (m.notify.interrupts & (1u << ATA_HOOK_BIT)))
			break;
		if (is_ipc_notify(st) && m.m_source == CLOCK &&
		    m.notify.timestamp >= deadline)
			return -ETIMEDOUT;
		if (!is_ipc_notify(st) && IS_BDEV_CALL(m.m_type))
			blockdriver_reply(m.m_source, m.bdev_rq.minor,
					  m.bdev_rq.id, -EBUSY);
	}
	sys_setalarm(0, NULL);
	int s = poll_not_busy();
	if (s >= 0)
		s = status();
	return s;
}

/* Load the task file and start cmd on n sectors at lba. */
static int issue(uint8_t cmd, uint32_t lba, unsigned n)
{
	int s = poll_not_busy();

	if (s < 0)
		return s;
	outb_reg(ATA_BASE + REG_DRIVE, DRIVE_LBA | ((lba >> 24) & 0x0f));
	outb_reg(ATA_BASE + REG_COUNT, n & 0xff); /* 0 means 256 */
	outb_reg(ATA_BASE + REG_LBA_LO, lba & 0xff);
	outb_reg(ATA_BASE + REG_LBA_MID, (lba >> 8) & 0xff);
	outb_reg(ATA_BASE + REG_LBA_HI, (lba >> 16) & 0xff);
	outb_reg(ATA_BASE + REG_COMMAND, cmd);
	return OK;
}

/* Move one sector of 16-bit words through the data register. */
static int pio_words(bool out, uint8_t *buf)
{
	return sys_sdevio((out ? DIO_OUT : DIO_IN) | DIO_WORD,
			  ATA_BASE + REG_DATA, buf, ATA_SECTOR / 2);
}

static void model_of(const uint16_t *id, char *model)
{
	for (int i = 0; i < ID_MODEL_LEN / 2; i++) {
		model[2 * i] = (char)(id[ID_MODEL + i] >> 8);
		model[2 * i + 1] = (char)(id[ID_MODEL + i] & 0xff);
	}
	int n = ID_MODEL_LEN;
	while (n > 0 && (model[n - 1] == ' ' || model[n - 1] == '\0'))
		n--;
	model[n] = '\0';
}

/* Poll until the drive is ready (DRDY, not BSY); OK or -ETIMEDOUT. */
static int poll_ready(void)
{
	for (int i = 0; i < POLL_LIMIT; i++)
		if ((inb_reg(ATA_CTL) & (ST_BSY | ST_DRDY)) == ST_DRDY)
			return OK;
	return -ETIMEDOUT;
}

/* Select the master: the status we read from now on is its own. */
static void select_master(void)
{
	outb_reg(ATA_BASE + REG_DRIVE, DRIVE_LBA);
	for (int i = 0; i < 4; i++)
		(void)inb_reg(ATA_CTL); /* 400 ns for the selection to settle */
}

int ata_reset(void)
{
	select_master(); /* the BIOS may have left the (absent) slave selected */
	uint8_t s = inb_reg(ATA_CTL);
	if (s == 0xff || s == 0)
		return OK; /* no controller or no master: identify says so */
	outb_reg(ATA_CTL, CTL_NIEN | CTL_SRST);
	for (int i = 0; i < 8; i++)
		(void)inb_reg(ATA_CTL); /* SRST must stay set for 5 us */
	outb_reg(ATA_CTL, CTL_NIEN);
	for (int i = 0; i < 8; i++)
		(void)inb_reg(ATA_CTL); /* let BSY show */
	if (poll_not_busy() < 0)
		return -ETIMEDOUT;
	select_master(); /* the reset may change the selection */
	return poll_ready();
}

int ata_identify(struct ata_disk *d)
{
	uint16_t id[ID_WORDS];

	outb_reg(ATA_CTL, CTL_NIEN);
	outb_reg(ATA_BASE + REG_DRIVE, DRIVE_LBA);
	uint8_t s = status();
	if (s == 0xff || s == 0)
		return -ENODEV; /* no controller, or no drive */
	if (issue(CMD_IDENTIFY, 0, 0) != OK || status() == 0 ||
	    poll_not_busy() < 0)
		return -ENODEV;
	if (inb_reg(ATA_BASE + REG_LBA_MID) || inb_reg(ATA_BASE + REG_LBA_HI))
		return -ENODEV; /* ATAPI or SATA signature: not ours */
	int r = poll_drq();
	if (r != OK)
		return r == -EIO ? -ENODEV : r;
	if ((r = pio_words(false, (uint8_t *)id)) != OK)
		return r;
	d->sectors = id[ID_LBA28_LO] | (uint32_t)id[ID_LBA28_HI] << 16;
	model_of(id, d->model);
	return d->sectors == 0 ? -ENODEV : OK;
}

int ata_irq_hook(void)
{
	int hook = ATA_HOOK_BIT;
	int r = sys_irqctl(IRQ_SETPOLICY, ATA_IRQ, IRQ_REENABLE, &hook);

	if (r == OK)
		outb_reg(ATA_CTL, 0); /* nIEN off: the drive interrupts */
	return r;
}

void ata_ack(void)
{
	(void)status();
}

static int check(int s)
{
	if (s < 0)
		return s;
	return (s & (ST_ERR | ST_DF)) ? -EIO : OK;
}

int ata_pio(bool write, uint32_t lba, unsigned n, uint8_t *buf)
{
	int r = issue(write ? CMD_WRITE : CMD_READ, lba, n);

	for (unsigned i = 0; r == OK && i < n; i++) {
		uint8_t *sec = buf + (size_t)i * ATA_SECTOR;
		if (write) {
			r = poll_drq();
			if (r == OK)
				r = pio_words(true, sec);
			if (r == OK)
				r = check(wait_irq());
		} else {
			int s = wait_irq();
			r = check(s);
			if (r == OK && !(s & ST_DRQ))
				r = -EIO;
			if (r == OK)
				r = pio_words(false, sec);
		}
	}
	if (r == OK && write)
		r = issue(CMD_FLUSH, 0, 0);
	if (r == OK && write)
		r = check(wait_irq());
	return r;
}
