// SPDX-License-Identifier: BSD-2-Clause
/*
 * Regression tests for defects a review found: each once let a process
 * fault, confuse or hang the kernel (a direction flag left set across a
 * trap, physical page 0 mapped into user space, FPU state leaking to the
 * next process, a self-send after sys_update, stale notification bits of
 * a freed privilege id, exec leaving IPC pending, a failed SENDA delivery
 * posing as a message, boot services without a signal manager).
 */
#include "ktest.h"

#define KECHO ((endpoint_t)1)

/* ---- 1. DF set by a user process before a trap ---- */
static uint32_t df_buf[64] __attribute__((aligned(512)));

static int user_std_kernel_call(uint32_t unused)
{
	(void)unused;
	for (int i = 0; i < 32; i++)
		df_buf[i] = 0x41414141;
	message *m = (message *)&df_buf[32];
	m->m_type = SYS_SYSCTL;
	m->sys_sysctl.request = SYSCTL_NOP;
	uint32_t r;
	__asm__ volatile("std; int $0x20; cld"
			 : "=a"(r)
			 : "a"(m)
			 : "memory", "cc");
	return (int)r;
}

static void user_with_df_set_cannot_corrupt_kernel(void)
{
	endpoint_t e;
	int result = 0;

	expect_eq(OK, spawn_user(user_std_kernel_call, 0, &e));
	expect_eq(OK, child_wait(e, &result));
	expect_eq(-ECALLDENIED, result);
}

/* ---- 2. FPU/SSE state leaks to the next first-time FPU user ---- */
static uint32_t xmm_magic[4]
	__attribute__((aligned(16))) = { 0x5ec7e701, 0x5ec7e702, 0x5ec7e703,
					 0x5ec7e704 };

static int load_xmm_and_block(uint32_t unused)
{
	message m;
	uint32_t st;

	(void)unused;
	__asm__ volatile("movups %0, %%xmm0" : : "m"(xmm_magic));
	ipc_receive(ktest_ep, &m, &st); /* block, FPU still owned */
	return 0;
}

static int read_xmm0(uint32_t unused)
{
	uint32_t v[4] __attribute__((aligned(16)));

	(void)unused;
	__asm__ volatile("movups %%xmm0, %0" : "=m"(v));
	return (int)v[0];
}

static void fresh_process_sees_no_foreign_sse_state(void)
{
	endpoint_t a, b;
	int result = 0;

	expect_eq(OK, spawn_sys(load_xmm_and_block, 0, &a));
	expect_eq(OK, wait_until_blocked(a, RTS_RECEIVING));
	expect_eq(OK, spawn_user(read_xmm0, 0, &b));
	expect_eq(OK, child_wait(b, &result));
	expect_ne((int)0x5ec7e701, result);
}

/* ---- 3. physical page 0 mapped by VM faults the kernel ---- */
static _Noreturn int block_forever(uint32_t unused)
{
	message m;
	uint32_t st;

	(void)unused;
	for (;;)
		ipc_receive(ktest_ep, &m, &st);
}

#define PAGE0_VA 0x90000000u

static void vm_mapping_phys_page0_cannot_fault_kernel(void)
{
	endpoint_t c;
	uint32_t w = 0x12345678;

	expect_eq(OK, spawn_sys(block_forever, 0, &c));
	struct sys_vmctl_msg v = { .request = VMCTL_MAP,
				   .endpt = c,
				   .vaddr = PAGE0_VA,
				   .paddr = 0,
				   .len = PAGE_SIZE,
				   .flags = VMF_WRITE };
	expect_eq(-EPERM, sys_vmctl(&v));
	expect_eq(-EFAULT, sys_vircopy(SELF, (vir_bytes)&w, c, PAGE0_VA + 0x100,
				       sizeof(w)));
}

/*
 * In a system child holding every kernel call but not VM's flag: what
 * sys_vmctl still lets it do (look its own pages up, as a DMA driver
 * does, and drop its own mappings), and what not (map a physical page,
 * touch another address space, take page faults).  0, or the number of
 * the first check that failed.
 */
