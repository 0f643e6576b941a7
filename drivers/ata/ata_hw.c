// SPDX-License-Identifier: BSD-2-Clause
/*
 * The ATA driver's hardware layer (ata.h): task-file access, bounded
 * waits for the drive, IDENTIFY and PIO sector transfers.
 *
 * A wait first polls the alternate status register (FAST_POLLS reads,
 * the drive's interrupt masked with nIEN) and only then unmasks the
 * interrupt and receives it, with a clock alarm as deadline.  Under
 * QEMU a request completes on a host thread within microseconds, so
 * polling wins: a halted CPU under -icount sleep=off would instead jump
 * virtual time to the next clock tick (up to 10 ms a sector).  Transfers
 * use READ/WRITE MULTIPLE when the drive offers it: one wait per block
 * of up to MULT_MAX sectors instead of one per sector.  When ata_dma.c
 * can drive the controller, transfers go by DMA instead, with no wait.
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
#define CMD_READ_MUL 0xc4
#define CMD_WRIT_MUL 0xc5
#define CMD_SET_MUL  0xc6
#define CMD_READ_DMA 0xc8
#define CMD_WRIT_DMA 0xca
#define CMD_FLUSH    0xe7
#define CMD_IDENTIFY 0xec
#define CTL_NIEN     0x02
#define CTL_SRST     0x04

#define ATA_HOOK_BIT 0
#define POLL_LIMIT   200000   /* status reads before giving up */
#define FAST_POLLS   30000    /* status reads (about a tick) before the IRQ */
#define MULT_MAX     16	      /* sectors per DRQ block we ask for */
#define IRQ_TIMEOUT  (3 * HZ) /* ticks a command may take */
#define ID_WORDS     256
#define ID_MODEL     27 /* words 27..46: model, two chars a word */
#define ID_MODEL_LEN 40
#define ID_LBA28_LO  60
#define ID_LBA28_HI  61
#define ID_MULT_MAX  47 /* low byte: most sectors per DRQ block */
#define ID_FEATURES  85 /* features enabled */
#define ID_F_WCACHE  0x20

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
 * apart by its timestamp).  An interrupt that finds the drive still
 * busy is stale (raised as nIEN was cleared) and waited past.  A block
 * request arriving meanwhile is refused with -EBUSY: one request at a
 * time.  OK or -ETIMEDOUT.
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
		    (m.notify.interrupts & (1u << ATA_HOOK_BIT)) &&
		    !(inb_reg(ATA_CTL) & ST_BSY))
			break;
		if (is_ipc_notify(st) && m.m_source == CLOCK &&
		    m.notify.timestamp >= deadline)
			return -ETIMEDOUT;
		if (!is_ipc_notify(st) && IS_BDEV_CALL(m.m_type))
			blockdriver_reply(m.m_source, m.bdev_rq.minor,
					  m.bdev_rq.id, -EBUSY);
	}
	sys_setalarm(0, NULL);
	return OK;
}

/* Poll the alternate status up to n times; true once BSY is clear. */
static bool poll_briefly(int n)
{
	for (int i = 0; i < n; i++)
		if (!(inb_reg(ATA_CTL) & ST_BSY))
			return true;
	return false;
}

/*
 * Wait until the drive has finished the current step of a command:
 * poll first, then unmask its interrupt and sleep until it comes (the
 * status is checked once more after unmasking, as a drive finishing in
 * between may raise no interrupt).  Then the status, read from the
 * status register so that any interrupt is acknowledged, or
 * -ETIMEDOUT.
 */
