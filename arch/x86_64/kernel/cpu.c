// SPDX-License-Identifier: GPL-2.0
/*
 * The boot CPU: what it can do (CPUID), its GDT and TSS, and the protection
 * bits in CR0/CR4 that make kernel bugs fault instead of corrupting memory.
 * Linux: arch/x86/kernel/cpu/common.c
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/page_types.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include <asm/desc.h>
#include <asm/traps.h>
#include <asm/cpufeature.h>
#include <asm/stacktrace.h>
#include <asm/fpu.h>
#include <asm/thread.h>

struct cpuinfo_x86 boot_cpu_data;

/*
 * Descriptors, as Linux encodes them (asm/desc_defs.h GDT_ENTRY_INIT):
 * code 0x9b = present, ring 0, code, readable, accessed; flags 0xa = 4 KiB
 * granularity + long mode. DPL 3 variants (0xfb, 0xf3) for user space.
 */
static u64 gdt[GDT_ENTRIES] __aligned(16) = {
	[GDT_ENTRY_KERNEL32_CS]		= 0x00cf9b000000ffffULL,
	[GDT_ENTRY_KERNEL_CS]		= 0x00af9b000000ffffULL,
	[GDT_ENTRY_KERNEL_DS]		= 0x00cf93000000ffffULL,
	[GDT_ENTRY_DEFAULT_USER32_CS]	= 0x00cffb000000ffffULL,
	[GDT_ENTRY_DEFAULT_USER_DS]	= 0x00cff3000000ffffULL,
	[GDT_ENTRY_DEFAULT_USER_CS]	= 0x00affb000000ffffULL,
};

/* The TSS: sp0 is the current task's stack top (Linux: per-CPU cpu_tss_rw). */
struct x86_hw_tss cpu_tss_rw __aligned(16);

/* IST stacks: #DF, NMI, #DB, #MC each get a page of their own. */
static char exception_stacks[N_EXCEPTION_STACKS][EXCEPTION_STKSZ]
	__aligned(PAGE_SIZE) __section(".bss..page_aligned");

static void cpuid_string(u32 leaf, char *out)
{
	u32 *w = (u32 *)out;

	cpuid(leaf, &w[0], &w[1], &w[2], &w[3]);
}

static void set_feature(enum x86_feature f, u32 reg, int bit)
{
	if (reg & (1U << bit))
		boot_cpu_data.features |= 1UL << f;
}

static void identify_boot_cpu(void)
{
	struct cpuinfo_x86 *c = &boot_cpu_data;
	u32 a, b, cx, d, max_ext;

	cpuid(0, &a, &b, &cx, &d);
	memcpy(c->vendor_id, &b, 4);
	memcpy(c->vendor_id + 4, &d, 4);
	memcpy(c->vendor_id + 8, &cx, 4);

	cpuid(1, &a, &b, &cx, &d);
	c->family = (a >> 8) & 0xf;
	c->model = (a >> 4) & 0xf;
	c->stepping = a & 0xf;
	if (c->family == 0xf)
		c->family += (a >> 20) & 0xff;
	if (c->family >= 6)
		c->model += ((a >> 16) & 0xf) << 4;
	set_feature(X86_FEATURE_PGE, d, 13);
	set_feature(X86_FEATURE_FXSR, d, 24);
	set_feature(X86_FEATURE_XMM, d, 25);
	set_feature(X86_FEATURE_HYPERVISOR, cx, 31);
	set_feature(X86_FEATURE_RDRAND, cx, 30);
	c->hwcap = d;			/* AT_HWCAP: CPUID 1 EDX, as Linux's ELF_HWCAP */

	cpuid_count(7, 0, &a, &b, &cx, &d);
	set_feature(X86_FEATURE_SMEP, b, 7);
	set_feature(X86_FEATURE_SMAP, b, 20);
	set_feature(X86_FEATURE_UMIP, cx, 2);
	set_feature(X86_FEATURE_PKU, cx, 3);
	set_feature(X86_FEATURE_LA57, cx, 16);

	cpuid(0x80000000, &max_ext, &b, &cx, &d);
	if (max_ext >= 0x80000001) {
		cpuid(0x80000001, &a, &b, &cx, &d);
		set_feature(X86_FEATURE_NX, d, 20);
		set_feature(X86_FEATURE_GBPAGES, d, 26);
	}
	if (max_ext >= 0x80000004) {
		cpuid_string(0x80000002, c->model_id);
		cpuid_string(0x80000003, c->model_id + 16);
		cpuid_string(0x80000004, c->model_id + 32);
	}
	c->phys_bits = 36;
	c->virt_bits = 48;
	if (max_ext >= 0x80000008) {
		cpuid(0x80000008, &a, &b, &cx, &d);
		c->phys_bits = a & 0xff;
		c->virt_bits = (a >> 8) & 0xff;
	}
}

