// SPDX-License-Identifier: BSD-2-Clause
/*
 * hello: the smallest character driver, /dev/hello.  A read returns
 * "Hello, World!\n" from the read's offset on, then end of file; every
 * open is counted and logged.
 *
 * One init callback serves the three ways to start (minix-facts §5.3):
 *   fresh    greet, counter 0, announce to DS;
 *   restart  say we were restarted, counter 0 (the crash lost it),
 *            announce, so VFS invalidates what was open on the dead one;
 *   update   take the counter the old version left in DS (then delete
 *            it), say we are a new version, do not announce: the
 *            endpoint and the opens carry over.
 * The old version saves the counter from its state-save callback.
 * SIGTERM (`service down`, `refresh`) ends it at once.
 */
#include <chardriver.h>
#include <ds.h>
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
	printf("hello: open by %d, called %u time(s)\n", user, opens);
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

#define COUNTER_KEY "open_counter"

/* The old version, about to be replaced: leave the counter in DS. */
static int save_state(int state, uint32_t flags)
{
	(void)state;
	(void)flags;
	return ds_publish_u32(COUNTER_KEY, opens, DSF_OVERWRITE);
}

/* The counter the old version saved, consumed; 0 if there is none. */
static unsigned restore_counter(void)
{
	uint32_t value = 0;
	int r = ds_retrieve_u32(COUNTER_KEY, &value);

	if (r != OK) {
		printf("hello: no saved counter (%d), starting at 0\n", r);
		return 0;
	}
	ds_delete_u32(COUNTER_KEY);
	return value;
}

/* Init for all three start types; see the file comment. */
static int init(int type, const struct sef_init_info *info)
{
	(void)info;
	opens = 0;
	switch (type) {
	case SEF_INIT_FRESH:
		printf("hello: Hello, World!\n");
		break;
	case SEF_INIT_RESTART:
		printf("hello: Hello, World! Hey, I've just been restarted!\n");
		break;
	case SEF_INIT_LU:
		opens = restore_counter();
		printf("hello: Hello, World! Hey, I'm a new version! "
		       "(counter %u)\n",
		       opens);
		break;
	default:
		return -EINVAL;
	}
	return chardriver_announce(type); /* nothing for SEF_INIT_LU */
}

int main(void);
int main(void)
{
	sef_setcb_init_fresh(init);
	sef_setcb_init_restart(init);
	sef_setcb_init_lu(init);
	sef_setcb_lu_state_save(save_state);
	sef_setcb_signal_handler(sef_cb_signal_handler_term); /* service down */
	sef_startup();
	chardriver_task(&hello_tab);
}
