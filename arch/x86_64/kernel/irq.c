// SPDX-License-Identifier: GPL-2.0
/*
 * External interrupts: the handlers of each legacy IRQ line.
 * Linux: arch/x86/kernel/irq.c (common_interrupt), kernel/irq/manage.c
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/hardirq.h>
#include <linux/slab.h>
#include <asm/irq.h>
#include <asm/traps.h>
#include <asm/setup.h>

/* Interrupt handlers running now (include/linux/hardirq.h). */
unsigned int hardirq_depth;

/*
 * The handlers of one line: usually one; PCI devices may share a line
 * (IRQF_SHARED), each handler then checking its own device and saying
 * IRQ_NONE when the interrupt was not its. Linux: struct irqaction,
 * chained from struct irq_desc
 */
struct irq_action {
	irq_handler_t handler;
	unsigned long flags;		/* IRQF_* */
	const char *name;
	void *dev_id;
	struct irq_action *next;	/* another device on the line */
};

struct irq_desc {
	struct irq_action *action;
	struct irq_action first;	/* the first handler's, so the timer needs no kmalloc */
	unsigned long count;		/* interrupts, for /proc/interrupts and /proc/stat */
};

static struct irq_desc irq_desc[NR_LEGACY_IRQS];
static unsigned long spurious_count;

/*
 * Add handler to the line and unmask it. A second handler needs both to
 * have asked for IRQF_SHARED. Linux: request_irq() -> __setup_irq()
 */
int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev_id)
{
	struct irq_desc *desc = &irq_desc[irq < NR_LEGACY_IRQS ? irq : 0];
	struct irq_action *action, **p;

	if (irq >= NR_LEGACY_IRQS || !handler)
		return -EINVAL;
	if (desc->action && !(desc->action->flags & flags & IRQF_SHARED))
		return -EBUSY;
	action = desc->action ? kzalloc(sizeof(*action), GFP_KERNEL) : &desc->first;
	if (!action)
		return -ENOMEM;
	*action = (struct irq_action){ handler, flags, name, dev_id, NULL };
	for (p = &desc->action; *p; p = &(*p)->next)
		;
	*p = action;
	enable_8259A_irq(irq);
	return 0;
}

unsigned long irq_count(unsigned int irq)
{
	return irq < NR_LEGACY_IRQS ? irq_desc[irq].count : spurious_count;
}

static struct pt_regs *irq_regs;

/* The registers the current interrupt interrupted (Linux: get_irq_regs()). */
struct pt_regs *get_irq_regs(void)
{
	return irq_regs;
}

static void handle_irq(unsigned int irq, unsigned long vector)
{
	struct irq_action *action;
	bool handled = false;

	if (vector < FIRST_EXTERNAL_VECTOR || irq >= NR_LEGACY_IRQS) {
		if (!spurious_count++)
			pr_warn("unexpected interrupt vector %#lx (no handler)\n", vector);
		return;
	}
	if (spurious_8259A_irq(irq)) {
		spurious_count++;
		return;
	}
	irq_desc[irq].count++;
	for (action = irq_desc[irq].action; action; action = action->next)
		if (action->handler((int)irq, action->dev_id) == IRQ_HANDLED)
			handled = true;
	if (!handled)
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