/* The TSS descriptor: a 16-byte system descriptor in two GDT slots. */
static void set_tss_desc(void)
{
	unsigned long base = (unsigned long)&cpu_tss_rw;
	u64 limit = sizeof(cpu_tss_rw) - 1;

	gdt[GDT_ENTRY_TSS] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
			     (0x89ULL << 40) |	/* present, 64-bit TSS (available) */
			     (((limit >> 16) & 0xf) << 48) |
			     (((base >> 24) & 0xff) << 56);
	gdt[GDT_ENTRY_TSS + 1] = base >> 32;
}

static void load_gdt_and_segments(void)
{
	struct desc_ptr gdt_descr = {
		.size = sizeof(gdt) - 1,
		.address = (unsigned long)gdt,
	};

	__asm__ __volatile__("lgdt %0" : : "m"(gdt_descr));
	/* Reload CS with a far return, then the data segments. */
	__asm__ __volatile__("pushq %0\n\t"
			     "leaq 1f(%%rip), %%rax\n\t"
			     "pushq %%rax\n\t"
			     "lretq\n"
			     "1:\n\t"
			     "movl %1, %%eax\n\t"
			     "movl %%eax, %%ds\n\t"
			     "movl %%eax, %%es\n\t"
			     "movl %%eax, %%ss\n\t"
			     : : "i"(__KERNEL_CS), "i"(__KERNEL_DS) : "rax", "memory");
	__asm__ __volatile__("ltr %w0" : : "r"(GDT_ENTRY_TSS_SEL));
}

static void setup_tss(void)
{
	for (int i = 0; i < N_EXCEPTION_STACKS; i++)
		cpu_tss_rw.ist[i] = (u64)(exception_stacks[i] + EXCEPTION_STKSZ);
	cpu_tss_rw.sp0 = (u64)init_task_stack_top();
	cpu_tss_rw.io_bitmap_base = sizeof(cpu_tss_rw);	/* no I/O bitmap: user port I/O faults */
	set_tss_desc();
}

/* Which IST stack holds addr, for backtraces and the overflow report. */
bool in_exception_stack(unsigned long addr, struct stack_info *info)
{
	static const char *const names[N_EXCEPTION_STACKS] = {
		"#DF", "NMI", "#DB", "#MC",
	};

	for (int i = 0; i < N_EXCEPTION_STACKS; i++) {
		unsigned long begin = (unsigned long)exception_stacks[i];

		if (addr >= begin && addr < begin + EXCEPTION_STKSZ) {
			info->begin = begin;
			info->end = begin + EXCEPTION_STKSZ;
			info->name = names[i];
			return true;
		}
	}
	return false;
}

unsigned long exception_stack_top(enum exception_stack ist)
{
	return (unsigned long)exception_stacks[ist - 1] + EXCEPTION_STKSZ;
}

/*
 * Turn on what the CPU offers, as Linux does: global pages, SMEP and SMAP
 * (the kernel may neither run nor touch user pages by accident), UMIP, and
 * SSE state for user programs (the kernel itself is built without SSE).
 * CR0.WP and EFER.NXE were set in head.S.
 */
static void setup_cr4(void)
{
	unsigned long cr4 = __read_cr4();

	if (boot_cpu_has(X86_FEATURE_PGE))
		cr4 |= X86_CR4_PGE;
	if (boot_cpu_has(X86_FEATURE_SMEP))
		cr4 |= X86_CR4_SMEP;
	if (boot_cpu_has(X86_FEATURE_SMAP))
		cr4 |= X86_CR4_SMAP;
	if (boot_cpu_has(X86_FEATURE_UMIP))
		cr4 |= X86_CR4_UMIP;
	if (boot_cpu_has(X86_FEATURE_FXSR))
		cr4 |= X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT;
	__write_cr4(cr4);
	write_cr0((read_cr0() | X86_CR0_MP | X86_CR0_NE | X86_CR0_WP) & ~X86_CR0_EM);
}

static void print_protections(void)
{
	pr_info("x86/cpu: %s, family 0x%x model 0x%x stepping 0x%x, %u-bit physical addresses\n",
		boot_cpu_data.model_id[0] ? skip_spaces(boot_cpu_data.model_id)
					  : boot_cpu_data.vendor_id,
		boot_cpu_data.family, boot_cpu_data.model, boot_cpu_data.stepping,
		boot_cpu_data.phys_bits);
	pr_info("x86/cpu: protections: WP %s, NX %s, SMEP %s, SMAP %s, UMIP %s\n",
		read_cr0() & X86_CR0_WP ? "on" : "off",
		boot_cpu_has(X86_FEATURE_NX) ? "on" : "off (CPU lacks it)",
		__read_cr4() & X86_CR4_SMEP ? "on" : "off (CPU lacks it)",
		__read_cr4() & X86_CR4_SMAP ? "on" : "off (CPU lacks it)",
		__read_cr4() & X86_CR4_UMIP ? "on" : "off (CPU lacks it)");
}

/* Linux: cpu_init() + trap_init(), for the one CPU Faultline runs on. */
void cpu_init(void)
{
	identify_boot_cpu();
	setup_tss();
	load_gdt_and_segments();
	idt_setup();
	setup_cr4();
	fpu__init_cpu();
	syscall_init();
	cpu_current_top_of_stack = init_task_stack_top();
	print_protections();
}
