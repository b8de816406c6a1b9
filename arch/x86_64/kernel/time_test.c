// SPDX-License-Identifier: GPL-2.0
/*
 * ktests for the tick and the clock (time.c, tsc.c). Without -icount,
 * QEMU's timers follow the host's clock, and a loaded host stalls the
 * vCPU while that clock runs on: no bound on elapsed time would hold. So
 * these run only in a boot of their own under -icount shift=0,sleep=off
 * (tests/ktest.sh, KTEST_ICOUNT), where guest time is one nanosecond per
 * instruction and the PIT, the TSC and the tick agree exactly.
 */
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/timekeeping.h>
#include <asm/irq.h>
#include <asm/irqflags.h>

KTEST_FLAGS(time, tick, "jiffies advance at HZ while interrupts are on, and the TSC clock agrees",
	    KTEST_ICOUNT)
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
	/* 100 ms of ticks, to the millisecond: TSC calibration is exact here. */
	if (!KT_EXPECT_TRUE(t, ms >= 99 && ms <= 101))
		pr_info("ktest/time: %llu ms for HZ/10 ticks\n", ms);
	KT_EXPECT_TRUE(t, irq_count(TIMER_IRQ) >= HZ / 10);
}

KTEST_FLAGS(time, monotonic, "the monotonic clock never goes backwards and udelay waits at least as asked",
	    KTEST_ICOUNT)
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
