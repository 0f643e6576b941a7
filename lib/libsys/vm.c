// SPDX-License-Identifier: BSD-2-Clause
/*
 * VM client: wrappers that fill one named payload, sendrec to VM and
 * copy the reply fields out.  VM answers m_type = OK or -E*.
 */
#include "syslib.h"
#include "vm.h"

static int vm_call(int type, message *m)
{
	m->m_type = type;
	int r = ipc_sendrec(VM_PROC_NR, m);
	return r != OK ? r : m->m_type;
}

/*
 * A copy of parent in slot (-1: any), or an empty process with
 * VM_FORK_EMPTY in flags; *child is not yet runnable.
 */
int vm_fork(endpoint_t parent, int slot, uint32_t flags, endpoint_t *child)
{
	message m = { 0 };

	m.vm_fork.parent = parent;
	m.vm_fork.slot = slot;
	m.vm_fork.flags = flags;
	int r = vm_call(VM_FORK, &m);
	if (r == OK && child != NULL)
		*child = m.vm_fork.child;
	return r;
}

/* Send the exec request x (type VM_EXEC or VM_EXEC_FILE) for e, named name. */
static int exec_call(int type, struct vm_exec_msg *x, endpoint_t e,
		     const char *name, vir_bytes *entry, vir_bytes *sp)
{
	message m = { 0 };

	if (strlen(name) >= PROC_NAME_LEN)
		return -ENAMETOOLONG;
	m.vm_exec = *x;
	m.vm_exec.endpt = e;
	strlcpy(m.vm_exec.name, name, sizeof(m.vm_exec.name));
	int r = vm_call(type, &m);
	if (r == OK) {
		*entry = m.vm_exec.entry;
		*sp = m.vm_exec.sp;
	}
	return r;
}

/* New image for e from boot file name; see struct vm_exec_msg. */
int vm_exec(endpoint_t e, const char *name, vir_bytes frame,
	    vir_bytes frame_len, vir_bytes *entry, vir_bytes *sp)
{
	struct vm_exec_msg x = { .frame = frame, .frame_len = frame_len };

	return exec_call(VM_EXEC, &x, e, name, entry, sp);
}

/*
 * New image for e from the ELF file at [image, image + len) in the
 * caller's memory (VFS, RS); name is what the process is called.
 */
int vm_exec_image(endpoint_t e, const char *name, vir_bytes image, size_t len,
		  vir_bytes *entry, vir_bytes *sp)
{
	struct vm_exec_msg x = { .image = image, .image_len = len };

	return exec_call(VM_EXEC_FILE, &x, e, name, entry, sp);
}

/* Free all memory of e; call before the kernel slot is cleared. */
int vm_exit(endpoint_t e)
{
	message m = { 0 };

	m.vm_endpt.endpt = e;
	return vm_call(VM_EXIT, &m);
}

/*
 * The break as the last vm_brk() left it (0: never asked).  It lives in
 * data, so an identity state transfer learns the old instance's heap.
 */
vir_bytes vm_brk_now;

/* Set the caller's break to addr (0: only ask); *brk is the break now. */
int vm_brk(vir_bytes addr, vir_bytes *brk)
{
	message m = { 0 };

	m.vm_brk.addr = addr;
	int r = vm_call(VM_BRK, &m);
	if (r == OK)
		vm_brk_now = m.vm_brk.brk;
	if (r == OK && brk != NULL)
		*brk = m.vm_brk.brk;
	return r;
}

int vm_info(struct vm_info_msg *info)
{
	message m = { 0 };

	int r = vm_call(VM_INFO, &m);
	if (r == OK)
		*info = m.vm_info;
	return r;
}

/* After sys_update(src, dst): swap VM's records of the two slots. */
int vm_update(endpoint_t src, endpoint_t dst)
{
	message m = { 0 };

	m.vm_update.src = src;
	m.vm_update.dst = dst;
	return vm_call(VM_UPDATE, &m);
}

/* Name, VM_BF_* flags and size of boot file index; -ENOENT past the end. */
int vm_boot_file(int index, char name[PROC_NAME_LEN], uint32_t *flags,
		 uint32_t *size)
{
	message m = { 0 };

	m.vm_boot_file.index = index;
	int r = vm_call(VM_BOOT_FILE, &m);
	if (r == OK) {
		memcpy(name, m.vm_boot_file.name, PROC_NAME_LEN);
		name[PROC_NAME_LEN - 1] = '\0';
		*flags = m.vm_boot_file.flags;
		*size = m.vm_boot_file.size;
	}
	return r;
}