static int vmctl_as_a_driver(uint32_t unused)
{
	vir_bytes va = (vir_bytes)&ktest_ep & ~(vir_bytes)(PAGE_SIZE - 1);
	struct sys_vmctl_msg own = { .request = VMCTL_LOOKUP,
				     .endpt = SELF,
				     .vaddr = va };
	struct sys_vmctl_msg other = { .request = VMCTL_LOOKUP,
				       .endpt = ktest_ep,
				       .vaddr = va };
	struct sys_vmctl_msg map = { .request = VMCTL_MAP,
				     .endpt = SELF,
				     .vaddr = PAGE0_VA,
				     .len = PAGE_SIZE };
	struct sys_vmctl_msg fault = { .request = VMCTL_GET_PAGEFAULT };

	(void)unused;
	if (sys_vmctl(&own) != OK || !(own.flags & VMF_PRESENT))
		return 1;
	if (sys_vmctl(&other) != -EPERM)
		return 2;
	map.paddr = own.paddr;
	if (sys_vmctl(&map) != -EPERM)
		return 3;
	if (sys_vmctl(&fault) != -EPERM)
		return 4;
	return 0;
}

static void driver_vmctl_only_looks_up_its_own_pages(void)
{
	endpoint_t c;
	int result = -1;

	expect_eq(OK, spawn_sys(vmctl_as_a_driver, 0, &c));
	expect_eq(OK, child_wait(c, &result));
	expect_eq(0, result);
}

/* ---- 5. stale notify bit after privctl changes the priv id ---- */
static int notify_target(uint32_t target)
{
	return ipc_notify((endpoint_t)target);
}

static int wait_go_then_report_source(uint32_t unused)
{
	message m;
	uint32_t st;

	(void)unused;
	if (ipc_receive(ktest_ep, &m, &st) != OK)
		return -1;
	if (ipc_receive(ANY, &m, &st) != OK || !is_ipc_notify(st))
		return -2;
	return m.m_source;
}

static void notification_of_freed_priv_id_is_dropped_not_misattributed(void)
{
	endpoint_t q, p, r_ep;
	int result = 0;

	expect_eq(OK, spawn_sys(wait_go_then_report_source, 0, &q));
	expect_eq(OK, wait_until_blocked(q, RTS_RECEIVING));
	expect_eq(OK, spawn_sys(notify_target, (uint32_t)q, &p));
	expect_eq(OK, child_wait(p, &result));
	expect_eq(OK, result);
	/* Give p another (static) privilege id: its old id is freed. */
	expect_eq(OK, sys_privctl(p, SYS_PRIV_DISALLOW, 0));
	struct priv_spec s = default_sys_spec();
	s.flags &= ~DYN_PRIV_ID;
	s.id = NR_SYS_PROCS - 1;
	expect_eq(OK, sys_privctl(p, SYS_PRIV_SET_SYS, (vir_bytes)&s));
	expect_eq(OK, spawn_sys(block_forever, 0, &r_ep));
	message go = { .m_type = ECHO_REQ };
	expect_eq(OK, ipc_send(q, &go));
	/* p's pending notification went with its old id: nothing arrives,
	 * in particular nothing that claims to come from r. */
	expect_eq(-ETIMEDOUT, child_wait_for(q, &result, QUIET_TICKS));
}

/* ---- 6. exec does not release a process blocked in sendrec ---- */
static int sendrec_ktest(uint32_t unused)
{
	message m = { .m_type = ECHO_REQ };

	(void)unused;
	return ipc_sendrec(ktest_ep, &m);
}

static void exec_releases_process_blocked_in_sendrec(void)
{
	endpoint_t c;
	message m;
	uint32_t st;

	expect_eq(OK, spawn_sys(sendrec_ktest, 0, &c));
	expect_eq(OK, ktest_receive(c, &m, &st, WAIT_TICKS));
	/* A new program replaces the one waiting for our reply. */
	expect_eq(OK, sys_exec(c, USER_BASE, USER_STACK_TOP - 64, "newprog"));
	expect_eq(0, proc_rts(c) & (RTS_RECEIVING | RTS_SENDING));
}

/* ---- 7. a senda entry whose message cannot be read ---- */
#define SENDA_VA 0x90000000u

