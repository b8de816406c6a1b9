// SPDX-License-Identifier: GPL-2.0
/*
 * Crash tests: each makes the kernel die one particular way, to show that
 * the oops says what happened. One runs per boot (ktest=crash.<name>);
 * first it prints the lines the harness must then find in the log.
 */
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/panic.h>
#include <linux/mm.h>
#include <asm/pgalloc.h>
#include <asm/processor.h>
#include <asm/desc.h>
#include <asm/uaccess.h>
#include <linux/mman.h>
#include <linux/ktest_mm.h>

/* Keep the compiler from seeing through the crash. */
static void *volatile crash_ptr;
static volatile int crash_zero;

KTEST_FLAGS(crash, null_deref, "a NULL pointer dereference oopses with the address, the error code and a backtrace",
	    KTEST_CRASH)
{
	ktest_expect_in_log("BUG: kernel NULL pointer dereference, address: 0000000000000010");
	ktest_expect_in_log("#PF: supervisor read access in kernel mode");
	ktest_expect_in_log("#PF: error_code(0x0000) - not-present page");
	ktest_expect_in_log("#PF: error code bits: P=0 W=0 U=0 RSVD=0 I=0 PK=0, CR2=0000000000000010");
	ktest_expect_in_log("Oops: 0000 [#1] NOPTI");
	ktest_expect_in_log("RIP: 0010:crash_null_deref+");
	ktest_expect_in_log("CR2: 0000000000000010");
	ktest_expect_in_log("Call Trace:");
	ktest_expect_in_log(" ktest_run+");
	ktest_expect_in_log(" kernel_init+");	/* pid 1 runs the ktests */
	ktest_expect_in_log("Kernel panic - not syncing: Fatal exception");
	/* Use the value afterwards, so this frame is still set up at the fault. */
	pr_info("read %lx\n", *(volatile unsigned long *)((char *)crash_ptr + 16));
}

#pragma GCC diagnostic ignored "-Winfinite-recursion"
static noinline int recurse(int depth)
{
	volatile char frame[512];

	frame[0] = (char)depth;
	return recurse(depth + 1) + frame[0];
}

KTEST_FLAGS(crash, stack_overflow, "a kernel stack overflow hits the guard page and is reported, not a triple fault",
	    KTEST_CRASH)
{
	ktest_expect_in_log("BUG: TASK stack guard page was hit at");
	ktest_expect_in_log("stack guard page: 0000 [#1] NOPTI");
	ktest_expect_in_log("RIP: 0010:recurse+");
	ktest_expect_in_log("Kernel panic - not syncing: Fatal exception");
	recurse(0);
}

KTEST_FLAGS(crash, write_text, "a write to kernel text faults: the text is mapped read-only",
	    KTEST_CRASH)
{
	extern char _text[];

	ktest_expect_in_log("BUG: unable to handle page fault for address: ffffffff81000040");
	ktest_expect_in_log("#PF: supervisor write access in kernel mode");
	ktest_expect_in_log("#PF: error_code(0x0003) - permissions violation");
	ktest_expect_in_log("Oops: 0003 [#1] NOPTI");
	*(volatile char *)(_text + 0x40) = 0;
}

/* A "ret" in a data page: executing it must fault (NX). */
static u8 nx_code[16] __aligned(16) = { 0xc3 };

KTEST_FLAGS(crash, exec_nx, "executing a data page faults: data is mapped no-execute",
	    KTEST_CRASH)
{
	void (*fn)(void) = (void (*)(void))(void *)nx_code;

	ktest_expect_in_log("kernel tried to execute NX-protected page - exploit attempt? (uid: 0)");
	ktest_expect_in_log("#PF: supervisor instruction fetch in kernel mode");
	ktest_expect_in_log("#PF: error_code(0x0011) - permissions violation");
	fn();
}

