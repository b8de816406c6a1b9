// SPDX-License-Identifier: GPL-2.0
/*
 * start_kernel(): bring the pieces up in dependency order.
 * Linux: init/main.c
 *
 *   cpu_init        GDT, TSS, IDT, CR4 protections: faults report from here on
 *   setup_arch      memory map, memblock, final page tables, struct pages
 *   parse_args      the command line, now that every handler is known
 *   mm_core_init    buddy allocator, then slab
 *   init_IRQ/time   PIC, PIT tick, TSC clock; interrupts on
 *   ktests/benches  when the command line asks
 *
 * There are no processes yet, so after that the kernel powers off.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/utsname.h>
#include <linux/timekeeping.h>
#include <linux/ktest.h>
#include <linux/radix-tree.h>
#include <linux/rmap.h>
#include <linux/fs.h>
#include <asm/desc.h>
#include <asm/irqflags.h>
#include <asm/reboot.h>
#include <asm/setup.h>

static void show_zones(void)
{
	struct zone *zone;

	for_each_zone(zone) {
		if (!zone->spanned_pages)
			continue;
		pr_info("zone %-6s pfn %#07lx-%#07lx: %lu present, %lu managed, %lu free pages\n",
			zone->name, zone->zone_start_pfn, zone_end_pfn(zone) - 1,
			zone->present_pages, zone->managed_pages,
			zone_page_state(zone, NR_FREE_PAGES));
	}
	pr_info("buddy: free blocks of order 0..%d per zone (as /proc/buddyinfo):\n",
		MAX_ORDER - 1);
	show_buddyinfo();
}

/* The moment the kernel is ready for work: `make bench` measures up to here. */
static void kernel_ready(void)
{
	u64 since_reset = ns_since_reset(), since_entry = ktime_get_ns();

	pr_info("Faultline ready: %llu.%06llu s after reset, %llu.%06llu s after kernel entry\n",
		since_reset / NSEC_PER_SEC, since_reset % NSEC_PER_SEC / NSEC_PER_USEC,
		since_entry / NSEC_PER_SEC, since_entry % NSEC_PER_SEC / NSEC_PER_USEC);
}

void start_kernel(unsigned long mbi_phys)
{
	pr_notice("Faultline version %s (%s) (gcc %s) #1\n", FAULTLINE_VERSION,
		  UTS_RELEASE, __VERSION__);
	cpu_init();
	setup_arch(mbi_phys);
	pr_notice("Kernel command line: %s\n", boot_command_line);
	parse_args();
	mm_core_init();
	radix_tree_init();
	anon_vma_init();
	vfs_caches_init();
	populate_rootfs();
	show_zones();
	init_IRQ();
	time_init();
	local_irq_enable();
	kernel_ready();

	ktest_run();
	bench_run();

	pr_info("Faultline: no processes yet (they arrive with ELF exec); nothing to run.\n");
	machine_power_off();
}
