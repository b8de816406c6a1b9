// SPDX-License-Identifier: GPL-2.0
/*
 * The cost of an rmap walk (bench=all or bench=rmap), run by `make
 * bench` under QEMU -icount, where a nanosecond is one guest
 * instruction: what page_referenced pays, for one page, to look at
 * every PTE that maps it. The page is the first of a 16-page heap whose
 * pages alternate between read-write and read-only (16 VMAs under one
 * anon_vma, as mprotect'd guard pages or an allocator's arenas make),
 * and the process forks until nr_procs processes share it. The anon_vma
 * then has 16 * nr_procs avcs; the interval tree offers the walk the
 * nr_procs VMAs whose range holds the page, where a list met them all.
 *
 * Lines: "bench: rmap_walk of a page mapped by N processes: <ns> ns
 * per walk, <v> VMAs visited of <n> in its anon_vma".
 */
#include <linux/kernel.h>
#include <linux/mman.h>
#include <linux/rmap.h>
#include <linux/sched.h>
#include <linux/ktest.h>
#include <linux/ktest_mm.h>
#include <linux/timekeeping.h>
#include <asm/processor.h>
#include <asm/uaccess.h>

#define P		PAGE_SIZE
#define HEAP_VMAS	16
#define MAX_PROCS	100
#define WALKS		200

struct referenced {
	int vmas;		/* VMAs the walk offered */
	int young;		/* PTEs mapping the page with the accessed bit */
};

static bool count_vma(struct vm_area_struct *vma, void *arg)
{
	((struct referenced *)arg)->vmas++;
	return false;
}

/* page_referenced_one() without clearing the bit: find the PTE, read it. */
static bool referenced_one(struct page *page, struct vm_area_struct *vma, unsigned long address,
			   void *arg)
{
	DEFINE_PAGE_VMA_WALK(pvmw, page, vma, address, 0);

	while (page_vma_mapped_walk(&pvmw))
		((struct referenced *)arg)->young += pte_young(*pvmw.pte);
	return true;
}

static int anon_vma_avcs(struct anon_vma *anon_vma)
{
	int n = 0;

	for (struct rb_node *rb = rb_first_cached(&anon_vma->rb_root); rb; rb = rb_next(rb))
		n++;
	return n;
}

static void bench_rmap_shared(int nr_procs)
{
	static struct mm_struct *children[MAX_PROCS];
	struct mm_struct *mm = ktest_mm_create();
	unsigned long a = vm_mmap(NULL, 0, HEAP_VMAS * P, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS, 0);
	struct referenced ref = { 0 };
	struct rmap_walk_control rwc = {
		.arg = &ref, .rmap_one = referenced_one, .invalid_vma = count_vma,
	};
	struct page *page;
	int forked = 0;
	u64 t0, ns;

	for (int i = 0; i < HEAP_VMAS; i++)
		put_user((char)1, (char *)(a + i * P));
	for (int i = 1; i < HEAP_VMAS; i += 2)
		do_mprotect(a + i * P, P, PROT_READ);
	while (forked < nr_procs - 1 && (children[forked] = dup_mm(current, mm)))
		forked++;
	page = pfn_to_page(pte_pfn(*ktest_pte(a)));
	t0 = tsc_cycles_to_ns(rdtsc_ordered());
	for (int i = 0; i < WALKS; i++)
		rmap_walk(page, &rwc);
	ns = (tsc_cycles_to_ns(rdtsc_ordered()) - t0) / WALKS;
	pr_info("bench: rmap_walk of a page mapped by %d process%s: %llu ns per walk, "
		"%d VMAs visited of %d in its anon_vma\n", forked + 1, forked ? "es" : "", ns,
		ref.vmas / WALKS, anon_vma_avcs(page_anon_vma(page)));
	while (forked)
		mmput(children[--forked]);
	ktest_mm_destroy(mm);
}

KBENCH(rmap, bench_rmap)
{
	bench_rmap_shared(1);
	bench_rmap_shared(10);
	bench_rmap_shared(100);
}
