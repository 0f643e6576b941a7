// SPDX-License-Identifier: BSD-2-Clause
/*
 * RS's boot table: the kernel calls and IPC peers of every boot service.
 * RS checks each boot module against it at boot (a module without an
 * entry stops the boot with a clear message), so the table and
 * boot/modules.list cannot silently disagree.
 *
 * IPC permission is symmetric in the kernel (allowing A to reach B lets
 * B answer A), so the peers of a service are those it names plus those
 * that name it.  "user" stands for every user process.
 */
#include "rs.h"

#include <axo/dmap.h>

#define BASE_CALLS RS_BASIC_CALLS

/* ... and what a driver adds: its hardware, and clearing stale IPC. */
#define DRIVER_CALLS SYS_IRQCTL, SYS_DEVIO, SYS_SDEVIO, SYS_STATECTL

static const int ds_calls[] = { BASE_CALLS, 0 };
static const int vfs_calls[] = { BASE_CALLS, SYS_VIRCOPY, 0 };
static const int fs_calls[] = { BASE_CALLS, 0 };
static const int driver_calls[] = { BASE_CALLS, DRIVER_CALLS, 0 };
/* ata does bus-master DMA: it looks its buffers' pages up (only that). */
static const int ata_calls[] = { BASE_CALLS, DRIVER_CALLS, SYS_VMCTL, 0 };
static const int vm_calls[] = { BASE_CALLS, SYS_VMCTL, SYS_VIRCOPY, SYS_FORK,
				SYS_CLEAR,  SYS_KILL,  SYS_UPDATE,  0 };
static const int pm_calls[] = { BASE_CALLS,  SYS_EXEC,	    SYS_CLEAR,
				SYS_KILL,    SYS_GETKSIG,   SYS_ENDKSIG,
				SYS_SIGSEND, SYS_SIGRETURN, SYS_VIRCOPY,
				SYS_PRIVCTL, SYS_ABORT,	    0 };

static const char *const ds_peers[] = { "rs", NULL };
static const char *const vm_peers[] = { "rs", "pm", "user", NULL };
static const char *const pm_peers[] = { "rs", "vm", "ds", "user", NULL };
static const char *const vfs_peers[] = { "pm",	 "vm",	   "ds",  "user",
					 "ext2", "memory", "tty", "hello",
					 "ata",	 NULL };
static const char *const ext2_peers[] = { "ds", "ata", NULL };
static const char *const chr_peers[] = { "ds", NULL };
static const char *const tty_peers[] = { "ds", "pm", NULL };

/*
 * The primary IDE channel, and for DMA the PCI configuration ports and
 * the channel's bus-master registers (BAR4 of the PIIX IDE function,
 * where SeaBIOS puts it on QEMU's pc machine).
 */
static const struct boot_device ata_device = { 4,
					       { { 0x1f0, 0x1f7 },
						 { 0x3f6, 0x3f6 },
						 { 0xcf8, 0xcff },
						 { 0xc040, 0xc047 } },
					       14 };
static const struct boot_device tty_device = { 1, { { 0x3f8, 0x3ff } }, 4 };

/*
 * Core servers may not be taken down; drivers are pinged, and so are DS
 * and VM, which never wait for another service (silence means they are
 * stuck, as after an injected loop).  PM, VFS and ext2 are not: they wait
 * for each other and for drivers, as long as a restart takes.  The disk
 * driver restarts after a second at most, never after the binary
 * backoff: ext2 hides its crashes only if it is back within seconds.
 */
#define CORE	  .sys_flags = SF_CORE_SRV
#define DRIVER(m) .period = RS_DRIVER_PERIOD, .major = (m)

static const struct boot_priv boot_table[] = {
	{ "ds", 0, CORE, .period = RS_CORE_PERIOD, .major = -1,
	  .calls = ds_calls, .peers = ds_peers },
	{ "vm", VM_SYS_PROC,
	  .sys_flags = SF_CORE_SRV | SF_NEED_REPL | SF_USE_REPL,
	  .period = RS_CORE_PERIOD, .major = -1, .calls = vm_calls,
	  .peers = vm_peers },
	{ "pm", 0, CORE, .major = -1, .calls = pm_calls, .peers = pm_peers },
	{ "vfs", 0, CORE, .major = -1, .calls = vfs_calls, .peers = vfs_peers },
	{ "ext2", 0, .major = -1, .calls = fs_calls, .peers = ext2_peers },
	{ "memory", 0, DRIVER(MEMORY_MAJOR), .calls = driver_calls,
	  .peers = chr_peers },
	{ "hello", 0, DRIVER(HELLO_MAJOR), .calls = driver_calls,
	  .peers = chr_peers },
	{ "tty", 0, DRIVER(TTY_MAJOR), .calls = driver_calls,
	  .peers = tty_peers, .device = &tty_device },
	{ "ata", 0, DRIVER(ATA_MAJOR), .sys_flags = SF_NO_BIN_EXP,
	  .calls = ata_calls, .peers = chr_peers, .device = &ata_device },
};

const struct boot_priv *boot_priv_find(const char *label)
{
	for (size_t i = 0; i < sizeof(boot_table) / sizeof(boot_table[0]); i++)
		if (strcmp(boot_table[i].label, label) == 0)
			return &boot_table[i];
	return NULL;
}

static bool names(const char *const *peers, const char *label)
{
	for (; peers != NULL && *peers != NULL; peers++)
		if (strcmp(*peers, label) == 0)
			return true;
	return false;
}

/* The privilege id the kernel gave the boot process in slot proc_nr. */
static int boot_priv_id(int proc_nr)
{
	return FIRST_BOOT_PRIV_ID + proc_nr;
}

static void allow_peer(struct priv_spec *spec, int id)
{
	priv_mask_set(spec->ipc_to, id);
}

/*
 * The privileges of boot service bp, given the boot image (n entries):
 * its calls, and IPC with RS, with the peers it names, with the services
 * naming it, and with user processes if either side says "user".
 */
int boot_priv_spec(const struct boot_priv *bp,
		   const struct boot_image_entry *image, int n,
		   struct priv_spec *spec)
{
	memset(spec, 0, sizeof(*spec));
	spec->flags = SYS_PROC | PREEMPTIBLE | CHECK_IO_PORT | CHECK_IRQ |
		      bp->flags;
	spec->trap_mask = TRAP_MASK_ALL;
	spec->id = PRIV_ID_ANY;
	spec->sig_mgr = sys_self();
	spec->bak_sig_mgr = NONE;
	for (const int *c = bp->calls; *c != 0; c++) {
		int bit = *c - KERNEL_CALL;
		if (bit < 0 || bit >= NR_SYS_CALLS)
			return -EINVAL;
		priv_mask_set(spec->k_call_mask, bit);
	}
	if (bp->device != NULL) {
		const struct boot_device *d = bp->device;
		spec->nr_io = d->nr_io;
		memcpy(spec->io, d->io, sizeof(d->io));
		if (d->irq >= 0) {
			spec->nr_irq = 1;
			spec->irq[0] = d->irq;
		}
	}
	if (names(bp->peers, "user"))
		allow_peer(spec, USER_PRIV_ID);
	for (int i = 0; i < n; i++) {
		const struct boot_image_entry *b = &image[i];
		if (b->flags & (BOOT_FILE | BOOT_USER))
			continue;
		const struct boot_priv *other = boot_priv_find(b->name);
		bool root = (b->flags & BOOT_ROOT) != 0;
		if (root || names(bp->peers, b->name) ||
		    (other != NULL && names(other->peers, bp->label)))
			allow_peer(spec, boot_priv_id(b->proc_nr));
	}
	return OK;
}
