// SPDX-License-Identifier: BSD-2-Clause
/*
 * Memory tests: page faults handled by a user-space VM (ktest), the vmctl
 * requests and their error paths, safecopy through direct, indirect and
 * broken grants, and grant-table registration.
 *
 * Grant subjects are system children running offer_grants(): each fills
 * its own copy of owner_buf with a known pattern, registers owner_grants
 * (one entry per flavour below), tells ktest, and once ktest replies
 * returns the word at the buffer offset the reply names, so a test can
 * check what its safecopyto did or did not write.  Pages a test maps by
 * hand come from test_page_get() and go back before the test ends.
 */
#include "ktest.h"

#define KECHO	      ((endpoint_t)1)
#define FAULT_ADDR    0x80000000u /* mapped in nobody */
#define FAULT_WORD    (FAULT_ADDR + 0x10)
#define KERNEL_ADDR   0x00100000u
#define GRANT_BUF_LEN 64
#define GRANT_SEED    0x40

/* x86 page-fault error code bits. */
#define PF_ERR_PRESENT 0x1
#define PF_ERR_WRITE   0x2
#define PF_ERR_USER    0x4

enum owner_grant {
	G_RW_KTEST,   /* direct, read-write, to ktest */
	G_RO_KTEST,   /* direct, read-only, to ktest */
	G_RW_PEER,    /* direct, read-write, to the endpoint given as arg */
	G_RW_ANY,     /* direct, read-write, to anyone */
	G_SEQ3_KTEST, /* direct, read-write, to ktest, sequence number 3 */
	G_SELF_LOOP,  /* indirect, to anyone, passing on itself */
	NR_OWNER_GRANTS
};

static cp_grant_t owner_grants[NR_OWNER_GRANTS];
static uint8_t owner_buf[GRANT_BUF_LEN];
static cp_grant_t relay_grants[1];
static uint32_t data_probe = 1;

/* ---- child bodies ---- */

static int write_and_read_back(uint32_t value)
{
	volatile uint32_t *p = (volatile uint32_t *)FAULT_WORD;

	if (*p != 0)
		return -EGENERIC; /* a fresh page must read as zeroes */
	*p = value;
	return (int)*p;
}

static int read_fault_word(uint32_t unused)
{
	(void)unused;
	return (int)*(volatile uint32_t *)FAULT_WORD;
}

/*
 * Two sendrecs to ktest from one message buffer at FAULT_ADDR, with no
 * other IPC or kernel call in between; ktest changes the mapping while
 * the child waits for the first reply.  The second call's result.
 */
static int sendrec_twice_from_fault_addr(uint32_t unused)
{
	message *m = (message *)FAULT_ADDR;

	(void)unused;
	m->m_type = ECHO_REQ;
	int r = ipc_sendrec(ktest_ep, m);
	if (r != OK)
		return r;
	return ipc_sendrec(ktest_ep, m);
}

static void set_direct(cp_grant_t *g, endpoint_t to, uint32_t access,
		       uint32_t seq)
{
	g->flags = CPF_USED | CPF_VALID | CPF_DIRECT | access;
	g->seq = seq;
	g->direct.who_to = to;
	g->direct.start = (vir_bytes)owner_buf;
	g->direct.len = GRANT_BUF_LEN;
}

static void set_indirect(cp_grant_t *g, endpoint_t to, endpoint_t from,
			 cp_grant_id_t id)
{
	g->flags = CPF_USED | CPF_VALID | CPF_INDIRECT | CPF_READ | CPF_WRITE;
	g->seq = 0;
	g->indirect.who_to = to;
	g->indirect.who_from = from;
	g->indirect.grant = id;
}

static void fill_owner_grants(endpoint_t peer)
{
	set_direct(&owner_grants[G_RW_KTEST], ktest_ep, CPF_READ | CPF_WRITE,
		   0);
	set_direct(&owner_grants[G_RO_KTEST], ktest_ep, CPF_READ, 0);
	set_direct(&owner_grants[G_RW_PEER], peer, CPF_READ | CPF_WRITE, 0);
	set_direct(&owner_grants[G_RW_ANY], ANY, CPF_READ | CPF_WRITE, 0);
	set_direct(&owner_grants[G_SEQ3_KTEST], ktest_ep, CPF_READ | CPF_WRITE,
		   3);
	set_indirect(&owner_grants[G_SELF_LOOP], ANY, sys_self(),
		     GRANT_ID(G_SELF_LOOP, 0));
}

