/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _HOST_ASM_IRQFLAGS_H
#define _HOST_ASM_IRQFLAGS_H

/*
 * Host unit tests: this header shadows arch/x86_64/include/asm/irqflags.h
 * (cli/sti would fault in a user process). No interrupts on the host.
 */
#define local_irq_save(flags)	((flags) = 0)
#define local_irq_restore(flags) ((void)(flags))
#define local_irq_disable()	do { } while (0)
#define local_irq_enable()	do { } while (0)

#endif
