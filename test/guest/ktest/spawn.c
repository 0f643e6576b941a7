// SPDX-License-Identifier: BSD-2-Clause
/*
 * Child processes for the tests, and the ktest side of being VM and
 * signal manager.
 *
 * spawn() forks ktest into a free slot and builds the child's memory the
 * way a VM would: ktest's code pages are shared read-only, data and bss
 * are copied into fresh pages, and a fresh stack is set up so that the
 * child starts in child_entry (child.S), which calls fn(arg) and reports
 * the result to ktest with a CHILD_DONE sendrec.  Physical pages come from
 * the free memory the kernel reports in kinfo.
 *
 * ktest_receive() is ktest's one receive: it absorbs kernel signals
 * (recorded per child, the child stays frozen), page faults (mapped or
 * turned into SIGSEGV), child results and stale alarms, and returns
 * anything else to the caller.
 */
#include "ktest.h"

#define MAX_CHILDREN	  16
#define MAX_CHILD_PAGES	  48
#define MAX_FREE_PAGES	  2048
#define CHILD_STACK_PAGES 4

extern char __text_start[], __text_end[], __data_start[], __data_end[];
void child_entry(void);
_Noreturn void child_main(child_fn fn, uint32_t arg);

struct child {
	endpoint_t ep; /* NONE: unused */
	bool done;
	int result;
	ksigset_t sigs;
	bool map_on_fault;
	int npages;
	phys_bytes pages[MAX_CHILD_PAGES];
};