static int senda_straddling(uint32_t dst)
{
	/* The entry header is in page 1, the message in page 2. */
	asynmsg_t *t = (asynmsg_t *)(SENDA_VA + PAGE_SIZE - 16);
	t->flags = AMF_VALID;
	t->dst = (endpoint_t)dst;
	t->msg.m_type = ECHO_REQ;
	int r = ipc_senda(t, 1);
	if (r != OK)
		return r;
	struct sys_vmctl_msg u = { .request = VMCTL_UNMAP,
				   .endpt = SELF,
				   .vaddr = SENDA_VA + PAGE_SIZE,
				   .len = PAGE_SIZE };
	return sys_vmctl(&u);
}

static int wait_go_then_receive_any(uint32_t unused)
{
	message m;
	uint32_t st;

	(void)unused;
	if (ipc_receive(ktest_ep, &m, &st) != OK)
		return -1;
	m.m_type = 0x7777;
	int r = ipc_receive(ANY, &m, &st);
	child_values[0] = m.m_type;
	child_values[1] = (int32_t)st;
	return r;
}

static void senda_unreadable_message_is_not_a_received_message(void)
{
	endpoint_t q, s;
	int result = 0;
	struct spawn_opts o = { .kind = SPAWN_SYS, .frozen = true, .slot = -1 };

	expect_eq(OK, spawn_sys(wait_go_then_receive_any, 0, &q));
	expect_eq(OK, wait_until_blocked(q, RTS_RECEIVING));
	expect_eq(OK, spawn(senda_straddling, (uint32_t)q, &o, &s));
	phys_bytes p1 = test_page_get(), p2 = test_page_get();
	struct sys_vmctl_msg v = { .request = VMCTL_MAP,
				   .endpt = s,
				   .vaddr = SENDA_VA,
				   .paddr = p1,
				   .len = PAGE_SIZE,
				   .flags = VMF_WRITE };
	expect_eq(OK, sys_vmctl(&v));
	v.vaddr += PAGE_SIZE;
	v.paddr = p2;
	expect_eq(OK, sys_vmctl(&v));
	expect_eq(OK, sys_privctl(s, SYS_PRIV_ALLOW, 0));
	expect_eq(OK, child_wait(s, &result));
	expect_eq(OK, result);
	message go = { .m_type = ECHO_REQ };
	expect_eq(OK, ipc_send(q, &go));
	/* Nothing deliverable: the receive must still be waiting. */
	expect_eq(-ETIMEDOUT, child_wait_for(q, &result, QUIET_TICKS));
	child_kill(s);
	test_page_put(p1);
	test_page_put(p2);
}

static void boot_services_are_managed_by_root(void)
{
	struct priv_spec k = priv_of(KECHO);
	endpoint_t c;
	struct spawn_opts o = { .kind = SPAWN_SYS, .frozen = true, .slot = -1 };

	expect_eq(ktest_ep, k.sig_mgr);
	expect_eq(OK, spawn(block_forever, 0, &o, &c));
	expect_eq(OK, sys_privctl(c, SYS_PRIV_SET_USER, 0));
	expect_eq(OK, sys_privctl(c, SYS_PRIV_SET_SYS, 0));
	expect_eq(ktest_ep, priv_of(c).sig_mgr);
}

const struct test_case hardening_tests[] = {
	{ "boot_services_are_managed_by_root",
	  boot_services_are_managed_by_root },
	{ "fresh_process_sees_no_foreign_sse_state",
	  fresh_process_sees_no_foreign_sse_state },
	{ "notification_of_freed_priv_id_is_dropped_not_misattributed",
	  notification_of_freed_priv_id_is_dropped_not_misattributed },
	{ "exec_releases_process_blocked_in_sendrec",
	  exec_releases_process_blocked_in_sendrec },
	{ "senda_unreadable_message_is_not_a_received_message",
	  senda_unreadable_message_is_not_a_received_message },
	{ "vm_mapping_phys_page0_cannot_fault_kernel",
	  vm_mapping_phys_page0_cannot_fault_kernel },
	{ "driver_vmctl_only_looks_up_its_own_pages",
	  driver_vmctl_only_looks_up_its_own_pages },
	{ "user_with_df_set_cannot_corrupt_kernel",
	  user_with_df_set_cannot_corrupt_kernel },
	{ NULL, NULL },
};