static int offer_grants(uint32_t peer)
{
	message m = { .m_type = CHILD_REPORT };
	uint32_t word;

	for (int i = 0; i < GRANT_BUF_LEN; i++)
		owner_buf[i] = (uint8_t)(GRANT_SEED + i);
	fill_owner_grants((endpoint_t)peer);
	m.word[0] = (uint32_t)sys_setgrant(owner_grants, NR_OWNER_GRANTS);
	int r = ipc_sendrec(ktest_ep, &m);
	if (r != OK)
		return r;
	memcpy(&word, owner_buf + m.word[0], sizeof(word));
	return (int)word;
}

/* Receive (granter, grant) from ktest and pass that grant on to ktest. */
static int pass_on_grant(uint32_t unused)
{
	message m;

	(void)unused;
	int r = ipc_receive(ktest_ep, &m, NULL);
	if (r != OK)
		return r;
	set_indirect(&relay_grants[0], ktest_ep, (endpoint_t)m.word[0],
		     (cp_grant_id_t)m.word[1]);
	m.m_type = CHILD_REPORT;
	m.word[0] = (uint32_t)sys_setgrant(relay_grants, 1);
	return ipc_sendrec(ktest_ep, &m);
}

static int register_grant_table(uint32_t unused)
{
	(void)unused;
	return sys_setgrant(owner_grants, NR_OWNER_GRANTS);
}

/* ---- helpers ---- */

static int vm_lookup(endpoint_t e, vir_bytes va, phys_bytes *pa,
		     uint32_t *flags)
{
	struct sys_vmctl_msg v = { .request = VMCTL_LOOKUP,
				   .endpt = e,
				   .vaddr = va };
	int r = sys_vmctl(&v);

	*pa = v.paddr;
	*flags = v.flags;
	return r;
}

static int vm_request(int request, endpoint_t e, vir_bytes va, phys_bytes pa,
		      vir_bytes len, uint32_t flags)
{
	struct sys_vmctl_msg v = { .request = request,
				   .endpt = e,
				   .vaddr = va,
				   .paddr = pa,
				   .len = len,
				   .flags = flags };
	return sys_vmctl(&v);
}

static int spawn_frozen(enum spawn_kind kind, child_fn fn, endpoint_t *e)
{
	struct spawn_opts o = { .kind = kind, .frozen = true, .slot = -1 };

	return spawn(fn, 0, &o, e);
}

static uint32_t read_word(endpoint_t e, vir_bytes va)
{
	uint32_t w = 0;

	expect_eq(OK, sys_vircopy(e, va, SELF, (vir_bytes)&w, sizeof(w)));
	return w;
}

/* The word at offset of an owner's buffer that nobody wrote to. */
static uint32_t pattern_word(uint32_t offset)
{
	uint32_t w = 0;

	for (int i = 3; i >= 0; i--)
		w = (w << 8) | (uint8_t)(GRANT_SEED + offset + (uint32_t)i);
	return w;
}

/* Spawn a grant owner (G_RW_PEER names peer); OK once its table is set. */
static int start_grant_owner(endpoint_t peer, endpoint_t *e)
{
	message m;
	uint32_t status;
	int r = spawn_sys(offer_grants, (uint32_t)peer, e);

	if (r == OK)
		r = ktest_receive(*e, &m, &status, WAIT_TICKS);
	return r == OK ? (int)m.word[0] : r;
}

/* Let the owner finish; it returns the word at offset of its buffer. */
static uint32_t finish_grant_owner(endpoint_t e, uint32_t offset)
{
	message m = { .m_type = OK };
	int result = 0;

	m.word[0] = offset;
	expect_eq(OK, ipc_send(e, &m));
	expect_eq(OK, child_wait(e, &result));
	return (uint32_t)result;
}

static void expect_pattern(const uint8_t *buf, uint32_t offset, size_t n)
{
	for (size_t i = 0; i < n; i++)
		expect_eq((uint8_t)(GRANT_SEED + offset + i), buf[i]);
}

/* ---- page faults ---- */

