// SPDX-License-Identifier: GPL-2.0
/*
 * The fault trace (see include/linux/fault_trace.h). The architecture's
 * fault handler opens a record for each fault, the fault path fills in
 * the case it took, and the handler closes it. Faults do not nest (a
 * fault while serving a fault is a kernel bug), so one open record is
 * enough.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/sched.h>
#include <linux/fault_trace.h>
#include <asm/traps.h>

bool faulttrace_enabled;
static struct fault_record fault_log[FAULT_LOG_SIZE];
static unsigned long fault_log_next;	/* faults recorded so far */
static struct fault_record *open_record;

static const char *const case_names[NR_FAULT_CASES] = {
	[FAULT_CASE_NONE] = "no change",
	[FAULT_ZERO_PAGE] = "zero page",
	[FAULT_ANON_NEW] = "new anonymous page",
	[FAULT_FILE_CACHE] = "page-cache hit",
	[FAULT_FILE_COPY] = "private file copy",
	[FAULT_SHARED_WRITE] = "shared write",
	[FAULT_COW_COPY] = "COW copy",
	[FAULT_COW_REUSE] = "COW reuse",
	[FAULT_SPURIOUS] = "spurious (accessed/dirty bits set)",
	[FAULT_SWAP] = "swap entry",
	[FAULT_SIGSEGV_MAPERR] = "SIGSEGV",
	[FAULT_SIGSEGV_ACCERR] = "SIGSEGV",
	[FAULT_SIGBUS] = "SIGBUS",
	[FAULT_OOM] = "out of memory",
	[FAULT_USERFAULT] = "handed to userfaultfd",
};

const char *fault_case_name(enum fault_case fault_case)
{
	return fault_case < NR_FAULT_CASES ? case_names[fault_case] : "?";
}

void fault_trace_begin(unsigned long ip, unsigned long address, unsigned long error_code)
{
	struct fault_record *r = &fault_log[fault_log_next % FAULT_LOG_SIZE];

	*r = (struct fault_record){
		.pid = current->pid,
		.ip = ip,
		.address = address,
		.error_code = error_code,
	};
	open_record = r;
}

void fault_trace_vma(const struct vm_area_struct *vma)
{
	if (!open_record || !vma)
		return;
	open_record->has_vma = true;
	open_record->vm_start = vma->vm_start;
	open_record->vm_end = vma->vm_end;
	open_record->vm_flags = vma->vm_flags;
}

void fault_trace_stack_expanded(void)
{
	if (open_record)
		open_record->stack_expanded = true;
}

void fault_trace_record_case(enum fault_case fault_case, vm_fault_t ret)
{
	if (!open_record)
		return;
	open_record->ret = ret;
	if (ret & VM_FAULT_OOM)
		open_record->fault_case = FAULT_OOM;
	else if ((ret & VM_FAULT_SIGBUS) && fault_case == FAULT_CASE_NONE) {
		open_record->fault_case = FAULT_SIGBUS;
		open_record->why = "beyond the end of the file";
	} else
		open_record->fault_case = fault_case;
}

void fault_trace_signal(enum fault_case fault_case, const char *why)
{
	if (!open_record)
		return;
	open_record->fault_case = fault_case;
	open_record->why = why;
}

static void print_record(const struct fault_record *r)
{
	unsigned long e = r->error_code;
	const char *access = e & X86_PF_INSTR ? "exec" : e & X86_PF_WRITE ? "write" : "read";

	printk(KERN_INFO "faulttrace: pid %d ip %lx", r->pid, r->ip);
	if (!(e & X86_PF_USER))
		pr_cont(" (%pS)", (void *)r->ip);
	pr_cont(" addr %lx %s %s %s", r->address, access, e & X86_PF_USER ? "user" : "kernel",
		e & X86_PF_PROT ? "present" : "not-present");
	if (r->has_vma)
		pr_cont(" vma %lx-%lx %c%c%c%c", r->vm_start, r->vm_end,
			r->vm_flags & VM_READ ? 'r' : '-', r->vm_flags & VM_WRITE ? 'w' : '-',
			r->vm_flags & VM_EXEC ? 'x' : '-', r->vm_flags & VM_MAYSHARE ? 's' : 'p');
	else
		pr_cont(" vma none");
	pr_cont(": %s%s", r->stack_expanded ? "stack expansion, " : "",
		fault_case_name(r->fault_case));
	if (r->why)
		pr_cont(" (%s)", r->why);
	pr_cont("\n");
}

void fault_trace_end(void)
{
	if (!open_record)
		return;
	if (faulttrace_enabled || current->faulttrace)
		print_record(open_record);
	open_record = NULL;
	fault_log_next++;
}

const struct fault_record *fault_log_recent(unsigned int n)
{
	if (n >= FAULT_LOG_SIZE || n >= fault_log_next)
		return NULL;
	return &fault_log[(fault_log_next - 1 - n) % FAULT_LOG_SIZE];
}

unsigned long fault_log_total(void)
{
	return fault_log_next;
}

static int __init faulttrace_setup(char *str)
{
	faulttrace_enabled = true;
	return 1;
}
__setup("faulttrace", faulttrace_setup);