endpoint_t ktest_ep;
static struct child children[MAX_CHILDREN];
static phys_bytes mem_next, mem_end;
static phys_bytes free_pages[MAX_FREE_PAGES];
static unsigned nr_free, nr_out;
static uint8_t zero_page[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

void spawn_init(void)
{
	struct kinfo ki;

	ktest_ep = sys_self();
	if (sys_getinfo(GET_KINFO, &ki, sizeof(ki), NONE) != OK)
		panic("spawn_init: no kinfo");
	mem_next = ki.free_mem[0].base;
	mem_end = ki.free_mem[0].base + ki.free_mem[0].size;
	for (int i = 0; i < MAX_CHILDREN; i++)
		children[i].ep = NONE;
}

static phys_bytes page_get(void)
{
	phys_bytes pa = 0;

	if (nr_free > 0)
		pa = free_pages[--nr_free];
	else if (mem_next + PAGE_SIZE <= mem_end) {
		pa = mem_next;
		mem_next += PAGE_SIZE;
	}
	if (pa != 0)
		nr_out++;
	return pa;
}

static void page_put(phys_bytes pa)
{
	if (nr_free < MAX_FREE_PAGES)
		free_pages[nr_free++] = pa;
	nr_out--;
}

unsigned pages_outstanding(void)
{
	return nr_out;
}

/*
 * A page of free memory for a test that maps pages by hand, or 0 when none
 * is left.  The page counts as outstanding until test_page_put(); the test
 * must unmap it (or clear the process) before giving it back.
 */
phys_bytes test_page_get(void)
{
	return page_get();
}

void test_page_put(phys_bytes pa)
{
	page_put(pa);
}

static struct child *find_child(endpoint_t e)
{
	for (int i = 0; i < MAX_CHILDREN; i++)
		if (children[i].ep == e)
			return &children[i];
	return NULL;
}

static int vm_map(endpoint_t e, vir_bytes va, phys_bytes pa, uint32_t flags)
{
	struct sys_vmctl_msg v = { .request = VMCTL_MAP,
				   .endpt = e,
				   .vaddr = va,
				   .paddr = pa,
				   .len = PAGE_SIZE,
				   .flags = flags };
	return sys_vmctl(&v);
}

/* Give c a fresh writable page at va, filled from src (NULL: zeroes). */
static int child_page(struct child *c, vir_bytes va, const void *src)
{
	if (c->npages == MAX_CHILD_PAGES)
		return -ENOMEM;
	phys_bytes pa = page_get();
	if (pa == 0)
		return -ENOMEM;
	c->pages[c->npages++] = pa;
	int r = vm_map(c->ep, va, pa, VMF_WRITE);
	if (r == OK)
		r = sys_vircopy(SELF, (vir_bytes)(src ? src : zero_page), c->ep,
				va, PAGE_SIZE);
	return r;
}

static int share_text(struct child *c)
{
	for (vir_bytes va = (vir_bytes)__text_start; va < (vir_bytes)__text_end;
	     va += PAGE_SIZE) {
		struct sys_vmctl_msg v = { .request = VMCTL_LOOKUP,
					   .endpt = SELF,
					   .vaddr = va };
		int r = sys_vmctl(&v);
		if (r == OK)
			r = vm_map(c->ep, va, v.paddr & ~(PAGE_SIZE - 1), 0);
		if (r != OK)
			return r;
	}
	return OK;
}

static int build_memory(struct child *c, child_fn fn, uint32_t arg)
{
	int r = share_text(c);

	for (vir_bytes va = (vir_bytes)__data_start;
	     r == OK && va < (vir_bytes)__data_end; va += PAGE_SIZE)
		r = child_page(c, va, (const void *)va);
	vir_bytes stack = USER_STACK_TOP - CHILD_STACK_PAGES * PAGE_SIZE;
	for (vir_bytes va = stack; r == OK && va < USER_STACK_TOP;
	     va += PAGE_SIZE)
		r = child_page(c, va, NULL);
	uint32_t frame[4] = { (uint32_t)fn, arg, 0, 0 };
	if (r == OK)
		r = sys_vircopy(SELF, (vir_bytes)frame, c->ep,
				USER_STACK_TOP - sizeof(frame), sizeof(frame));
	if (r == OK)
		r = sys_exec(c->ep, (vir_bytes)child_entry,
			     USER_STACK_TOP - sizeof(frame), "kchild");
	return r;
}

struct priv_spec default_sys_spec(void)
{
	struct priv_spec s;

	memset(&s, 0, sizeof(s));
	s.flags = SYS_PROC | PREEMPTIBLE | DYN_PRIV_ID;
	s.trap_mask = TRAP_MASK_ALL;
	s.id = PRIV_ID_ANY;
	s.sig_mgr = ktest_ep;
	s.bak_sig_mgr = NONE;
	memset(s.ipc_to, 0xff, sizeof(s.ipc_to));
	memset(s.k_call_mask, 0xff, sizeof(s.k_call_mask));
	return s;
}

static int set_privileges(endpoint_t e, const struct spawn_opts *o)
{
	if (o->kind == SPAWN_USER)
		return sys_privctl(e, SYS_PRIV_SET_USER, 0);
	struct priv_spec s = o->spec ? *o->spec : default_sys_spec();
	return sys_privctl(e, SYS_PRIV_SET_SYS, (vir_bytes)&s);
}

int spawn(child_fn fn, uint32_t arg, const struct spawn_opts *o,
	  endpoint_t *out)
{
	struct child *c = find_child(NONE);
	int r;

	if (c == NULL)
		return -EAGAIN;
	if ((r = sys_fork(SELF, o->slot, &c->ep)) != OK) {
		c->ep = NONE;
		return r;
	}
	c->done = false;
	c->sigs = 0;
	c->npages = 0;
	c->map_on_fault = o->map_on_fault;
	r = build_memory(c, fn, arg);
	if (r == OK)
		r = set_privileges(c->ep, o);
	if (r == OK && !o->frozen)
		r = sys_privctl(c->ep, SYS_PRIV_ALLOW, 0);
	if (r != OK) {
		child_kill(c->ep);
		return r;
	}
	*out = c->ep;
	return OK;
}

int spawn_sys(child_fn fn, uint32_t arg, endpoint_t *out)
{
	struct spawn_opts o = { .kind = SPAWN_SYS, .slot = -1 };

	return spawn(fn, arg, &o, out);
}

int spawn_user(child_fn fn, uint32_t arg, endpoint_t *out)
{
	struct spawn_opts o = { .kind = SPAWN_USER, .slot = -1 };

	return spawn(fn, arg, &o, out);
}

void child_kill(endpoint_t e)
{
	struct child *c = find_child(e);

	sys_clear(e);
	if (c == NULL)
		return;
	for (int i = 0; i < c->npages; i++)
		page_put(c->pages[i]);
	c->ep = NONE;
}

void children_reap_all(void)
{
	saved_notify_clear();
	for (int i = 0; i < MAX_CHILDREN; i++)
		if (children[i].ep != NONE)
			child_kill(children[i].ep);
}

/* Runs in the child: call the test function and report its result. */
_Noreturn void child_main(child_fn fn, uint32_t arg)
{
	message m = { .m_type = CHILD_DONE };

	m.word[0] = (uint32_t)fn(arg);
	ipc_sendrec(ktest_ep, &m);
	for (;;)
		ipc_sendrec(ktest_ep, &m);
}

/* ---- ktest's receive: signals, page faults, results ---- */

static void collect_signals(void)
{
	endpoint_t e;
	ksigset_t sigs;

	while (sys_getksig(&e, &sigs) == OK && e != NONE) {
		struct child *c = find_child(e);
		if (c != NULL)
			c->sigs |= sigs;
		else
			sys_endksig(e); /* not ours to stop: let it go on */
	}
}

static void handle_page_faults(void)
{
	for (;;) {
		struct sys_vmctl_msg v = { .request = VMCTL_GET_PAGEFAULT };
		if (sys_vmctl(&v) != OK || v.endpt == NONE)
			return;
		struct child *c = find_child(v.endpt);
		vir_bytes page = v.vaddr & ~(PAGE_SIZE - 1);
		if (c != NULL && c->map_on_fault && page >= USER_BASE &&
		    child_page(c, page, NULL) == OK) {
			struct sys_vmctl_msg res = { .request = VMCTL_RESUME,
						     .endpt = v.endpt };
			sys_vmctl(&res);
		} else {
			sys_kill(v.endpt, SIGSEGV);
		}
	}
}

/* A message or notification that ktest itself deals with? */
static bool absorb(message *m, uint32_t status, clock_t64 deadline,
		   bool *expired)
{
	if (is_ipc_notify(status)) {
		if (m->m_source == SYSTEM) {
			collect_signals();
			return true;
		}
		if (m->m_source == HARDWARE && m->notify.interrupts == 0) {
			handle_page_faults();
			return true;
		}
		if (m->m_source == CLOCK) {
			*expired = m->notify.timestamp >= deadline;
			return true;
		}
		return false;
	}
	struct child *c = find_child(m->m_source);
	if (m->m_type == CHILD_DONE && c != NULL) {
		c->done = true;
		c->result = (int)m->word[0];
		return true;
	}
	return false;
}

#define MAX_SAVED 8
static struct saved {
	message m;
	uint32_t status;
	bool used;
} saved[MAX_SAVED];

static void save_notify(const message *m, uint32_t status)
{
	for (int i = 0; i < MAX_SAVED; i++) {
		if (!saved[i].used) {
			saved[i] = (struct saved){ *m, status, true };
			return;
		}
	}
}

static bool take_saved_notify(endpoint_t from, message *m, uint32_t *status)
{
	for (int i = 0; i < MAX_SAVED; i++) {
		if (saved[i].used &&
		    (from == ANY || saved[i].m.m_source == from)) {
			*m = saved[i].m;
			*status = saved[i].status;
			saved[i].used = false;
			return true;
		}
	}
	return false;
}

/* Forget saved notifications (between tests). */
void saved_notify_clear(void)
{
	for (int i = 0; i < MAX_SAVED; i++)
		saved[i].used = false;
}

/*
 * Receive the next message from `from' (or ANY) that ktest's bookkeeping
 * does not absorb, waiting at most ticks; with from == NONE, return after
 * the first absorbed event instead.  A HARDWARE notification with
 * interrupt bits is returned (the IRQ test wants it).  -ETIMEDOUT when the
 * time runs out.
 */
int ktest_receive(endpoint_t from, message *m, uint32_t *status, int ticks)
{
	struct sys_times_msg t;
	bool expired = false;

	if (from != NONE && take_saved_notify(from, m, status))
		return OK;
	sys_times(NONE, &t);
	clock_t64 deadline = t.uptime + (clock_t64)ticks;
	sys_setalarm((uint32_t)ticks, NULL);
	for (;;) {
		int r = ipc_receive(ANY, m, status);
		if (r != OK)
			return r;
		if (absorb(m, *status, deadline, &expired)) {
			if (expired)
				return -ETIMEDOUT;
			if (from == NONE) { /* caller re-checks its state */
				sys_setalarm(0, NULL);
				return OK;
			}
			continue;
		}
		if (from == ANY || m->m_source == from ||
		    (is_ipc_notify(*status) && from == m->m_source)) {
			sys_setalarm(0, NULL);
			return OK;
		}
		/* Keep notifications for a later receive; refuse stray requests
		 * (from fuzzing children) rather than leave the sender blocked. */
		if (is_ipc_notify(*status)) {
			save_notify(m, *status);
		} else {
			m->m_type = -EBADREQUEST;
			ipc_sendnb(m->m_source, m);
		}
	}
}

/*
 * Wait up to ticks for child e's result.  OK, -EINTR if it was
 * signalled, -ETIMEDOUT.
 */
int child_wait_for(endpoint_t e, int *result, int ticks)
{
	struct child *c = find_child(e);
	message m;
	uint32_t status;

	if (c == NULL)
		return -ESRCH;
	while (!c->done && c->sigs == 0) {
		int r = ktest_receive(NONE, &m, &status, ticks);
		if (r != OK)
			return r;
	}
	if (c->sigs != 0)
		return -EINTR;
	*result = c->result;
	return OK;
}

int child_wait(endpoint_t e, int *result)
{
	return child_wait_for(e, result, WAIT_TICKS);
}

ksigset_t child_signals(endpoint_t e)
{
	struct child *c = find_child(e);

	return c ? c->sigs : 0;
}

/* Wait until child e is stopped by a signal; *sig is the lowest one. */
int child_wait_signal(endpoint_t e, int *sig)
{
	int result, r = child_wait(e, &result);

	if (r == OK)
		return -ENOENT; /* it finished instead */
	if (r != -EINTR)
		return r;
	*sig = __builtin_ctzll(child_signals(e));
	return OK;
}

uint32_t proc_rts(endpoint_t e)
{
	struct proc_info pi;

	if (sys_getinfo(GET_PROC, &pi, sizeof(pi), e) != OK)
		return RTS_SLOT_FREE;
	return pi.rts_flags;
}

/* Sleep for a tick or so, receiving nothing but the clock. */
static void sleep_tick(void)
{
	message m;

	sys_setalarm(1, NULL);
	ipc_receive(CLOCK, &m, NULL);
}

/* Let others run until e has rts_flag set (e.g. it blocked sending). */
int wait_until_blocked(endpoint_t e, uint32_t rts_flag)
{
	for (int i = 0; i < WAIT_TICKS; i++) {
		if (proc_rts(e) & rts_flag)
			return OK;
		sleep_tick();
	}
	return -ETIMEDOUT;
}

/* ---- running a child that reports several values ---- */

int32_t child_values[MAX_VALUES];

/* Run fn in a child until it reports; fetch its result and child_values. */
void run_child(child_fn fn, uint32_t arg, const struct spawn_opts *o,
	       struct child_run *run)
{
	run->ep = NONE;
	run->result = UNSET;
	for (int i = 0; i < MAX_VALUES; i++)
		run->values[i] = UNSET;
	expect_eq(OK, spawn(fn, arg, o, &run->ep));
	expect_eq(OK, child_wait(run->ep, &run->result));
	expect_eq(OK, sys_vircopy(run->ep, (vir_bytes)child_values, SELF,
				  (vir_bytes)run->values, sizeof(run->values)));
}

struct spawn_opts sys_opts(const struct priv_spec *spec, bool frozen)
{
	return (struct spawn_opts){
		.kind = SPAWN_SYS, .spec = spec, .frozen = frozen, .slot = -1
	};
}

/* The privileges of e as getinfo reports them. */
struct priv_spec priv_of(endpoint_t e)
{
	struct priv_spec s;

	memset(&s, 0, sizeof(s));
	expect_eq(OK, sys_getinfo(GET_PRIV, &s, sizeof(s), e));
	return s;
}