static void page_fault_resolved_by_vm_gives_child_a_fresh_page(void)
{
	struct spawn_opts o = { .kind = SPAWN_SYS,
				.map_on_fault = true,
				.slot = -1 };
	endpoint_t e;
	int result = 0;

	expect_eq(OK, spawn(write_and_read_back, 0x5eed1234u, &o, &e));
	expect_eq(OK, child_wait(e, &result));
	expect_eq(0x5eed1234, result);
	expect_eq(0, child_signals(e));
	expect_eq(0x5eed1234u, read_word(e, FAULT_WORD));
}

static void page_fault_is_reported_to_vm_and_resumed_by_hand(void)
{
	struct sys_vmctl_msg v = { .request = VMCTL_GET_PAGEFAULT };
	const uint32_t marker = 0xfeedf00du;
	phys_bytes pa = test_page_get();
	endpoint_t e;
	int result = 0;

	expect_ne(0, pa);
	expect_eq(OK, spawn_sys(read_fault_word, 0, &e));
	expect_eq(OK, wait_until_blocked(e, RTS_PAGEFAULT));
	expect_eq(OK, sys_vmctl(&v));
	expect_eq(e, v.endpt);
	expect_eq(FAULT_WORD, v.vaddr);
	expect_eq(PF_ERR_USER,
		  v.err & (PF_ERR_USER | PF_ERR_WRITE | PF_ERR_PRESENT));
	expect_eq(OK, vm_request(VMCTL_MAP, e, FAULT_ADDR, pa, PAGE_SIZE,
				 VMF_WRITE));
	expect_eq(OK, sys_vircopy(SELF, (vir_bytes)&marker, e, FAULT_WORD, 4));
	expect_eq(OK, vm_request(VMCTL_RESUME, e, 0, 0, 0, 0));
	expect_eq(OK, child_wait(e, &result));
	expect_eq((int)marker, result);
	expect_eq(-EINVAL, vm_request(VMCTL_RESUME, e, 0, 0, 0, 0));
	child_kill(e);
	test_page_put(pa);
}

/* ---- vmctl ---- */

static void vmctl_lookup_reports_present_and_write_flags(void)
{
	phys_bytes pa = 0;
	uint32_t flags = 0;
	vir_bytes data = (vir_bytes)&data_probe, text = (vir_bytes)&vm_lookup;

	expect_eq(OK, vm_lookup(SELF, data, &pa, &flags));
	expect_eq(VMF_PRESENT | VMF_WRITE, flags);
	expect_eq(data & (PAGE_SIZE - 1), pa & (PAGE_SIZE - 1));
	expect_eq(OK, vm_lookup(SELF, text, &pa, &flags));
	expect_eq(VMF_PRESENT, flags);
	expect_eq(text & (PAGE_SIZE - 1), pa & (PAGE_SIZE - 1));
}

static void vmctl_lookup_of_unmapped_address_returns_efault(void)
{
	phys_bytes pa;
	uint32_t flags;

	expect_eq(-EFAULT, vm_lookup(SELF, FAULT_ADDR, &pa, &flags));
	expect_eq(-EFAULT, vm_lookup(SELF, KERNEL_ADDR, &pa, &flags));
	expect_eq(-EFAULT, vm_lookup(SELF, 0, &pa, &flags));
}

static void vmctl_lookup_shows_child_shares_text_but_not_data(void)
{
	phys_bytes mine, childs;
	uint32_t flags;
	endpoint_t e;

	expect_eq(OK, spawn_frozen(SPAWN_SYS, read_fault_word, &e));
	expect_eq(OK, vm_lookup(SELF, (vir_bytes)&vm_lookup, &mine, &flags));
	expect_eq(OK, vm_lookup(e, (vir_bytes)&vm_lookup, &childs, &flags));
	expect_eq(mine, childs);
	expect_eq(VMF_PRESENT, flags);
	expect_eq(OK, vm_lookup(SELF, (vir_bytes)&data_probe, &mine, &flags));
	expect_eq(OK, vm_lookup(e, (vir_bytes)&data_probe, &childs, &flags));
	expect_ne(mine, childs);
	expect_eq(VMF_PRESENT | VMF_WRITE, flags);
}

