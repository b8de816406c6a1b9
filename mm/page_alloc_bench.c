// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmarks of the buddy allocator (bench=all or bench=buddy): the cost
 * of one alloc_pages + __free_pages pair for orders 0, 3 and 9. Under
 * QEMU -icount (make bench) a nanosecond is one guest instruction, so the
 * figures are exact and repeat to the digit.
 */
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/timekeeping.h>
#include <asm/processor.h>

static void bench_order(unsigned int order, unsigned int iterations)
{
	struct page *page;
	u64 start, ns;

	/* One round first, so the measured ones find the lists in their steady state. */
	page = alloc_pages(GFP_KERNEL, order);
	if (!page)
		return;
	__free_pages(page, order);

	start = rdtsc_ordered();
	for (unsigned int i = 0; i < iterations; i++) {
		page = alloc_pages(GFP_KERNEL, order);
		__free_pages(page, order);
	}
	ns = tsc_cycles_to_ns(rdtsc_ordered() - start);
	pr_info("bench: buddy alloc+free order %u: %llu ns per call, %llu ns per page\n",
		order, ns / iterations, ns / iterations >> order);
}

KBENCH(buddy, bench_buddy)
{
	bench_order(0, 20000);
	bench_order(3, 5000);
	bench_order(9, 1000);
}
