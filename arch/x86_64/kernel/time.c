// SPDX-License-Identifier: GPL-2.0
/*
 * The periodic tick: PIT channel 0 interrupts HZ times a second on IRQ 0,
 * and each interrupt advances jiffies. Linux: arch/x86/kernel/time.c,
 * drivers/clocksource/i8253.c, kernel/time/tick-common.c
 *
 * PIT channel 0 in mode 2 (rate generator) divides its 1.193182 MHz input
 * by LATCH and raises IRQ 0 at the end of every period.
 */
#include <linux/kernel.h>
#include <linux/timekeeping.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <linux/sched.h>
#include <linux/timer.h>

#define PIT_TICK_RATE	1193182UL
#define LATCH		((PIT_TICK_RATE + HZ / 2) / HZ)

volatile u64 jiffies_64;

void tsc_init(void);

/*
 * One tick: time moves on, the running task is charged for it (user or
 * system time, its time slice), due timers run. Linux: tick_periodic()
 * -> update_process_times()
 */
static irqreturn_t timer_interrupt(int irq, void *dev_id)
{
	(void)irq;
	(void)dev_id;
	jiffies_64++;
	scheduler_tick(user_mode(get_irq_regs()));
	run_local_timers();
	return IRQ_HANDLED;
}

static void setup_pit_timer(void)
{
	outb(0x34, 0x43);		/* channel 0, lo/hi byte, mode 2, binary */
	outb(LATCH & 0xff, 0x40);
	outb(LATCH >> 8, 0x40);
}

void time_init(void)
{
	tsc_init();
	setup_pit_timer();
	if (request_irq(TIMER_IRQ, timer_interrupt, 0, "timer", NULL))
		pr_err("time_init: IRQ 0 is taken; no timer tick\n");
	pr_info("clocksource: PIT tick at %d Hz, monotonic clock from the TSC\n", HZ);
}
