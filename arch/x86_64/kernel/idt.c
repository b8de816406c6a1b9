// SPDX-License-Identifier: GPL-2.0
/*
 * The interrupt descriptor table: which code runs for each of the 256
 * vectors. Linux: arch/x86/kernel/idt.c
 *
 *   0x00-0x1f  CPU exceptions (entry.S asm_exc_N -> do_exception)
 *   0x20-0x2f  the two 8259 PICs' IRQ 0-15 (asm_irq_N -> common_interrupt)
 *   the rest   unexpected: reported as a spurious interrupt
 *
 * #DF, NMI, #DB and #MC run on IST stacks, so they work even when the
 * kernel stack is gone (a stack overflow is a #PF that cannot push its
 * frame, which becomes a #DF).
 */
#include <linux/kernel.h>
#include <asm/desc.h>
#include <asm/segment.h>
#include <asm/traps.h>

extern const unsigned long exception_entries[NR_EXCEPTION_VECTORS];
extern const unsigned long irq_entries[NR_LEGACY_IRQS];
extern const unsigned long spurious_entry[1];

static struct gate_struct idt_table[256] __aligned(4096);

static void set_gate(unsigned int vector, unsigned long addr, unsigned int ist,
		     unsigned int dpl)
{
	struct gate_struct *g = &idt_table[vector];

	g->offset_low = addr & 0xffff;
	g->segment = __KERNEL_CS;
	g->ist = ist;
	g->type_attr = GATE_PRESENT | (dpl << 5) | GATE_INTERRUPT;
	g->offset_middle = (addr >> 16) & 0xffff;
	g->offset_high = addr >> 32;
	g->reserved = 0;
}

static unsigned int ist_of(unsigned int vector)
{
	switch (vector) {
	case X86_TRAP_DF:
		return IST_DF;
	case X86_TRAP_NMI:
		return IST_NMI;
	case X86_TRAP_DB:
		return IST_DB;
	case X86_TRAP_MC:
		return IST_MCE;
	default:
		return 0;
	}
}

void idt_setup(void)
{
	struct desc_ptr idt_descr = {
		.size = sizeof(idt_table) - 1,
		.address = (unsigned long)idt_table,
	};
	unsigned int v;

	for (v = 0; v < 256; v++)
		set_gate(v, spurious_entry[0], 0, 0);
	for (v = 0; v < NR_EXCEPTION_VECTORS; v++) {
		/* int3 and into may be used from user mode (Linux: DPL 3). */
		unsigned int dpl = (v == X86_TRAP_BP || v == X86_TRAP_OF) ? 3 : 0;

		set_gate(v, exception_entries[v], ist_of(v), dpl);
	}
	for (v = 0; v < NR_LEGACY_IRQS; v++)
		set_gate(FIRST_EXTERNAL_VECTOR + v, irq_entries[v], 0, 0);
	__asm__ __volatile__("lidt %0" : : "m"(idt_descr));
}
