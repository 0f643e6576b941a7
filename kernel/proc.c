// SPDX-License-Identifier: BSD-2-Clause
/*
 * The process table, endpoint validation and the scheduler.
 *
 * A process is runnable iff rts_flags == 0; rts_set()/rts_unset() (inline,
 * kernel.h) keep the ready queues in step with that rule through
 * proc_enqueue()/proc_dequeue(), and nothing else touches them.  The
 * scheduler runs the head of the highest-priority non-empty queue; a
 * preemptible process that uses up its quantum goes to the tail.  With
 * nothing to run the kernel halts in schedule() until an interrupt.
 */
#include "kernel.h"

struct proc proc_table[NR_TASKS + NR_PROCS];
struct proc *current;
static struct proc *rdy_head[NR_SCHED_QUEUES];
static struct proc *rdy_tail[NR_SCHED_QUEUES];
static uint32_t rdy_mask; /* bit q: queue q is not empty */

static const char *const task_names[NR_TASKS] = {
	"asyncm", "idle", "clock", "system", "kernel",
};

void proc_init(void)
{
	for (int i = 0; i < NR_TASKS + NR_PROCS; i++) {
		struct proc *p = &proc_table[i];
		memset(p, 0, sizeof(*p));
		p->nr = i - NR_TASKS;
		p->endpoint = ENDPOINT(0, p->nr);
		p->rts_flags = RTS_SLOT_FREE;
		p->getfrom = p->sendto = NONE;
	}
	for (int n = -NR_TASKS; n < 0; n++) {
		struct proc *p = proc_addr(n);
		strlcpy(p->name, task_names[n + NR_TASKS], sizeof(p->name));
		p->rts_flags =
			RTS_PROC_STOP; /* tasks are identities, never run */
		p->priority = n == IDLE ? IDLE_Q : TASK_Q;
	}
	current = proc_addr(IDLE);
}

/* As endpoint_lookup, with SELF meaning the caller. */
int endpoint_lookup_self(struct proc *caller, endpoint_t e, struct proc **pp)
{
	if (e == SELF) {
		*pp = caller;
		return OK;
	}
	return endpoint_lookup(e, pp);
}

/* The endpoint the next instance in p's slot will carry. */
endpoint_t proc_next_endpoint(struct proc *p)
{
	int gen = ENDPOINT_G(p->endpoint) + 1;

	if (gen > ENDPOINT_MAX_GENERATION)
		gen = 1;
	return ENDPOINT(gen, p->nr);
}

void proc_enqueue(struct proc *p)
{
	int q = p->priority;

	p->next_ready = NULL;
	if (rdy_head[q] == NULL)
		rdy_head[q] = p;
	else
		rdy_tail[q]->next_ready = p;
	rdy_tail[q] = p;
	rdy_mask |= 1u << q;
}

/* Unlink p, which is not the head, from ready queue q. */
static __attribute__((noinline)) void dequeue_inner(struct proc *p, int q)
{
	struct proc *prev = rdy_head[q];

	while (prev != NULL && prev->next_ready != p)
		prev = prev->next_ready;
	if (prev == NULL)
		panic("dequeue: %s (slot %d) not on ready queue %d", p->name,
		      p->nr, q);
	prev->next_ready = p->next_ready;
	if (rdy_tail[q] == p)
		rdy_tail[q] = prev;
}

/*
 * Take p off its ready queue.  The process that blocks is nearly always
 * the one running, at the head of its queue: that case takes no walk.
 */
void proc_dequeue(struct proc *p)
{
	int q = p->priority;

	if (rdy_head[q] != p) {
		dequeue_inner(p, q);
		return;
	}
	rdy_head[q] = p->next_ready;
	if (p->next_ready == NULL) {
		rdy_tail[q] = NULL;
		rdy_mask &= ~(1u << q);
	}
}

/* Move the current process to the back of its queue (quantum used up). */
void sched_yield_current(void)
{
	if (current->rts_flags == 0) {
		proc_dequeue(current);
		proc_enqueue(current);
	}
}

/* Reset a slot to a free, empty state, keeping slot number and endpoint. */
void proc_reset_slot(struct proc *p)
{
	int nr = p->nr;
	endpoint_t e = p->endpoint;

	if (p->rts_flags == 0)
		proc_dequeue(p);
	memset(p, 0, sizeof(*p));
	p->nr = nr;
	p->endpoint = e;
	p->rts_flags = RTS_SLOT_FREE;
	p->getfrom = p->sendto = NONE;
}

static struct proc *pick_proc(void)
{
	return rdy_mask != 0 ? rdy_head[__builtin_ctz(rdy_mask)] : NULL;
}

/*
 * Choose the process to run and prepare the CPU for it.  Called from the
 * exit path (entry.S) with interrupts off; returns the process whose
 * register frame is to be popped.
 */
struct proc *schedule(void)
{
	struct proc *p;

	while ((p = pick_proc()) == NULL) {
		current = proc_addr(IDLE);
		__asm__ volatile("sti; hlt; cli" ::: "memory");
	}
	if (p == current)
		return p; /* e.g. after a kernel call: nothing to switch */
	if (kinfo.first_proc_tsc == 0)
		kinfo.first_proc_tsc = rdtsc();
	as_switch(p);
	fpu_arm(p);
	arch_set_kernel_stack((uint32_t)(&p->regs + 1));
	current = p;
	return p;
}