static void vmctl_map_with_bad_range_returns_einval(void)
{
	phys_bytes pa = test_page_get(), got;
	uint32_t flags;
	endpoint_t e;

	expect_eq(OK, spawn_frozen(SPAWN_SYS, read_fault_word, &e));
	expect_eq(-EINVAL,
		  vm_request(VMCTL_MAP, e, FAULT_ADDR + 8, pa, PAGE_SIZE, 0));
	expect_eq(-EINVAL,
		  vm_request(VMCTL_MAP, e, FAULT_ADDR, pa + 8, PAGE_SIZE, 0));
	expect_eq(-EINVAL, vm_request(VMCTL_MAP, e, FAULT_ADDR, pa, 0, 0));
	expect_eq(-EINVAL, vm_request(VMCTL_MAP, e, FAULT_ADDR, pa, 100, 0));
	expect_eq(-EINVAL, vm_request(VMCTL_MAP, e, USER_BASE - PAGE_SIZE, pa,
				      PAGE_SIZE, 0));
	expect_eq(-EINVAL,
		  vm_request(VMCTL_MAP, e, 0xfffff000u, pa, 2 * PAGE_SIZE, 0));
	expect_eq(-EFAULT, vm_lookup(e, FAULT_ADDR, &got, &flags));
	test_page_put(pa);
}

static void vmctl_map_of_kernel_frame_returns_eperm(void)
{
	phys_bytes pa;
	uint32_t flags;
	endpoint_t e;

	expect_eq(OK, spawn_frozen(SPAWN_SYS, read_fault_word, &e));
	expect_eq(-EPERM, vm_request(VMCTL_MAP, e, FAULT_ADDR, KERNEL_ADDR,
				     PAGE_SIZE, VMF_WRITE));
	expect_eq(-EFAULT, vm_lookup(e, FAULT_ADDR, &pa, &flags));
	expect_eq(-EPERM, vm_request(VMCTL_MAP, CLOCK, FAULT_ADDR, KERNEL_ADDR,
				     PAGE_SIZE, 0));
}

static void vmctl_map_then_lookup_finds_page_in_frozen_child(void)
{
	const uint32_t value = 0xc0ffee42u;
	phys_bytes pa = test_page_get(), got = 0;
	uint32_t flags = 0;
	endpoint_t e;

	expect_eq(OK, spawn_frozen(SPAWN_SYS, read_fault_word, &e));
	expect_eq(OK, vm_request(VMCTL_MAP, e, FAULT_ADDR, pa, PAGE_SIZE,
				 VMF_WRITE));
	expect_eq(OK, vm_lookup(e, FAULT_WORD, &got, &flags));
	expect_eq(pa + (FAULT_WORD - FAULT_ADDR), got);
	expect_eq(VMF_PRESENT | VMF_WRITE, flags);
	expect_eq(OK, sys_vircopy(SELF, (vir_bytes)&value, e, FAULT_WORD, 4));
	expect_eq(value, read_word(e, FAULT_WORD));
	expect_eq(OK, vm_request(VMCTL_UNMAP, e, FAULT_ADDR, 0, PAGE_SIZE, 0));
	test_page_put(pa);
}

static void vmctl_map_without_write_flag_is_read_only(void)
{
	const uint32_t value = 7;
	phys_bytes pa = test_page_get(), got;
	uint32_t flags = 0;
	endpoint_t e;

	expect_eq(OK, spawn_frozen(SPAWN_SYS, read_fault_word, &e));
	expect_eq(OK, vm_request(VMCTL_MAP, e, FAULT_ADDR, pa, PAGE_SIZE, 0));
	expect_eq(OK, vm_lookup(e, FAULT_ADDR, &got, &flags));
	expect_eq(VMF_PRESENT, flags);
	expect_eq(-EFAULT,
		  sys_vircopy(SELF, (vir_bytes)&value, e, FAULT_WORD, 4));
	expect_eq(OK, vm_request(VMCTL_UNMAP, e, FAULT_ADDR, 0, PAGE_SIZE, 0));
	test_page_put(pa);
}

static void vmctl_unmap_then_lookup_returns_efault(void)
{
	const uint32_t value = 9;
	phys_bytes pa = test_page_get(), got;
	uint32_t flags;
	endpoint_t e;

	expect_eq(OK, spawn_frozen(SPAWN_SYS, read_fault_word, &e));
	expect_eq(OK, vm_request(VMCTL_MAP, e, FAULT_ADDR, pa, PAGE_SIZE,
				 VMF_WRITE));
	expect_eq(OK, vm_request(VMCTL_UNMAP, e, FAULT_ADDR, 0, PAGE_SIZE, 0));
	expect_eq(-EFAULT, vm_lookup(e, FAULT_ADDR, &got, &flags));
	expect_eq(-EFAULT,
		  sys_vircopy(SELF, (vir_bytes)&value, e, FAULT_WORD, 4));
	test_page_put(pa);
}

