// SPDX-License-Identifier: GPL-2.0
/*
 * The page-fault entry: read CR2 and the error code, decide whose fault it
 * is. Linux: arch/x86/mm/fault.c
 *
 * A fault on a user address is served by the address space's VMAs
 * (do_user_addr_fault -> handle_mm_fault): demand paging, copy-on-write,
 * stack growth. One that cannot be served is a SIGSEGV (no VMA there:
 * SEGV_MAPERR; the VMA forbids the access: SEGV_ACCERR) or a SIGBUS (a
 * file page beyond the end of the file). From user mode that becomes a
 * signal; from kernel mode - copy_to_user and friends, with SMAP opened
 * by stac - it resumes at the exception-table fixup and the copy fails
 * with -EFAULT. Any other kernel fault is a bug and oopses with the error
 * code spelled out; so does a kernel access to a user page with SMAP
 * closed, even from an instruction that has a fixup. A fault in the guard page below a kernel stack is an
 * overflow: it is reported from the #DF stack, since the overflowing
 * stack has no room left for the report.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/oom.h>
#include <asm/traps.h>
#include <asm/extable.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/cpufeature.h>
#include <asm/stacktrace.h>
#include <asm/pgalloc.h>
#include <linux/mm.h>
#include <linux/fault_trace.h>
#include <linux/signal.h>
#include <linux/oom.h>
#include <asm/irqflags.h>

static bool fault_in_kernel_space(unsigned long address)
{
	return address >= TASK_SIZE_MAX;
}

/* "PGD 1a0d067 P4D 1a0d067 PUD 1a0e067 PMD 0": the walk to address. */
static void dump_pagetable(unsigned long address)
{
	pgd_t *pgd = (pgd_t *)__va(__read_cr3() & PTE_PFN_MASK) + pgd_index(address);
	p4d_t *p4d;
	pud_t *pud;
	pmd_t *pmd;
	pte_t *pte;

	pr_alert("PGD %lx ", pgd_val(*pgd));
	if (!pgd_present(*pgd))
		goto out;
	p4d = p4d_offset(pgd, address);
	pr_cont("P4D %lx ", p4d_val(*p4d));
	pud = pud_offset(p4d, address);
	pr_cont("PUD %lx ", pud_val(*pud));
	if (!pud_present(*pud) || pud_large(*pud))
		goto out;
	pmd = pmd_offset(pud, address);
	pr_cont("PMD %lx ", pmd_val(*pmd));
	if (!pmd_present(*pmd) || pmd_large(*pmd))
		goto out;
	pte = pte_offset_kernel(pmd, address);
	pr_cont("PTE %lx", pte_val(*pte));
out:
	pr_cont("\n");
}

static const char *access_kind(unsigned long error_code)
{
	if (error_code & X86_PF_INSTR)
		return "instruction fetch";
	return error_code & X86_PF_WRITE ? "write access" : "read access";
}

static const char *fault_kind(unsigned long error_code)
{
	if (!(error_code & X86_PF_PROT))
		return "not-present page";
	if (error_code & X86_PF_RSVD)
		return "reserved bit violation";
	if (error_code & X86_PF_PK)
		return "protection keys violation";
	return "permissions violation";
}

/* Linux: show_fault_oops(), plus a line naming each error-code bit. */
static void show_fault_oops(struct pt_regs *regs, unsigned long error_code,
			    unsigned long address)
{
	if (error_code & X86_PF_INSTR) {
		unsigned int level;
		pte_t *pte = lookup_address(address, &level);

		if (pte && pte_present(*pte) && !pte_exec(*pte))
			pr_crit("kernel tried to execute NX-protected page - exploit attempt? (uid: 0)\n");
		if (!fault_in_kernel_space(address) && (__read_cr4() & X86_CR4_SMEP))
			pr_crit("unable to execute userspace code (SMEP?) (uid: 0)\n");
	}
	if (address < PAGE_SIZE && !user_mode(regs))
		pr_alert("BUG: kernel NULL pointer dereference, address: %016lx\n", address);
	else
		pr_alert("BUG: unable to handle page fault for address: %016lx\n", address);
	pr_alert("#PF: %s %s in %s mode\n",
		 error_code & X86_PF_USER ? "user" : "supervisor",
		 access_kind(error_code), user_mode(regs) ? "user" : "kernel");
	pr_alert("#PF: error_code(0x%04lx) - %s\n", error_code, fault_kind(error_code));
	pr_alert("#PF: error code bits: P=%d W=%d U=%d RSVD=%d I=%d PK=%d, CR2=%016lx\n",
		 !!(error_code & X86_PF_PROT), !!(error_code & X86_PF_WRITE),
		 !!(error_code & X86_PF_USER), !!(error_code & X86_PF_RSVD),
		 !!(error_code & X86_PF_INSTR), !!(error_code & X86_PF_PK), address);
	dump_pagetable(address);
}

