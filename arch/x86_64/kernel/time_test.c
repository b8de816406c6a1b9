// SPDX-License-Identifier: GPL-2.0
/*
 * ktests for the tick and the clock (time.c, tsc.c). QEMU's timers follow
 * the host's clock under TCG, so the tolerances are wide: these catch a
 * tick that never comes, a wrong rate, or a clock that runs backwards.
 */
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/timekeeping.h>
#include <asm/irq.h>
#include <asm/irqflags.h>

KTEST(time, tick, "jiffies advance at HZ while interrupts are on, and the TSC clock agrees")
{
	unsigned long start, target;
	u64 t0, t1, ms;

	KT_ASSERT_TRUE(t, !irqs_disabled());
	start = jiffies;
	while (jiffies == start)	/* line up with a tick */
		safe_halt();
	start = jiffies;
	t0 = ktime_get_ns();
	target = start + HZ / 10;
	while (jiffies < target)
		safe_halt();
	t1 = ktime_get_ns();
	ms = (t1 - t0) / NSEC_PER_MSEC;
	/*
	 * 100 ms of ticks. QEMU never delivers a periodic tick early, so the
	 * floor is tight; but a loaded host can stall the vCPU thread while
	 * the clock runs on (CI once saw more than 250 ms), so the ceiling
	 * only catches a rate that is badly off, not a slow host.
	 */
	if (!KT_EXPECT_TRUE(t, ms >= 80 && ms <= 1000))
		pr_info("ktest/time: %llu ms for HZ/10 ticks\n", ms);
	KT_EXPECT_TRUE(t, irq_count(TIMER_IRQ) >= HZ / 10);
}

KTEST(time, monotonic, "the monotonic clock never goes backwards and udelay waits at least as asked")
{
	u64 prev = ktime_get_ns(), t0;

	for (int i = 0; i < 10000; i++) {
		u64 now = ktime_get_ns();

		if (!KT_EXPECT_TRUE(t, now >= prev))
			break;
		prev = now;
	}
	t0 = ktime_get_ns();
	udelay(2000);
	KT_EXPECT_TRUE(t, ktime_get_ns() - t0 >= 2000 * NSEC_PER_USEC);
}
