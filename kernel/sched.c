// SPDX-License-Identifier: GPL-2.0
/*
 * The scheduler: round robin over the runnable tasks of one CPU.
 * Linux: kernel/sched/core.c (schedule, try_to_wake_up, context_switch),
 * kernel/sched/rt.c (SCHED_RR's time slice), kernel/sched/idle.c
 *
 *   run queue:  [B] -> [C] -> [D]        runnable tasks waiting for the CPU
 *   current:    A                        the one running
 *
 * schedule() puts A at the tail if it is still runnable (its state is
 * TASK_RUNNING) and switches to the head; when the queue is empty the
 * idle task (pid 0) runs and halts the CPU until an interrupt. A task
 * that sleeps sets its state first (TASK_INTERRUPTIBLE, ...), so
 * schedule() leaves it off the queue until try_to_wake_up() puts it back.
 *
 * Preemption: the timer tick takes one tick off the running task's time
 * slice (100 ms, Linux's RR_TIMESLICE); at zero it sets TIF_NEED_RESCHED,
 * and the task is switched out on its way back to user mode. The kernel
 * itself is never preempted: kernel code runs until it sleeps or returns
 * to user mode, so kernel data needs no locks, only interrupts off where
 * interrupt handlers touch it (the run queue, wait queues, timers).
 * Linux's default is CFS with wake-up preemption; round robin is what
 * the course texts start with, and it is fair enough for one CPU.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/mm.h>
#include <linux/wait.h>
#include <asm/irqflags.h>
#include <asm/mmu_context.h>
#include <asm/switch_to.h>
#include <asm/uaccess.h>

#define RR_TIMESLICE	(100 * HZ / 1000)	/* 100 ms in ticks */

static struct rq {
	struct list_head queue;		/* runnable tasks but the current one */
	unsigned long nr_running;	/* including the current one, not idle */
	unsigned long nr_switches;
	struct mm_struct *prev_mm;	/* a lazy mm to drop after a switch */
} rq = {
	.queue = LIST_HEAD_INIT(rq.queue),
};

/* Queue a runnable task at the tail (interrupts off). */
static void enqueue_task(struct task_struct *p)
{
	list_add_tail(&p->run_list, &rq.queue);
}

/* A runnable task stops being runnable (interrupts off). */
static void deactivate_task(struct task_struct *p)
{
	p->on_rq = 0;
	rq.nr_running--;
}

static void activate_task(struct task_struct *p)
{
	p->on_rq = 1;
	rq.nr_running++;
	if (p != current)
		enqueue_task(p);
	/* The idle task gives way at once. */
	if (is_idle_task(current))
		set_tsk_need_resched(current);
}

/*
 * Wake p if its state is in state_mask: make it runnable and queue it.
 * Returns whether it was woken. Safe from interrupt handlers.
 * Linux: try_to_wake_up()
 */
static int try_to_wake_up(struct task_struct *p, unsigned int state_mask)
{
	unsigned long flags;
	int woken = 0;

	local_irq_save(flags);
	if (READ_ONCE(p->__state) & state_mask) {
		WRITE_ONCE(p->__state, TASK_RUNNING);
		if (!p->on_rq)
			activate_task(p);
		woken = 1;
	}
	local_irq_restore(flags);
	return woken;
}

int wake_up_process(struct task_struct *p)
{
	return try_to_wake_up(p, TASK_NORMAL);
}

int wake_up_state(struct task_struct *p, unsigned int state)
{
	return try_to_wake_up(p, state);
}

/* A new task gets a full slice; it is not runnable until wake_up_new_task. */
void sched_fork(struct task_struct *p)
{
	p->__state = TASK_NEW;
	p->on_rq = 0;
	p->time_slice = RR_TIMESLICE;
	INIT_LIST_HEAD(&p->run_list);
}

void wake_up_new_task(struct task_struct *p)
{
	unsigned long flags;

	local_irq_save(flags);
	p->__state = TASK_RUNNING;
	activate_task(p);
	local_irq_restore(flags);
}

static struct task_struct *pick_next_task(void)
{
	struct task_struct *next;

	if (list_empty(&rq.queue))
		return &init_task;
	next = list_first_entry(&rq.queue, struct task_struct, run_list);
	list_del(&next->run_list);
	return next;
}

/*
 * The bookkeeping after a switch, run by the task switched to: drop the
 * lazily kept mm and, if prev died, its last scheduler reference.
 * Linux: finish_task_switch()
 */
static void finish_task_switch(struct task_struct *prev)
{
	struct mm_struct *mm = rq.prev_mm;

	rq.prev_mm = NULL;
	if (mm)
		mmdrop(mm);
	if (prev->__state == TASK_DEAD)
		put_task_struct(prev);
}

/*
 * Switch address space and stack. A kernel thread has no mm and keeps
 * the previous task's page tables loaded (active_mm, with a reference),
 * since it touches only kernel memory. Linux: context_switch()
 */
static struct task_struct *context_switch(struct task_struct *prev,
					  struct task_struct *next)
{
	if (!next->mm) {
		next->active_mm = prev->active_mm;
		mmgrab(next->active_mm);
	} else {
		switch_mm(prev->active_mm, next->mm, next);
	}
	if (!prev->mm) {
		rq.prev_mm = prev->active_mm;
		prev->active_mm = NULL;
	}
	rq.nr_switches++;
	return switch_to(prev, next);
}