struct overflow_report {
	struct pt_regs *regs;
	unsigned long address;
	struct stack_info info;
};

static __noreturn void handle_stack_overflow(void *arg)
{
	struct overflow_report *r = arg;

	console_loglevel = CONSOLE_LOGLEVEL_DEBUG;
	pr_emerg("BUG: %s stack guard page was hit at %px (stack is %px..%px)\n",
		 r->info.name, (void *)r->address, (void *)r->info.begin,
		 (void *)r->info.end);
	die("stack guard page", r->regs, 0);
}

/* An unexpected kernel fault. Linux: page_fault_oops() */
static void page_fault_oops(struct pt_regs *regs, unsigned long error_code,
			    unsigned long address)
{
	static struct overflow_report report;

	if (get_stack_guard_info(address, &report.info)) {
		report.regs = regs;
		report.address = address;
		call_on_stack(exception_stack_top(IST_DF), handle_stack_overflow, &report);
	}
	show_fault_oops(regs, error_code, address);
	die("Oops", regs, error_code);
}

static void kernelmode_fixup_or_oops(struct pt_regs *regs, unsigned long error_code,
				     unsigned long address)
{
	if (fixup_exception(regs, X86_TRAP_PF, error_code, address))
		return;
	page_fault_oops(regs, error_code, address);
}

/* Print "prog[pid]: segfault at ..." for a fault that will kill. Linux: show_signal_msg() */
static void show_signal_msg(struct pt_regs *regs, unsigned long error_code,
			    unsigned long address, struct task_struct *tsk)
{
	const char *loglvl = tsk->pid > 1 ? KERN_INFO : KERN_EMERG;

	if (!show_unhandled_signals || !unhandled_signal(tsk, SIGSEGV))
		return;
	printk("%s%s[%d]: segfault at %lx ip %px sp %px error %lx", loglvl, tsk->comm,
	       tsk->pid, address, (void *)regs->ip, (void *)regs->sp, error_code);
	print_vma_addr(KERN_CONT " in ", regs->ip);
	printk(KERN_CONT "\n");
}

/* What the CPU said, for the signal frame (sigcontext's cr2, err, trapno). */
static void set_signal_archinfo(unsigned long address, unsigned long error_code)
{
	/*
	 * A user access at or above TASK_SIZE_MAX is reported as a protection
	 * fault whether or not a kernel page is there, so that the signal
	 * frame says nothing of the kernel's page tables.
	 */
	if (address >= TASK_SIZE_MAX)
		error_code |= X86_PF_PROT;
	current->thread.trap_nr = X86_TRAP_PF;
	current->thread.error_code = error_code | X86_PF_USER;
	current->thread.cr2 = address;
}

/*
 * A fault that cannot be served. In kernel mode: the fixup or an oops.
 * In user mode: SIGSEGV, SEGV_MAPERR when nothing is mapped there and
 * SEGV_ACCERR when the mapping forbids the access. Linux: __bad_area_nosemaphore()
 */
static void bad_area(struct pt_regs *regs, unsigned long error_code, unsigned long address,
		     enum fault_case fault_case, const char *why)
{
	fault_trace_signal(fault_case, why);
	fault_trace_end();
	if (!user_mode(regs)) {
		kernelmode_fixup_or_oops(regs, error_code, address);
		return;
	}
	show_signal_msg(regs, error_code, address, current);
	set_signal_archinfo(address, error_code);
	force_sig_fault(SIGSEGV, fault_case == FAULT_SIGSEGV_ACCERR ? SEGV_ACCERR : SEGV_MAPERR,
			(void __user *)address);
}

/*
 * handle_mm_fault failed: SIGBUS (a file page past the end of the file)
 * or out of memory. Out of memory, the allocator has already had the OOM
 * killer choose a victim (mm/oom_kill.c): if it was us, we die on the
 * way out; else the fault is simply taken again.
 * Linux: mm_fault_error(), do_sigbus(), pagefault_out_of_memory()
 */
static void mm_fault_error(struct pt_regs *regs, unsigned long error_code,
			   unsigned long address, vm_fault_t fault)
{
	if (!user_mode(regs)) {
		kernelmode_fixup_or_oops(regs, error_code, address);
		return;
	}
	if (fault & VM_FAULT_OOM) {
		pagefault_out_of_memory();
		return;
	}
	set_signal_archinfo(address, error_code);
	if (fault & VM_FAULT_SIGBUS)
		force_sig_fault(SIGBUS, BUS_ADRERR, (void __user *)address);
	else
		force_sig_fault(SIGSEGV, SEGV_MAPERR, (void __user *)address);
}

/*
 * May this access touch this VMA at all? A write needs VM_WRITE; a
 * read of a present page that faulted is a protection fault; a read of a
 * missing page needs some access right. Linux: access_error()
 */
