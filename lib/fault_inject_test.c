// SPDX-License-Identifier: GPL-2.0
/*
 * ktests for fail-nth (include/linux/fault-inject.h): the Nth allocation
 * of the task fails, and an interrupt handler's allocations do not
 * count, since they are not the task's.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/hardirq.h>
#include <linux/ktest.h>

KTEST(fault_inject, nth, "fail_nth = 3: two allocations succeed, the third fails, and fail_nth reads 0 after")
{
	void *a, *b, *c;

	current->fail_nth = 3;
	a = kmalloc(32, GFP_KERNEL);
	b = kmalloc(32, GFP_KERNEL);
	c = kmalloc(32, GFP_KERNEL);
	KT_EXPECT_TRUE(t, a && b && !c);
	KT_EXPECT_EQ(t, 0, current->fail_nth);
	kfree(a);
	kfree(b);
}

KTEST(fault_inject, not_in_interrupt, "an allocation in an interrupt handler neither fails nor counts toward the task's fail_nth")
{
	void *p;

	current->fail_nth = 1;
	irq_enter();			/* as common_interrupt() does */
	p = kmalloc(32, GFP_ATOMIC);
	irq_exit();
	KT_EXPECT_TRUE(t, p);
	KT_EXPECT_EQ(t, 1, current->fail_nth);
	kfree(p);
	KT_EXPECT_TRUE(t, !kmalloc(32, GFP_KERNEL));	/* the task's own: fails */
	KT_EXPECT_EQ(t, 0, current->fail_nth);
}
