// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/meminfo. Linux: fs/proc/meminfo.c, mm/page_alloc.c
 * (si_mem_available), arch/x86/mm/pat/set_memory.c (arch_report_meminfo)
 *
 * Every line Debian 12's Linux 6.1 prints, in its order and widths. A
 * field is Faultline's own count where Faultline has the thing it counts
 * and 0 where it has not: no dirty-page accounting (tmpfs and swap-cache
 * pages are never counted dirty, so Dirty stays 0 in Linux too), no
 * huge pages, no per-CPU areas. Writeback counts pages being written.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/vmstat.h>
#include <linux/swap.h>
#include <linux/vmalloc.h>
#include <linux/proc_fs.h>
#include <asm/page_types.h>
#include <asm/pgtable.h>
#include <linux/swap.h>
#include "internal.h"

/* "Label:" padded to 16, the value in kB right-aligned in 8. Linux: show_val_kb() */
static void show_val_kb(struct seq_file *m, const char *s, unsigned long num)
{
	seq_put_decimal_ull_width(m, s, num << (PAGE_SHIFT - 10), 8);
	seq_write(m, " kB\n", 4);
}

static void show_kb(struct seq_file *m, const char *s, unsigned long kb)
{
	seq_put_decimal_ull_width(m, s, kb, 8);
	seq_write(m, " kB\n", 4);
}

/*
 * What could be allocated without swapping: the free pages less what
 * the zones keep back (high watermarks and lowmem reserves), plus the
 * pages on the file LRU lists (page cache not in tmpfs, and MADV_FREE
 * pages: reclaim drops them unwritten) and the slab that could be
 * reclaimed, each less what reclaim would leave of it (half, or the low
 * watermarks). Linux: si_mem_available()
 */
static unsigned long si_mem_available(void)
{
	long pagecache = (long)(global_node_page_state(NR_ACTIVE_FILE) +
				global_node_page_state(NR_INACTIVE_FILE));
	long reclaimable = (long)(global_node_page_state(NR_SLAB_RECLAIMABLE_B) >> PAGE_SHIFT);
	long available, wmark_low = 0;
	struct zone *zone;

	for_each_zone(zone)
		wmark_low += (long)low_wmark_pages(zone);
	available = (long)global_zone_page_state(NR_FREE_PAGES) - (long)totalreserve_pages;
	pagecache -= min(pagecache / 2, wmark_low);
	available += pagecache;
	available += reclaimable - min(reclaimable / 2, wmark_low);
	return available < 0 ? 0 : (unsigned long)available;
}

int meminfo_proc_show(struct seq_file *m, struct task_struct *task)
{
	unsigned long sreclaimable = global_node_page_state(NR_SLAB_RECLAIMABLE_B) >> PAGE_SHIFT;
	unsigned long sunreclaim = global_node_page_state(NR_SLAB_UNRECLAIMABLE_B) >> PAGE_SHIFT;
	unsigned long pages[NR_LRU_LISTS];
	enum lru_list lru;

	for_each_lru(lru)
		pages[lru] = global_node_page_state(NR_LRU_BASE + lru);

	show_val_kb(m, "MemTotal:       ", totalram_pages);
	show_val_kb(m, "MemFree:        ", global_zone_page_state(NR_FREE_PAGES));
	show_val_kb(m, "MemAvailable:   ", si_mem_available());
	show_val_kb(m, "Buffers:        ", 0);
	show_val_kb(m, "Cached:         ", global_node_page_state(NR_FILE_PAGES) -
					    global_node_page_state(NR_SWAPCACHE));
	show_val_kb(m, "SwapCached:     ", global_node_page_state(NR_SWAPCACHE));
	show_val_kb(m, "Active:         ", pages[LRU_ACTIVE_ANON] + pages[LRU_ACTIVE_FILE]);
	show_val_kb(m, "Inactive:       ", pages[LRU_INACTIVE_ANON] + pages[LRU_INACTIVE_FILE]);
	show_val_kb(m, "Active(anon):   ", pages[LRU_ACTIVE_ANON]);
	show_val_kb(m, "Inactive(anon): ", pages[LRU_INACTIVE_ANON]);
	show_val_kb(m, "Active(file):   ", pages[LRU_ACTIVE_FILE]);
	show_val_kb(m, "Inactive(file): ", pages[LRU_INACTIVE_FILE]);
	show_val_kb(m, "Unevictable:    ", pages[LRU_UNEVICTABLE]);
	show_val_kb(m, "Mlocked:        ", global_zone_page_state(NR_MLOCK));
	show_val_kb(m, "SwapTotal:      ", (unsigned long)total_swap_pages);
	show_val_kb(m, "SwapFree:       ", get_nr_swap_pages());
	show_val_kb(m, "Zswap:          ", 0);
	show_val_kb(m, "Zswapped:       ", 0);
	show_val_kb(m, "Dirty:          ", 0);
	show_val_kb(m, "Writeback:      ", global_node_page_state(NR_WRITEBACK));
	show_val_kb(m, "AnonPages:      ", global_node_page_state(NR_ANON_MAPPED));
	show_val_kb(m, "Mapped:         ", global_node_page_state(NR_FILE_MAPPED));
	show_val_kb(m, "Shmem:          ", global_node_page_state(NR_SHMEM));
	show_val_kb(m, "KReclaimable:   ", sreclaimable);
	show_val_kb(m, "Slab:           ", sreclaimable + sunreclaim);
	show_val_kb(m, "SReclaimable:   ", sreclaimable);
	show_val_kb(m, "SUnreclaim:     ", sunreclaim);
	show_kb(m, "KernelStack:    ", global_node_page_state(NR_KERNEL_STACK_KB));
	show_val_kb(m, "PageTables:     ", global_node_page_state(NR_PAGETABLE));
	show_val_kb(m, "SecPageTables:  ", 0);
	show_val_kb(m, "NFS_Unstable:   ", 0);
	show_val_kb(m, "Bounce:         ", 0);
	show_val_kb(m, "WritebackTmp:   ", 0);
	show_val_kb(m, "CommitLimit:    ", vm_commit_limit());
	show_val_kb(m, "Committed_AS:   ", vm_memory_committed());
	seq_printf(m, "VmallocTotal:   %8lu kB\n", (VMALLOC_END - VMALLOC_START) >> 10);
	show_val_kb(m, "VmallocUsed:    ", vmalloc_nr_pages());
	show_kb(m, "VmallocChunk:   ", 0);
	show_kb(m, "Percpu:         ", 0);
	seq_printf(m, "HardwareCorrupted: %5lu kB\n", 0UL);
	show_val_kb(m, "AnonHugePages:  ", 0);
	show_val_kb(m, "ShmemHugePages: ", 0);
	show_val_kb(m, "ShmemPmdMapped: ", 0);
	show_val_kb(m, "FileHugePages:  ", 0);
	show_val_kb(m, "FilePmdMapped:  ", 0);
	/* Linux: hugetlb_report_meminfo() */
	seq_printf(m, "HugePages_Total:   %5lu\nHugePages_Free:    %5lu\n"
		   "HugePages_Rsvd:    %5lu\nHugePages_Surp:    %5lu\n"
		   "Hugepagesize:   %8lu kB\n", 0UL, 0UL, 0UL, 0UL, PMD_SIZE >> 10);
	show_kb(m, "Hugetlb:        ", 0);
	arch_report_meminfo(m);
	return 0;
}
