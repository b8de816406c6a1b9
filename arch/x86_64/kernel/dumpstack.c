// SPDX-License-Identifier: GPL-2.0
/*
 * Registers and backtraces for oopses, WARNs and panics.
 * Linux: arch/x86/kernel/dumpstack.c, dumpstack_64.c, process_64.c
 *
 * The kernel is built with frame pointers, so every function starts with
 * push %rbp; mov %rsp,%rbp and each frame looks like this:
 *
 *          +-----------------+
 *          | return address  |  <- bp + 8: a call site in the caller
 *   bp ->  | caller's bp     |  <- the next frame up
 *          +-----------------+
 *
 * The walk follows the saved bp values while they stay inside a known
 * stack, and prints each return address as symbol+offset/size.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/panic.h>
#include <linux/kallsyms.h>
#include <linux/utsname.h>
#include <asm/page_types.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/stacktrace.h>

#define MAX_FRAMES	64

unsigned long init_task_stack_top(void)
{
	return (unsigned long)init_task.stack + THREAD_SIZE;
}

/* The stack holding addr: the current task's, or an exception stack. */
bool get_stack_info(unsigned long addr, struct stack_info *info)
{
	unsigned long begin = (unsigned long)current->stack;

	if (addr >= begin && addr < begin + THREAD_SIZE) {
		info->begin = begin;
		info->end = begin + THREAD_SIZE;
		info->name = "TASK";
		return true;
	}
	return in_exception_stack(addr, info);
}

/* Is addr in the unmapped page just below the current task's stack? */
bool get_stack_guard_info(unsigned long addr, struct stack_info *info)
{
	unsigned long begin = (unsigned long)current->stack;

	if (addr >= begin - PAGE_SIZE && addr < begin)
		return get_stack_info(begin, info);
	return false;
}

static void print_frame(unsigned long ret_addr)
{
	pr_emerg(" %pB\n", (void *)ret_addr);
}

/* Print ip, then each return address found by walking bp. */
void show_trace(unsigned long ip, unsigned long bp)
{
	struct stack_info info;
	bool have_stack = get_stack_info(bp, &info);

	pr_emerg("Call Trace:\n");
	pr_emerg(" <%s>\n", have_stack ? info.name : "?");
	pr_emerg(" %pS\n", (void *)ip);
	for (int n = 0; have_stack && n < MAX_FRAMES; n++) {
		unsigned long *frame = (unsigned long *)bp;

		if (bp < info.begin || bp + 16 > info.end || (bp & 7))
			break;
		if (!frame[1])
			break;
		print_frame(frame[1]);
		if (frame[0] <= bp)
			break;	/* frames only go up the stack */
		bp = frame[0];
	}
	pr_emerg(" </%s>\n", have_stack ? info.name : "?");
}

static void show_task_line(void)
{
	pr_emerg("CPU: 0 PID: %d Comm: %.20s %s %s #1\n", current->pid, current->comm,
		 print_tainted(), UTS_RELEASE);
}

/* Linux: __show_regs(), the register block of an oops. */
void show_regs(struct pt_regs *regs)
{
	unsigned short ds, es, fs, gs;

	__asm__ __volatile__("movw %%ds, %0" : "=r"(ds));
	__asm__ __volatile__("movw %%es, %0" : "=r"(es));
	__asm__ __volatile__("movw %%fs, %0" : "=r"(fs));
	__asm__ __volatile__("movw %%gs, %0" : "=r"(gs));

	show_task_line();
	pr_emerg("RIP: %04lx:%pS\n", regs->cs & 0xffff, (void *)regs->ip);
	pr_emerg("RSP: %04lx:%016lx EFLAGS: %08lx\n", regs->ss & 0xffff, regs->sp,
		 regs->flags);
	pr_emerg("RAX: %016lx RBX: %016lx RCX: %016lx\n", regs->ax, regs->bx, regs->cx);
	pr_emerg("RDX: %016lx RSI: %016lx RDI: %016lx\n", regs->dx, regs->si, regs->di);
	pr_emerg("RBP: %016lx R08: %016lx R09: %016lx\n", regs->bp, regs->r8, regs->r9);
	pr_emerg("R10: %016lx R11: %016lx R12: %016lx\n", regs->r10, regs->r11, regs->r12);
	pr_emerg("R13: %016lx R14: %016lx R15: %016lx\n", regs->r13, regs->r14, regs->r15);
	pr_emerg("FS:  %016lx(%04x) GS:%016lx(%04x) knlGS:%016lx\n",
		 (unsigned long)rdmsr(0xc0000100), fs, (unsigned long)rdmsr(0xc0000101),
		 gs, (unsigned long)rdmsr(0xc0000102));
	pr_emerg("CS:  %04lx DS: %04x ES: %04x CR0: %016lx\n", regs->cs & 0xffff, ds,
		 es, read_cr0());
	pr_emerg("CR2: %016lx CR3: %016lx CR4: %016lx\n", read_cr2(), __read_cr3(),
		 __read_cr4());
	show_trace(regs->ip, regs->bp);
}

/* A backtrace from the caller, for WARN and panic (Linux: dump_stack). */
noinline void dump_stack(void)
{
	unsigned long bp = (unsigned long)__builtin_frame_address(0);

	show_task_line();
	show_trace(_THIS_IP_, bp);
}
