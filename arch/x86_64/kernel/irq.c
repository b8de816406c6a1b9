// SPDX-License-Identifier: GPL-2.0
/*
 * External interrupts: one handler per legacy IRQ line.
 * Linux: arch/x86/kernel/irq.c (common_interrupt), kernel/irq/manage.c
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/hardirq.h>
#include <asm/irq.h>
#include <asm/traps.h>
#include <asm/setup.h>

/* Interrupt handlers running now (include/linux/hardirq.h). */
unsigned int hardirq_depth;

struct irq_action {
	irq_handler_t handler;
	const char *name;
	void *dev_id;
	unsigned long count;		/* for a later /proc/interrupts */
};

static struct irq_action irq_actions[NR_LEGACY_IRQS];
static unsigned long spurious_count;

int request_irq(unsigned int irq, irq_handler_t handler, const char *name, void *dev_id)
{
	if (irq >= NR_LEGACY_IRQS || irq_actions[irq].handler)
		return -EBUSY;
	irq_actions[irq] = (struct irq_action){ handler, name, dev_id, 0 };
	enable_8259A_irq(irq);
	return 0;
}

unsigned long irq_count(unsigned int irq)
{
	return irq < NR_LEGACY_IRQS ? irq_actions[irq].count : spurious_count;
}

static struct pt_regs *irq_regs;

/* The registers the current interrupt interrupted (Linux: get_irq_regs()). */
struct pt_regs *get_irq_regs(void)
{
	return irq_regs;
}

static void handle_irq(unsigned int irq, unsigned long vector)
{
	if (vector < FIRST_EXTERNAL_VECTOR || irq >= NR_LEGACY_IRQS) {
		if (!spurious_count++)
			pr_warn("unexpected interrupt vector %#lx (no handler)\n", vector);
		return;
	}
	if (spurious_8259A_irq(irq)) {
		spurious_count++;
		return;
	}
	irq_actions[irq].count++;
	if (!irq_actions[irq].handler ||
	    irq_actions[irq].handler((int)irq, irq_actions[irq].dev_id) == IRQ_NONE)
		pr_warn("irq %u: nobody cared\n", irq);
	eoi_8259A(irq);
}

void common_interrupt(struct pt_regs *regs, unsigned long vector, unsigned long unused)
{
	unsigned int irq = (unsigned int)(vector - FIRST_EXTERNAL_VECTOR);
	struct pt_regs *old_regs = irq_regs;

	(void)unused;
	irq_enter();
	irq_regs = regs;
	handle_irq(irq, vector);
	irq_regs = old_regs;
	irq_exit();
}

void init_IRQ(void)
{
	init_8259A();
}
