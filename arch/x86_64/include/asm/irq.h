/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_IRQ_H
#define _ASM_X86_IRQ_H

#include <asm/ptrace.h>

/* Legacy IRQ lines of the two 8259 PICs. */
#define TIMER_IRQ	0
#define COM1_IRQ	4

enum irqreturn {
	IRQ_NONE,
	IRQ_HANDLED,
};
typedef enum irqreturn irqreturn_t;
typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

/* Linux: include/linux/interrupt.h, kernel/irq/ (much simplified). */
#define IRQF_SHARED	0x80	/* other devices' handlers may share the line */
int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev_id);
void common_interrupt(struct pt_regs *regs, unsigned long vector, unsigned long unused);
struct pt_regs *get_irq_regs(void);
unsigned long irq_count(unsigned int irq);

/* arch/x86_64/kernel/i8259.c */
void init_8259A(void);
void enable_8259A_irq(unsigned int irq);
void disable_8259A_irq(unsigned int irq);
void eoi_8259A(unsigned int irq);
bool spurious_8259A_irq(unsigned int irq);

#endif
