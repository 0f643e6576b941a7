// SPDX-License-Identifier: BSD-2-Clause
/*
 * sys_abort: halt or reboot the machine, or (for tests) leave the emulator
 * with a status through QEMU's isa-debug-exit device.
 */
#include "../kernel.h"

int do_abort(struct proc *caller, message *m)
{
	int how = m->sys_abort.how;

	if (how != ABORT_HALT && how != ABORT_REBOOT && how != ABORT_EXIT)
		return -EINVAL;
	kprintf("kernel: %s requested %s (status %d)\n", caller->name,
		how == ABORT_HALT   ? "halt" :
		how == ABORT_REBOOT ? "reboot" :
				      "exit",
		m->sys_abort.status);
	arch_shutdown(how, m->sys_abort.status);
}
