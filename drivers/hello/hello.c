// SPDX-License-Identifier: BSD-2-Clause
/*
 * hello: the smallest character driver, /dev/hello.  A read returns
 * "Hello, World!\n" from the read's offset on, then end of file; every
 * open is counted and logged.  The live-update and recovery issues make
 * the count survive updates (through DS) and reset on restart.
 */
#include <chardriver.h>
#include <sef.h>

static const char greeting[] = "Hello, World!\n";
#define GREETING_LEN (sizeof(greeting) - 1)

static unsigned opens;

static int hello_open(int minor, uint32_t access, endpoint_t user)
{
	(void)access;
	if (minor != 0)
		return -ENXIO;
	opens++;
	printf("hello: open #%u (by %d)\n", opens, user);
	return OK;
}

/* The greeting from io->pos on, at most io->count bytes. */
static int hello_read(const struct cdev_io *io)
{
	if (io->minor != 0)
		return -ENXIO;
	if (io->pos >= GREETING_LEN)
		return 0;
	size_t n = GREETING_LEN - (size_t)io->pos;
	if (n > io->count)
		n = io->count;
	int r = sys_safecopyto(io->caller, io->grant, 0,
			       greeting + (size_t)io->pos, n);
	return r == OK ? (int)n : r;
}

static const struct chardriver hello_tab = {
	.open = hello_open,
	.read = hello_read,
};

static int init_fresh(int type, const struct sef_init_info *info)
{
	(void)type;
	(void)info;
	printf("hello: Hello, World! (fresh start)\n");
	return chardriver_announce();
}

int main(void);
int main(void)
{
	sef_setcb_init_fresh(init_fresh);
	sef_startup();
	chardriver_task(&hello_tab);
}