KTEST_FLAGS(crash, exec_user, "SMEP: the kernel faults when it jumps into a user page",
	    KTEST_CRASH)
{
	unsigned long addr = 0x400000;
	struct page *page = alloc_page(GFP_KERNEL);
	struct mm_struct mm;
	pud_t *pud;
	pmd_t *pmd;
	pte_t *pte;

	mm.pgd = pgd_alloc(&mm);
	pud = pud_alloc(&mm, p4d_offset(pgd_offset(&mm, addr), addr), addr);
	pmd = pmd_alloc(&mm, pud, addr);
	pmd_populate(pmd, pte_alloc_one_kernel(&mm));
	pte = pte_offset_kernel(pmd, addr);

	ktest_expect_in_log("unable to execute userspace code (SMEP?) (uid: 0)");
	ktest_expect_in_log("#PF: supervisor instruction fetch in kernel mode");
	ktest_expect_in_log("#PF: error_code(0x0011) - permissions violation");
	*(u8 *)page_address(page) = 0xc3;	/* ret */
	set_pte(pte, pfn_pte(page_to_pfn(page), __pgprot(_PAGE_PRESENT | _PAGE_USER)));
	write_cr3(__pa(mm.pgd));
	((void (*)(void))addr)();
}

/*
 * A read of a mapped, present user page by an instruction that has an
 * exception-table fixup, as a user copy's has, but without stac: SMAP
 * makes it a protection fault, and Linux oopses on it instead of using
 * the fixup (do_user_addr_fault), so a missing stac cannot pass for an
 * -EFAULT.
 */
KTEST_FLAGS(crash, smap_closed, "SMAP: a kernel read of a user page with SMAP closed oopses, it is not fixed up to -EFAULT",
	    KTEST_CRASH)
{
	unsigned long addr = 0x40000000, val = 0;
	char c = 'x';

	if (!ktest_mm_create() ||
	    vm_mmap(NULL, addr, PAGE_SIZE, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0) != addr ||
	    copy_to_user((void __user *)addr, &c, 1))
		panic("crash.smap_closed: no user page to read");
	ktest_expect_in_log("BUG: unable to handle page fault for address: 0000000040000000");
	ktest_expect_in_log("#PF: supervisor read access in kernel mode");
	ktest_expect_in_log("#PF: error_code(0x0001) - permissions violation");
	ktest_expect_in_log("Oops: 0001 [#1] NOPTI");
	ktest_expect_in_log("RIP: 0010:crash_smap_closed+");
	ktest_expect_in_log("Kernel panic - not syncing: Fatal exception");
	pr_info("read %d, %lx\n", __get_kernel_nofault_ul(&val, (void *)addr), val);
}

KTEST_FLAGS(crash, bug, "BUG() reports the file and line, then oopses with invalid opcode",
	    KTEST_CRASH)
{
	ktest_expect_in_log("kernel BUG at arch/x86_64/kernel/crash_test.c:");
	ktest_expect_in_log("invalid opcode: 0000 [#1] NOPTI");
	ktest_expect_in_log("RIP: 0010:crash_bug+");
	BUG();
}

KTEST_FLAGS(crash, divide, "a division by zero oopses with divide error",
	    KTEST_CRASH)
{
	ktest_expect_in_log("divide error: 0000 [#1] NOPTI");
	ktest_expect_in_log("RIP: 0010:crash_divide+");
	crash_zero = 10 / crash_zero;
}

/*
 * The harness's own checks: a triple fault (an IDT the CPU cannot use, so
 * no exception can be delivered) and a hang must be told apart from a
 * clean run, and neither may stall `make test`.
 */
KTEST_FLAGS(crash, triple_fault, "a triple fault is seen as a reset, not mistaken for a clean power-off",
	    KTEST_CRASH)
{
	struct desc_ptr empty = { .size = 0, .address = 0 };

	ktest_expect_outcome("reset");
	__asm__ __volatile__("lidt %0; int3" : : "m"(empty));
}

KTEST_FLAGS(crash, hang, "a hung kernel is stopped by the harness's timeout",
	    KTEST_CRASH)
{
	ktest_expect_outcome("timeout");
	halt_forever();
}

KTEST_FLAGS(crash, panic, "panic() prints its reason and a backtrace, and stops the machine",
	    KTEST_CRASH)
{
	ktest_expect_in_log("Kernel panic - not syncing: ktest asked for a panic");
	ktest_expect_in_log(" ktest_run+");
	ktest_expect_in_log("---[ end Kernel panic - not syncing: ktest asked for a panic ]---");
	panic("ktest asked for a panic");
}