static bool access_error(unsigned long error_code, const struct vm_area_struct *vma)
{
	if (error_code & X86_PF_PK)
		return true;
	if (error_code & X86_PF_WRITE)
		return !(vma->vm_flags & VM_WRITE);
	if (error_code & X86_PF_PROT)
		return true;
	return !vma_is_accessible(vma);
}

/* Linux: do_user_addr_fault() */
/*
 * The kernel touched user memory without opening SMAP (no stac): a bug
 * in the kernel, never a user's error. It oopses at once, before any VMA
 * or exception-table fixup is looked at, so that a missing stac cannot
 * pass for an -EFAULT. Linux: the X86_FEATURE_SMAP test at the top of
 * do_user_addr_fault() (smap_violation() in kernels before 5.8)
 */
static bool smap_violation(unsigned long error_code, const struct pt_regs *regs)
{
	return (__read_cr4() & X86_CR4_SMAP) && !(error_code & X86_PF_USER) &&
	       !(regs->flags & X86_EFLAGS_AC);
}

/*
 * The fault slept (userfaultfd) and returned VM_FAULT_RETRY: is a signal
 * to be taken first? A fatal one always; any one in user mode, where the
 * handler runs and the access then faults again. A kernel-mode fault
 * ends with its fixup (-EFAULT). Linux: fault_signal_pending()
 */
static bool fault_signal_pending(vm_fault_t fault, struct pt_regs *regs)
{
	if (!(fault & VM_FAULT_RETRY))
		return false;
	return fatal_signal_pending(current) || (user_mode(regs) && signal_pending(current));
}

static void do_user_addr_fault(struct pt_regs *regs, unsigned long error_code,
			       unsigned long address)
{
	struct mm_struct *mm = current->mm;
	unsigned int flags = FAULT_FLAG_DEFAULT;
	struct vm_area_struct *vma;
	vm_fault_t fault;

	fault_trace_begin(regs->ip, address, error_code);
	if (smap_violation(error_code, regs)) {
		fault_trace_end();
		page_fault_oops(regs, error_code, address);
		return;
	}
	if (!mm)
		return bad_area(regs, error_code, address, FAULT_SIGSEGV_MAPERR,
				"no user address space");
	if (error_code & X86_PF_USER)
		flags |= FAULT_FLAG_USER;
	if (error_code & X86_PF_WRITE)
		flags |= FAULT_FLAG_WRITE;
	if (error_code & X86_PF_INSTR)
		flags |= FAULT_FLAG_INSTRUCTION;

retry:
	/* Linux: lock_mm_and_find_vma() takes mmap_lock for reading until the fault is served. */
	vma = find_vma(mm, address);
	if (!vma)
		return bad_area(regs, error_code, address, FAULT_SIGSEGV_MAPERR, "no VMA");
	if (vma->vm_start > address) {
		if (!(vma->vm_flags & VM_GROWSDOWN))
			return bad_area(regs, error_code, address, FAULT_SIGSEGV_MAPERR,
					"no VMA");
		if (expand_stack(vma, address))
			return bad_area(regs, error_code, address, FAULT_SIGSEGV_MAPERR,
					"stack cannot grow there: guard gap or limit");
		fault_trace_stack_expanded();
	}
	fault_trace_vma(vma);
	if (access_error(error_code, vma))
		return bad_area(regs, error_code, address, FAULT_SIGSEGV_ACCERR, "protection");

	fault = handle_mm_fault(vma, address, flags, regs);
	if (fault_signal_pending(fault, regs)) {
		fault_trace_end();
		if (!user_mode(regs))
			kernelmode_fixup_or_oops(regs, error_code, address);
		return;
	}
	/* The VMA may be gone or changed while the fault slept: look again. */
	if (fault & VM_FAULT_RETRY) {
		flags |= FAULT_FLAG_TRIED;
		goto retry;
	}
	fault_trace_end();
	if (fault & VM_FAULT_ERROR)
		mm_fault_error(regs, error_code, address, fault);
}

/*
 * Interrupts come back on while the fault is served if they were on
 * where it happened, as in Linux: serving it may take long (and, with
 * swap, sleep). Linux: exc_page_fault()
 */
void exc_page_fault(struct pt_regs *regs, unsigned long error_code)
{
	unsigned long address = read_cr2();

	if (fault_in_kernel_space(address)) {
		if (user_mode(regs)) {
			/* A user access to a kernel address: no VMA can serve it. */
			fault_trace_begin(regs->ip, address, error_code);
			bad_area(regs, error_code, address, FAULT_SIGSEGV_MAPERR,
				 "kernel address");
			return;
		}
		kernelmode_fixup_or_oops(regs, error_code, address);
		return;
	}
	if (regs->flags & X86_EFLAGS_IF)
		local_irq_enable();
	do_user_addr_fault(regs, error_code, address);
	local_irq_disable();
}