/*
 * Run sendrec_twice_from_fault_addr with FAULT_ADDR mapped writable, and
 * after its first call remap the page with flags (or unmap it if
 * unmap); the child's second result.
 */
static int second_sendrec_after_remap(bool unmap, uint32_t flags)
{
	phys_bytes pa = test_page_get();
	message m = { .m_type = OK };
	uint32_t status;
	endpoint_t e;
	int result = 1;

	expect_eq(OK,
		  spawn_frozen(SPAWN_SYS, sendrec_twice_from_fault_addr, &e));
	expect_eq(OK, vm_request(VMCTL_MAP, e, FAULT_ADDR, pa, PAGE_SIZE,
				 VMF_WRITE));
	expect_eq(OK, sys_privctl(e, SYS_PRIV_ALLOW, 0));
	expect_eq(OK, ktest_receive(e, &m, &status, WAIT_TICKS));
	expect_eq(ECHO_REQ, m.m_type);
	m.m_type = OK;
	expect_eq(OK, ipc_send(e, &m));
	/* The child is ready now but runs only once ktest blocks. */
	expect_eq(OK, vm_request(VMCTL_UNMAP, e, FAULT_ADDR, 0, PAGE_SIZE, 0));
	if (!unmap)
		expect_eq(OK, vm_request(VMCTL_MAP, e, FAULT_ADDR, pa,
					 PAGE_SIZE, flags));
	expect_eq(OK, child_wait(e, &result));
	child_kill(e);
	test_page_put(pa);
	return result;
}

/*
 * The kernel remembers the last message buffer it translated for each
 * process; any change of that process's mappings must make it look again.
 */
static void ipc_buffer_unmapped_between_calls_returns_efault(void)
{
	expect_eq(-EFAULT, second_sendrec_after_remap(true, 0));
}

static void ipc_buffer_made_read_only_between_calls_returns_efault(void)
{
	expect_eq(-EFAULT, second_sendrec_after_remap(false, 0));
}

static void vmctl_resume_without_page_fault_returns_einval(void)
{
	endpoint_t e;

	expect_eq(OK, spawn_frozen(SPAWN_SYS, read_fault_word, &e));
	expect_eq(-EINVAL, vm_request(VMCTL_RESUME, e, 0, 0, 0, 0));
	expect_eq(-EINVAL, vm_request(VMCTL_RESUME, KECHO, 0, 0, 0, 0));
}

static void vmctl_unknown_request_returns_einval(void)
{
	expect_eq(-EINVAL, vm_request(0, SELF, FAULT_ADDR, 0, PAGE_SIZE, 0));
	expect_eq(-EINVAL, vm_request(99, SELF, FAULT_ADDR, 0, PAGE_SIZE, 0));
	expect_eq(-EINVAL, vm_request(-1, KECHO, FAULT_ADDR, 0, PAGE_SIZE, 0));
}

static void vmctl_get_pagefault_with_none_pending_returns_none(void)
{
	struct sys_vmctl_msg v = { .request = VMCTL_GET_PAGEFAULT,
				   .endpt = KECHO };

	expect_eq(OK, sys_vmctl(&v));
	expect_eq(NONE, v.endpt);
}

/* ---- safecopy through grants ---- */

static void safecopy_from_and_to_direct_grant_moves_bytes(void)
{
	const uint32_t value = 0xa5c3e1f0u;
	uint8_t buf[GRANT_BUF_LEN];
	endpoint_t e;

	memset(buf, 0, sizeof(buf));
	expect_eq(OK, start_grant_owner(KECHO, &e));
	expect_eq(OK, sys_safecopyfrom(e, GRANT_ID(G_RW_KTEST, 0), 0, buf,
				       GRANT_BUF_LEN));
	expect_pattern(buf, 0, GRANT_BUF_LEN);
	memset(buf, 0, sizeof(buf));
	expect_eq(OK, sys_safecopyfrom(e, GRANT_ID(G_RW_KTEST, 0), 10, buf, 5));
	expect_pattern(buf, 10, 5);
	expect_eq(0, buf[5]);
	expect_eq(OK,
		  sys_safecopyto(e, GRANT_ID(G_RW_KTEST, 0), 20, &value, 4));
	expect_eq(value, finish_grant_owner(e, 20));
}

