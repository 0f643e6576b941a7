// SPDX-License-Identifier: BSD-2-Clause
/*
 * memory: the memory character devices.  Minor 0 is /dev/null (reads
 * give end of file, writes swallow everything), 1 is /dev/zero (reads
 * give zeros, writes swallow), 2 is /dev/ram, a RAM disk, and 3 is
 * /dev/full (reads give zeros, writes fail with -ENOSPC).
 *
 * The RAM disk is a fixed-size, zero-filled buffer in our bss, readable
 * and writable at any byte offset below RAM_SIZE: a read at or past the
 * end gives 0 bytes, a write starting at or past the end -ENOSPC, and
 * one crossing the end is cut short there.  (Loading a boot file as the
 * disk image needs a way to map a boot file into a driver, which the
 * system does not offer yet.)
 */
#include <chardriver.h>
#include <sef.h>

enum {
	MINOR_NULL = 0,
	MINOR_ZERO = 1,
	MINOR_RAM = 2,
	MINOR_FULL = 3,
	NR_MINORS = 4,
};

#define RAM_SIZE   (512u * 1024u)
#define ZERO_CHUNK 4096u

static uint8_t ramdisk[RAM_SIZE];
static const uint8_t zeros[ZERO_CHUNK];

/* A count a reply's int32 status can carry, or -EINVAL. */
static int check_count(const struct cdev_io *io)
{
	if (io->count > (size_t)INT32_MAX)
		return -EINVAL;
	return OK;
}

static int mem_open(int minor, uint32_t access, endpoint_t user)
{
	(void)access;
	(void)user;
	return minor >= 0 && minor < NR_MINORS ? OK : -ENXIO;
}

/* Fill the caller's io->count bytes with zeros, a chunk at a time. */
static int read_zeros(const struct cdev_io *io)
{
	for (size_t done = 0; done < io->count;) {
		size_t n = io->count - done;
		if (n > ZERO_CHUNK)
			n = ZERO_CHUNK;
		int r = sys_safecopyto(io->caller, io->grant, done, zeros, n);
		if (r != OK)
			return r;
		done += n;
	}
	return (int)io->count;
}

/* The part of [pos, pos + count) inside the RAM disk: its length. */
static size_t ram_span(const struct cdev_io *io)
{
	if (io->pos >= RAM_SIZE)
		return 0;
	size_t n = RAM_SIZE - (size_t)io->pos;
	return n < io->count ? n : io->count;
}

static int ram_read(const struct cdev_io *io)
{
	size_t n = ram_span(io);

	if (n == 0)
		return 0;
	int r = sys_safecopyto(io->caller, io->grant, 0,
			       ramdisk + (size_t)io->pos, n);
	return r == OK ? (int)n : r;
}

static int ram_write(const struct cdev_io *io)
{
	if (io->count == 0)
		return 0;
	size_t n = ram_span(io);
	if (n == 0)
		return -ENOSPC;
	int r = sys_safecopyfrom(io->caller, io->grant, 0,
				 ramdisk + (size_t)io->pos, n);
	return r == OK ? (int)n : r;
}

/* Bytes read into the caller's grant, or -E*. */
static int mem_read(const struct cdev_io *io)
{
	int r = check_count(io);

	if (r != OK)
		return r;
	switch (io->minor) {
	case MINOR_NULL:
		return 0;
	case MINOR_ZERO:
	case MINOR_FULL:
		return read_zeros(io);
	case MINOR_RAM:
		return ram_read(io);
	default:
		return -ENXIO;
	}
}

/* Bytes taken from the caller's grant, or -E*. */
static int mem_write(const struct cdev_io *io)
{
	int r = check_count(io);

	if (r != OK)
		return r;
	switch (io->minor) {
	case MINOR_NULL:
	case MINOR_ZERO:
		return (int)io->count;
	case MINOR_RAM:
		return ram_write(io);
	case MINOR_FULL:
		return -ENOSPC;
	default:
		return -ENXIO;
	}
}

static const struct chardriver memory_tab = {
	.open = mem_open,
	.read = mem_read,
	.write = mem_write,
};

/* Fresh start and restart alike: a restart starts with an empty ramdisk. */
static int init(int type, const struct sef_init_info *info)
{
	(void)info;
	return chardriver_announce(type);
}

int main(void);
int main(void)
{
	sef_setcb_init_fresh(init);
	sef_setcb_init_restart(init);
	sef_startup();
	chardriver_task(&memory_tab);
}
