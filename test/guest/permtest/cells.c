// SPDX-License-Identifier: BSD-2-Clause
/*
 * The cells of the permission matrix (permtest.c runs them): each is one
 * forbidden thing a normal user tries, made in a child that has become
 * uid PERM_UID.  A cell function returns the call's result (OK or -E*);
 * the child exits with its error number, so the parent compares it with
 * the cell's wanted error.  A cell whose child must die of a signal
 * (port I/O) never returns.
 */
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <unistd.h>

#include <axo/libc.h>

#include "permtest.h"

int perm_trap(uint32_t trap, endpoint_t dst, message *m)
{
	int r = (int)trap;
	uint32_t addr = (uint32_t)m;

	__asm__ volatile("int $0x21"
			 : "+a"(r), "+b"(dst), "+c"(addr)
			 :
			 : "memory");
	return r;
}

/* A sendrec of a harmless request (type) to endpoint e. */
int cell_ipc(int e)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = PM_GETPID;
	return perm_trap(SENDREC, (endpoint_t)e, &m);
}

/* IPC trap t (not sendrec) to PM, which users may reach by sendrec. */
int cell_trap(int t)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = PM_GETPID;
	return perm_trap((uint32_t)t, t == SENDA ? 0 : PM_PROC_NR, &m);
}

/* Kernel call number KERNEL_CALL + nr with an all-zero request. */
int cell_kcall(int nr)
{
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_type = KERNEL_CALL + nr;
	__asm__ volatile("int $0x20" : "=a"(r) : "a"(&m) : "memory");
	return r;
}

/*
 * A safecopy from another process's memory through a grant it never
 * made for us: grant id g of VFS (or PM when g is odd).
 */
int cell_forged_grant(int g)
{
	uint8_t buf[64];
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_type = SYS_SAFECOPYFROM;
	m.sys_safecopy.granter = (g & 1) ? PM_PROC_NR : VFS_PROC_NR;
	m.sys_safecopy.grant = g;
	m.sys_safecopy.offset = 0;
	m.sys_safecopy.address = (vir_bytes)buf;
	m.sys_safecopy.bytes = sizeof(buf);
	__asm__ volatile("int $0x20" : "=a"(r) : "a"(&m) : "memory");
	return r;
}

/*
 * One port-I/O or privileged instruction, or (4) a read of kernel
 * memory: the kernel must kill us.
 */
int cell_port_io(int which)
{
	uint8_t v = 0;

	switch (which) {
	case 0:
		__asm__ volatile("inb %1, %0"
				 : "=a"(v)
				 : "Nd"((uint16_t)0x3f8));
		break;
	case 1:
		__asm__ volatile("outb %0, %1"
				 :
				 : "a"(v), "Nd"((uint16_t)0x80));
		break;
	case 2:
		__asm__ volatile("cli");
		break;
	case 4:
		v = *(volatile uint8_t *)0x100000; /* the kernel's image */
		break;
	default:
		__asm__ volatile("hlt");
		break;
	}
	(void)v;
	return OK; /* reached only if it was allowed */
}

static const char *const devices[] = { "/dev/ram", "/dev/c0d0", "/dev/hello",
				       "/etc/motd" };

/* Opening a device (or a root file) for writing. */
int cell_open_write(int i)
{
	int fd = open(devices[i], O_WRONLY);

	if (fd >= 0) {
		close(fd);
		return OK;
	}
	return -errno;
}

/* Opening the raw disk for reading. */
int cell_open_disk(int i)
{
	(void)i;
	int fd = open("/dev/c0d0", O_RDONLY);

	if (fd >= 0) {
		close(fd);
		return OK;
	}
	return -errno;
}

static int result(int r)
{
	return r < 0 ? -errno : OK;
}

/* A request to a server that only the superuser or a server may make. */
int cell_server(int which)
{
	message m;

	memset(&m, 0, sizeof(m));
	switch (which) {
	case 0:
		return result(reboot(PM_RB_HALT));
	case 1:
		return result(setuid(0));
	case 2:
		return result(kill(1, SIGKILL));
	case 3:
		return result(mount("/dev/c0d0", "/mnt", "ext2", 0, NULL));
	case 4:
		return result(umount("/"));
	case 5:
		return result(chown("/etc/motd", PERM_UID, PERM_UID));
	case 6:
		m.m_type = VFS_MAPDRIVER;
		return r_of(perm_trap(SENDREC, VFS_PROC_NR, &m), &m);
	case 7:
		m.m_type = VFS_PM_EXIT;
		return r_of(perm_trap(SENDREC, VFS_PROC_NR, &m), &m);
	case 8:
		m.m_type = PM_SRV_FORK;
		return r_of(perm_trap(SENDREC, PM_PROC_NR, &m), &m);
	case 9:
		m.m_type = VM_EXIT;
		m.vm_endpt.endpt = VFS_PROC_NR;
		return r_of(perm_trap(SENDREC, VM_PROC_NR, &m), &m);
	case 10:
		m.m_type = RS_SHUTDOWN;
		return r_of(perm_trap(SENDREC, RS_PROC_NR, &m), &m);
	case 12:
		m.m_type = CDEV_REPLY; /* as if we were a driver */
		return r_of(perm_trap(SENDREC, VFS_PROC_NR, &m), &m);
	default:
		m.m_type = COMMON_REQ_FI_CTL;
		return r_of(perm_trap(SENDREC, VFS_PROC_NR, &m), &m);
	}
}

/* The reply's status, or the trap's error. */
int r_of(int r, const message *m)
{
	return r != OK ? r : m->m_type;
}