static void safecopy_to_wrong_grantee_returns_eperm(void)
{
	const uint32_t value = 1;
	uint8_t buf[4];
	endpoint_t e;

	expect_eq(OK, start_grant_owner(KECHO, &e));
	expect_eq(-EPERM,
		  sys_safecopyfrom(e, GRANT_ID(G_RW_PEER, 0), 0, buf, 4));
	expect_eq(-EPERM,
		  sys_safecopyto(e, GRANT_ID(G_RW_PEER, 0), 0, &value, 4));
	expect_eq(pattern_word(0), finish_grant_owner(e, 0));
}

static void safecopy_beyond_grant_length_returns_eperm(void)
{
	const uint32_t value = 2;
	uint8_t buf[16];
	endpoint_t e;
	cp_grant_id_t g = GRANT_ID(G_RW_KTEST, 0);

	expect_eq(OK, start_grant_owner(KECHO, &e));
	expect_eq(-EPERM, sys_safecopyfrom(e, g, GRANT_BUF_LEN - 4, buf, 8));
	expect_eq(-EPERM, sys_safecopyfrom(e, g, GRANT_BUF_LEN, buf, 1));
	expect_eq(-EPERM, sys_safecopyfrom(e, g, 0xfffffff8u, buf, 16));
	expect_eq(-EPERM, sys_safecopyto(e, g, GRANT_BUF_LEN - 2, &value, 4));
	expect_eq(OK, sys_safecopyfrom(e, g, GRANT_BUF_LEN - 4, buf, 4));
	expect_pattern(buf, GRANT_BUF_LEN - 4, 4);
	expect_eq(pattern_word(GRANT_BUF_LEN - 4),
		  finish_grant_owner(e, GRANT_BUF_LEN - 4));
}

static void safecopy_to_read_only_grant_returns_eperm(void)
{
	const uint32_t value = 3;
	uint8_t buf[8];
	endpoint_t e;

	expect_eq(OK, start_grant_owner(KECHO, &e));
	expect_eq(OK, sys_safecopyfrom(e, GRANT_ID(G_RO_KTEST, 0), 8, buf, 8));
	expect_pattern(buf, 8, 8);
	expect_eq(-EPERM,
		  sys_safecopyto(e, GRANT_ID(G_RO_KTEST, 0), 8, &value, 4));
	expect_eq(pattern_word(8), finish_grant_owner(e, 8));
}

static void safecopy_with_wrong_sequence_number_returns_eperm(void)
{
	uint8_t buf[4];
	endpoint_t e;

	expect_eq(OK, start_grant_owner(KECHO, &e));
	expect_eq(-EPERM,
		  sys_safecopyfrom(e, GRANT_ID(G_RW_KTEST, 1), 0, buf, 4));
	expect_eq(-EPERM,
		  sys_safecopyfrom(e, GRANT_ID(G_SEQ3_KTEST, 0), 0, buf, 4));
	expect_eq(-EPERM,
		  sys_safecopyfrom(e, GRANT_ID(G_SEQ3_KTEST, 4), 0, buf, 4));
	expect_eq(OK,
		  sys_safecopyfrom(e, GRANT_ID(G_SEQ3_KTEST, 3), 0, buf, 4));
	expect_pattern(buf, 0, 4);
}

static void safecopy_with_grant_id_beyond_table_returns_eperm(void)
{
	uint8_t buf[4];
	endpoint_t e;

	expect_eq(OK, start_grant_owner(KECHO, &e));
	expect_eq(-EPERM,
		  sys_safecopyfrom(e, GRANT_ID(NR_OWNER_GRANTS, 0), 0, buf, 4));
	expect_eq(-EPERM, sys_safecopyfrom(e, GRANT_ID(100000, 0), 0, buf, 4));
	expect_eq(-EPERM, sys_safecopyfrom(e, GRANT_INVALID, 0, buf, 4));
}