/*
 * Give the CPU to the next runnable task. The caller set its state
 * first if it means to sleep; a pending signal cancels an interruptible
 * sleep. Linux: __schedule()
 */
void schedule(void)
{
	struct task_struct *prev = current, *next;
	unsigned long flags;

	local_irq_save(flags);
	clear_tsk_thread_flag(prev, TIF_NEED_RESCHED);
	if (prev->__state != TASK_RUNNING) {
		if (signal_pending_state(prev->__state, prev)) {
			prev->__state = TASK_RUNNING;
		} else {
			deactivate_task(prev);
			prev->nvcsw++;
		}
	} else if (!is_idle_task(prev)) {
		prev->nivcsw++;
	}
	if (prev->on_rq && !is_idle_task(prev))
		enqueue_task(prev);
	next = pick_next_task();
	if (next != prev) {
		prev = context_switch(prev, next);
		finish_task_switch(prev);
	}
	local_irq_restore(flags);
}

/* The first thing a new task runs, from ret_from_fork. Linux: schedule_tail() */
void schedule_tail(struct task_struct *prev)
{
	finish_task_switch(prev);
	local_irq_enable();
	if (current->set_child_tid)
		put_user(task_pid_nr(current), current->set_child_tid);
}

/*
 * A long kernel loop's chance to let others run once the tick says its
 * time slice is over (Faultline has no kernel preemption, like a
 * CONFIG_PREEMPT_NONE Linux). Linux: cond_resched()
 */
void cond_resched(void)
{
	if (need_resched())
		schedule();
}

void yield(void)
{
	set_current_state(TASK_RUNNING);
	schedule();
}

/*
 * The tick, for the running task: charge the tick to user or system
 * time and take it off the time slice. Called with interrupts off.
 * Linux: scheduler_tick(), account_process_tick()
 */
/* What the CPU's time went to, in ns: /proc/stat's cpu lines. Linux: kcpustat_cpu() */
u64 kcpustat[NR_STATS];

/*
 * The load averages over 1, 5 and 15 minutes, fixed point (FSHIFT bits
 * of fraction): every LOAD_FREQ ticks each decays towards the number of
 * runnable tasks. Linux: kernel/sched/loadavg.c calc_global_load()
 */
unsigned long avenrun[3];

#define LOAD_FREQ	(5 * HZ + 1)	/* 5 s, off the tick so as not to beat with it */
#define EXP_1		1884		/* FIXED_1 / exp(5 s / 1 min) */
#define EXP_5		2014
#define EXP_15		2037

static unsigned long calc_load(unsigned long load, unsigned long exp, unsigned long active)
{
	unsigned long newload = load * exp + active * (FIXED_1 - exp);

	if (active >= load)
		newload += FIXED_1 - 1;
	return newload / FIXED_1;
}

static void calc_global_load_tick(void)
{
	static unsigned long ticks;
	unsigned long active;

	if (++ticks < LOAD_FREQ)
		return;
	ticks = 0;
	active = rq.nr_running * FIXED_1;
	avenrun[0] = calc_load(avenrun[0], EXP_1, active);
	avenrun[1] = calc_load(avenrun[1], EXP_5, active);
	avenrun[2] = calc_load(avenrun[2], EXP_15, active);
}

void scheduler_tick(bool user_tick)
{
	struct task_struct *p = current;

	calc_global_load_tick();
	if (is_idle_task(p)) {
		kcpustat[CPUTIME_IDLE] += TICK_NSEC;
		return;
	}
	kcpustat[user_tick ? CPUTIME_USER : CPUTIME_SYSTEM] += TICK_NSEC;
	if (user_tick)
		p->utime += TICK_NSEC;
	else
		p->stime += TICK_NSEC;
	if (--p->time_slice)
		return;
	p->time_slice = RR_TIMESLICE;
	if (!list_empty(&rq.queue))
		set_tsk_need_resched(p);
}

/*
 * The CPU time of p's whole process, ns: its threads' and the released
 * threads' (kept in signal_struct). Linux: thread_group_cputime()
 */
void thread_group_cputime(struct task_struct *p, u64 *utime, u64 *stime)
{
	struct task_struct *t;

	*utime = p->signal->utime;
	*stime = p->signal->stime;
	for_each_thread(p, t) {
		*utime += t->utime;
		*stime += t->stime;
	}
}

unsigned long nr_running(void)
{
	return rq.nr_running;
}

unsigned long nr_context_switches(void)
{
	return rq.nr_switches;
}

/*
 * What the boot CPU does once start_kernel is done: as the idle task,
 * run whatever is runnable, and halt until an interrupt when nothing
 * is. sti;hlt cannot miss a wake-up: the interrupt that makes a task
 * runnable ends the hlt. Linux: cpu_startup_entry() -> do_idle()
 */
void __noreturn cpu_startup_entry(void)
{
	for (;;) {
		local_irq_disable();
		if (need_resched()) {
			local_irq_enable();
			schedule();
			continue;
		}
		safe_halt();
	}
}

void sched_init(void)
{
	mmgrab(&init_mm);		/* the idle task's lazy reference */
	init_task.flags |= PF_IDLE | PF_KTHREAD;
	init_task.on_rq = 0;
	init_task.time_slice = RR_TIMESLICE;
}