static int wait_drive(void)
{
	int r = OK;

	if (!poll_briefly(FAST_POLLS)) {
		outb_reg(ATA_CTL, 0);
		if (!poll_briefly(1))
			r = wait_irq();
		outb_reg(ATA_CTL, CTL_NIEN);
	}
	int s = r == OK ? poll_not_busy() : r;
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

/* Move one DRQ block of n sectors through the data register. */
static int pio_block(bool out, uint8_t *buf, unsigned n)
{
	return sys_sdevio((out ? DIO_OUT : DIO_IN) | DIO_WORD,
			  ATA_BASE + REG_DATA, buf, n * (ATA_SECTOR / 2));
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
	if (!(s & (ST_BSY | ST_DRQ)))
		return OK; /* in no command: nothing to end */
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

/*
 * Ask for READ/WRITE MULTIPLE with blocks of up to MULT_MAX sectors if
 * IDENTIFY word id_mult says the drive can.  Returns the sectors per DRQ
 * block agreed on (1: plain READ/WRITE).  Polled: interrupts are masked
 * at init.
 */
static unsigned set_multiple(uint16_t id_mult)
{
	unsigned want = id_mult & 0xff;

	if (want > MULT_MAX)
		want = MULT_MAX;
	while (want & (want - 1))
		want &= want - 1; /* a power of two, as drives expect */
	if (want < 2 || issue(CMD_SET_MUL, 0, want) != OK)
		return 1;
	int s = poll_not_busy();
	return s >= 0 && !(s & (ST_ERR | ST_DF)) ? want : 1;
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
	if ((r = pio_block(false, (uint8_t *)id, 1)) != OK)
		return r;
	d->sectors = id[ID_LBA28_LO] | (uint32_t)id[ID_LBA28_HI] << 16;
	model_of(id, d->model);
	if (d->sectors == 0)
		return -ENODEV;
	d->mult = set_multiple(id[ID_MULT_MAX]);
	d->wcache = (id[ID_FEATURES] & ID_F_WCACHE) != 0;
	d->dma = false;
	return OK;
}

int ata_irq_hook(void)
{
	int hook = ATA_HOOK_BIT;

	outb_reg(ATA_CTL, CTL_NIEN); /* unmasked only by slow waits */
	return sys_irqctl(IRQ_SETPOLICY, ATA_IRQ, IRQ_REENABLE, &hook);
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

/*
 * One DRQ block of blk sectors of a command already issued.  A read waits
 * for the drive to offer the data; a write hands it over, then waits for
 * the drive to take it.
 */
static int pio_step(bool write, uint8_t *buf, unsigned blk)
{
	if (write) {
		int r = poll_drq();
		if (r == OK)
			r = pio_block(true, buf, blk);
		return r == OK ? check(wait_drive()) : r;
	}
	int s = wait_drive();
	int r = check(s);
	if (r == OK && !(s & ST_DRQ))
		r = -EIO;
	return r == OK ? pio_block(false, buf, blk) : r;
}

int ata_flush(void)
{
	int r = issue(CMD_FLUSH, 0, 0);

	return r == OK ? check(wait_drive()) : r;
}

/* n sectors at lba by PIO, in DRQ blocks of d->mult sectors. */
static int pio(const struct ata_disk *d, bool write, uint32_t lba, unsigned n,
	       uint8_t *buf)
{
	unsigned mult = d->mult;
	uint8_t cmd = write ? (mult > 1 ? CMD_WRIT_MUL : CMD_WRITE) :
			      (mult > 1 ? CMD_READ_MUL : CMD_READ);
	int r = issue(cmd, lba, n);

	for (unsigned i = 0; r == OK && i < n; i += mult) {
		unsigned blk = n - i < mult ? n - i : mult;
		r = pio_step(write, buf + (size_t)i * ATA_SECTOR, blk);
	}
	return r;
}

/*
 * n sectors at lba by DMA: OK, -EIO, or -EAGAIN if the drive is still
 * in the command after the transfer was stopped (hardware that aborts a
 * stopped transfer, unlike QEMU: see ata_dma.c).
 */
static int dma(bool write, uint32_t lba, unsigned n, uint8_t *buf)
{
	int r = ata_dma_prepare(write, buf, (size_t)n * ATA_SECTOR);

	if (r == OK)
		r = issue(write ? CMD_WRIT_DMA : CMD_READ_DMA, lba, n);
	if (r == OK)
		r = ata_dma_run(write);
	if (r != OK)
		return r;
	if (inb_reg(ATA_CTL) & (ST_BSY | ST_DRQ))
		return -EAGAIN;
	return check(status());
}

int ata_rw(struct ata_disk *d, bool write, uint32_t lba, unsigned n,
	   uint8_t *buf)
{
	if (d->dma) {
		int r = dma(write, lba, n, buf);
		if (r != -EAGAIN)
			return r;
		printf("ata: a stopped DMA transfer did not complete; PIO\n");
		d->dma = false;
		if ((r = ata_reset()) != OK)
			return r;
	}
	return pio(d, write, lba, n, buf);
}