static void safecopy_from_granter_without_table_returns_eperm(void)
{
	uint8_t buf[4];
	endpoint_t sys, user;

	expect_eq(OK, spawn_frozen(SPAWN_SYS, read_fault_word, &sys));
	expect_eq(OK, spawn_frozen(SPAWN_USER, read_fault_word, &user));
	expect_eq(-EPERM, sys_safecopyfrom(sys, GRANT_ID(0, 0), 0, buf, 4));
	expect_eq(-EPERM, sys_safecopyfrom(user, GRANT_ID(0, 0), 0, buf, 4));
	expect_eq(-EPERM, sys_safecopyfrom(KECHO, GRANT_ID(0, 0), 0, buf, 4));
	child_kill(sys);
	expect_eq(-EDEADSRCDST,
		  sys_safecopyfrom(sys, GRANT_ID(0, 0), 0, buf, 4));
}

static void safecopy_with_unmapped_local_buffer_returns_efault(void)
{
	phys_bytes pa;
	uint32_t flags;
	endpoint_t e;

	expect_eq(-EFAULT, vm_lookup(SELF, FAULT_ADDR, &pa, &flags));
	expect_eq(OK, start_grant_owner(KECHO, &e));
	expect_eq(-EFAULT, sys_safecopyfrom(e, GRANT_ID(G_RW_KTEST, 0), 0,
					    (void *)FAULT_ADDR, 16));
	expect_eq(-EFAULT, sys_safecopyto(e, GRANT_ID(G_RW_KTEST, 0), 0,
					  (const void *)FAULT_ADDR, 16));
	expect_eq(pattern_word(0), finish_grant_owner(e, 0));
}

static void safecopy_through_grant_to_any_succeeds(void)
{
	const uint32_t value = 0x01020304u;
	uint8_t buf[GRANT_BUF_LEN];
	endpoint_t e;

	memset(buf, 0, sizeof(buf));
	expect_eq(OK, start_grant_owner(KECHO, &e));
	expect_eq(OK, sys_safecopyfrom(e, GRANT_ID(G_RW_ANY, 0), 0, buf,
				       GRANT_BUF_LEN));
	expect_pattern(buf, 0, GRANT_BUF_LEN);
	expect_eq(OK, sys_safecopyto(e, GRANT_ID(G_RW_ANY, 0), 32, &value, 4));
	expect_eq(value, finish_grant_owner(e, 32));
}

static void safecopy_through_indirect_grant_reads_original_granter(void)
{
	uint8_t buf[GRANT_BUF_LEN];
	endpoint_t owner, relay;
	message m = { .m_type = CHILD_REPORT };
	uint32_t status;

	memset(buf, 0, sizeof(buf));
	expect_eq(OK, spawn_sys(pass_on_grant, 0, &relay));
	expect_eq(OK, start_grant_owner(relay, &owner));
	m.word[0] = (uint32_t)owner;
	m.word[1] = (uint32_t)GRANT_ID(G_RW_PEER, 0);
	expect_eq(OK, ipc_send(relay, &m));
	expect_eq(OK, ktest_receive(relay, &m, &status, WAIT_TICKS));
	expect_eq(OK, (int)m.word[0]); /* relay's sys_setgrant */
	expect_eq(-EPERM,
		  sys_safecopyfrom(owner, GRANT_ID(G_RW_PEER, 0), 0, buf, 4));
	expect_eq(OK, sys_safecopyfrom(relay, GRANT_ID(0, 0), 0, buf,
				       GRANT_BUF_LEN));
	expect_pattern(buf, 0, GRANT_BUF_LEN);
}

static void safecopy_through_self_referencing_indirect_grant_returns_eloop(void)
{
	uint8_t buf[4];
	endpoint_t e;

	expect_eq(OK, start_grant_owner(KECHO, &e));
	expect_eq(-ELOOP,
		  sys_safecopyfrom(e, GRANT_ID(G_SELF_LOOP, 0), 0, buf, 4));
	expect_eq(pattern_word(0), finish_grant_owner(e, 0));
}

/* ---- grant-table registration ---- */

static void setgrant_with_unmapped_table_returns_efault(void)
{
	expect_eq(-EFAULT, sys_setgrant((cp_grant_t *)FAULT_ADDR, 4));
	expect_eq(-EFAULT, sys_setgrant((cp_grant_t *)KERNEL_ADDR, 1));
	expect_eq(-EFAULT, sys_setgrant(NULL, 1));
}

static void setgrant_with_bad_entry_count_returns_einval(void)
{
	expect_eq(-EINVAL, sys_setgrant(owner_grants, -1));
	expect_eq(-EINVAL,
		  sys_setgrant(owner_grants, (1 << GRANT_IDX_BITS) + 1));
}

