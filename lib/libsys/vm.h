/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The VM client for servers (lib/libsys/vm.c): one sendrec to VM per
 * call, returning OK or -E*.  VM checks the caller: fork is PM's, exec
 * PM's or RS's (exec_image VFS's or RS's), exit PM's or RS's, update
 * RS's; the rest anyone's.
 */
#ifndef LIBSYS_VM_H
#define LIBSYS_VM_H

#include <axo/ipc.h>

int vm_fork(endpoint_t parent, int slot, uint32_t flags, endpoint_t *child);
int vm_exec(endpoint_t e, const char *name, vir_bytes frame,
	    vir_bytes frame_len, vir_bytes *entry, vir_bytes *sp);
int vm_exec_image(endpoint_t e, const char *name, vir_bytes image, size_t len,
		  vir_bytes *entry, vir_bytes *sp);
int vm_exit(endpoint_t e);
int vm_brk(vir_bytes addr, vir_bytes *brk);
extern vir_bytes vm_brk_now; /* the break vm_brk() last reported */
int vm_info(struct vm_info_msg *info);
int vm_update(endpoint_t src, endpoint_t dst);
int vm_boot_file(int index, char name[PROC_NAME_LEN], uint32_t *flags,
		 uint32_t *size);

#endif