static void setgrant_from_user_process_is_denied(void)
{
	endpoint_t e;
	int result = 0;

	expect_eq(OK, spawn_user(register_grant_table, 0, &e));
	expect_eq(OK, child_wait(e, &result));
	expect_eq(-ECALLDENIED, result);
}

const struct test_case memory_tests[] = {
	{ "page_fault_resolved_by_vm_gives_child_a_fresh_page",
	  page_fault_resolved_by_vm_gives_child_a_fresh_page },
	{ "page_fault_is_reported_to_vm_and_resumed_by_hand",
	  page_fault_is_reported_to_vm_and_resumed_by_hand },
	{ "vmctl_lookup_reports_present_and_write_flags",
	  vmctl_lookup_reports_present_and_write_flags },
	{ "vmctl_lookup_of_unmapped_address_returns_efault",
	  vmctl_lookup_of_unmapped_address_returns_efault },
	{ "vmctl_lookup_shows_child_shares_text_but_not_data",
	  vmctl_lookup_shows_child_shares_text_but_not_data },
	{ "vmctl_map_with_bad_range_returns_einval",
	  vmctl_map_with_bad_range_returns_einval },
	{ "vmctl_map_of_kernel_frame_returns_eperm",
	  vmctl_map_of_kernel_frame_returns_eperm },
	{ "vmctl_map_then_lookup_finds_page_in_frozen_child",
	  vmctl_map_then_lookup_finds_page_in_frozen_child },
	{ "vmctl_map_without_write_flag_is_read_only",
	  vmctl_map_without_write_flag_is_read_only },
	{ "vmctl_unmap_then_lookup_returns_efault",
	  vmctl_unmap_then_lookup_returns_efault },
	{ "ipc_buffer_unmapped_between_calls_returns_efault",
	  ipc_buffer_unmapped_between_calls_returns_efault },
	{ "ipc_buffer_made_read_only_between_calls_returns_efault",
	  ipc_buffer_made_read_only_between_calls_returns_efault },
	{ "vmctl_resume_without_page_fault_returns_einval",
	  vmctl_resume_without_page_fault_returns_einval },
	{ "vmctl_unknown_request_returns_einval",
	  vmctl_unknown_request_returns_einval },
	{ "vmctl_get_pagefault_with_none_pending_returns_none",
	  vmctl_get_pagefault_with_none_pending_returns_none },
	{ "safecopy_from_and_to_direct_grant_moves_bytes",
	  safecopy_from_and_to_direct_grant_moves_bytes },
	{ "safecopy_to_wrong_grantee_returns_eperm",
	  safecopy_to_wrong_grantee_returns_eperm },
	{ "safecopy_beyond_grant_length_returns_eperm",
	  safecopy_beyond_grant_length_returns_eperm },
	{ "safecopy_to_read_only_grant_returns_eperm",
	  safecopy_to_read_only_grant_returns_eperm },
	{ "safecopy_with_wrong_sequence_number_returns_eperm",
	  safecopy_with_wrong_sequence_number_returns_eperm },
	{ "safecopy_with_grant_id_beyond_table_returns_eperm",
	  safecopy_with_grant_id_beyond_table_returns_eperm },
	{ "safecopy_from_granter_without_table_returns_eperm",
	  safecopy_from_granter_without_table_returns_eperm },
	{ "safecopy_with_unmapped_local_buffer_returns_efault",
	  safecopy_with_unmapped_local_buffer_returns_efault },
	{ "safecopy_through_grant_to_any_succeeds",
	  safecopy_through_grant_to_any_succeeds },
	{ "safecopy_through_indirect_grant_reads_original_granter",
	  safecopy_through_indirect_grant_reads_original_granter },
	{ "safecopy_through_self_referencing_indirect_grant_returns_eloop",
	  safecopy_through_self_referencing_indirect_grant_returns_eloop },
	{ "setgrant_with_unmapped_table_returns_efault",
	  setgrant_with_unmapped_table_returns_efault },
	{ "setgrant_with_bad_entry_count_returns_einval",
	  setgrant_with_bad_entry_count_returns_einval },
	{ "setgrant_from_user_process_is_denied",
	  setgrant_from_user_process_is_denied },
	{ NULL, NULL },
};
